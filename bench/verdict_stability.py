"""Do verdicts hold when the machine is busy? Grade every known submission many times under load and count
verdicts that differ from what the submission must get.

    python bench/verdict_stability.py [NN ...] [--runs 30] [--burners 1]

Known submissions are the reference solutions and the alternative solutions (every check must pass), the stubs
(every check must fail) and the wrong solutions under tests/data/submissions/wrong (each must fail the checks its
first line names). `--burners` starts that many busy-looping processes for the whole run, so that the grader
competes for the cores. A wrong verdict is printed with its message; the last line gives the count.
"""

from __future__ import annotations

import argparse
import multiprocessing
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

KIT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(KIT))

from grader.catalog import Exercise, load_catalog  # noqa: E402
from grader.runner import grade_exercise  # noqa: E402

SUBMISSIONS = KIT / "tests" / "data" / "submissions"
FAILS = re.compile(r"^# fails: (?P<names>[a-z0-9_, ]+)$")


def burn() -> None:
    while True:
        pass


def cases(exercise: Exercise) -> list[tuple[str, Path, set[str] | None]]:
    """(label, file, checks that must fail): None means every check must pass, {"*"} every check must fail."""
    found: list[tuple[str, Path, set[str] | None]] = [
        ("solution", KIT / "solutions" / exercise.filename, None),
        ("stub", KIT / "exercises" / exercise.filename, {"*"}),
    ]
    alternative = SUBMISSIONS / "alternative" / exercise.filename
    if alternative.is_file():
        found.append(("alternative", alternative, None))
    for path in sorted((SUBMISSIONS / "wrong" / exercise.filename.removesuffix(".py")).glob("*.py")):
        match = FAILS.match(path.read_text().splitlines()[0])
        if match:
            found.append((f"wrong/{path.stem}", path, {n.strip() for n in match["names"].split(",")}))
    return found


def wrong_verdicts(exercise: Exercise, path: Path, must_fail: set[str] | None) -> list[str]:
    root = Path(tempfile.mkdtemp(prefix="stability-"))
    try:
        (root / "exercises").mkdir()
        shutil.copy(KIT / "exercises" / "util.py", root / "exercises" / "util.py")
        shutil.copy(path, root / "exercises" / exercise.filename)
        result = grade_exercise(exercise, root)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    problems = []
    for check in result.checks:
        should_fail = must_fail is not None and ("*" in must_fail or check.name in must_fail)
        if must_fail is None and not check.passed:
            problems.append(f"{check.name} failed: {check.message}")
        elif should_fail and check.passed:
            problems.append(f"{check.name} passed but must fail")
    return problems


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("exercises", nargs="*")
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--burners", type=int, default=1)
    args = parser.parse_args()
    burners = [multiprocessing.Process(target=burn, daemon=True) for _ in range(args.burners)]
    for burner in burners:
        burner.start()
    started, graded, wrong = time.monotonic(), 0, 0
    try:
        for run in range(1, args.runs + 1):
            for exercise in load_catalog().select(args.exercises):
                for label, path, must_fail in cases(exercise):
                    graded += 1
                    for problem in wrong_verdicts(exercise, path, must_fail):
                        wrong += 1
                        print(f"run {run}: {exercise.id} {label}: {problem}", flush=True)
            print(f"run {run}/{args.runs} done, {wrong} wrong verdict(s) so far", flush=True)
    finally:
        for burner in burners:
            burner.terminate()
    minutes = (time.monotonic() - started) / 60
    print(f"{graded} gradings with {args.burners} busy core(s) in {minutes:.1f} min: {wrong} wrong verdict(s)")


if __name__ == "__main__":
    main()
