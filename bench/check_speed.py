"""How long `grader check` takes on the reference solutions, against a plain pytest run of the same suites.

    python bench/check_speed.py [NN ...] [--runs 10]

For each exercise named (default: every exercise), and for all of them together, it times `grader check` and a
plain `python -m pytest` of the same suite files on the same copy of the solutions, interleaving the two so that
both see the same machine, and prints the medians and the ratio grader/pytest. Speed is measured here, never in
timed tests.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

KIT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(KIT))

from grader.catalog import SUITES_DIR, load_catalog  # noqa: E402


def timed(command: list[str], cwd: Path, ok_codes: tuple[int, ...]) -> float:
    started = time.perf_counter()
    run = subprocess.run(command, cwd=cwd, capture_output=True, env={**os.environ, "NO_COLOR": "1"})
    elapsed = time.perf_counter() - started
    if run.returncode not in ok_codes:
        raise SystemExit(f"{' '.join(command)} exited {run.returncode}:\n{run.stdout.decode()[-2000:]}")
    return elapsed


def compare(ids: list[str], submission: Path, runs: int) -> tuple[float, float]:
    suites = [str(load_catalog().get(i).suite) for i in ids]
    grader = [sys.executable, "-m", "grader", "check", *ids, "--path", str(submission)]
    plain = [sys.executable, "-m", "pytest", "-c", str(SUITES_DIR / "pytest.ini"), "--rootdir", str(SUITES_DIR),
             "-q", "-p", "no:cacheprovider", *suites]  # fmt: skip
    grader_times, plain_times = [], []
    for _ in range(runs):
        grader_times.append(timed(grader, submission, (0,)))
        plain_times.append(timed(plain, submission, (0,)))
    return statistics.median(grader_times), statistics.median(plain_times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("exercises", nargs="*")
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    ids = [e.id for e in load_catalog().select(args.exercises)]
    submission = Path(tempfile.mkdtemp(prefix="bench-"))
    shutil.copytree(KIT / "solutions", submission / "exercises", ignore=shutil.ignore_patterns("__pycache__"))
    try:
        print(f"{'exercises':<28} {'grader (s)':>10} {'pytest (s)':>10} {'ratio':>6}   median of {args.runs} runs")
        groups = [[i] for i in ids] + ([ids] if len(ids) > 1 else [])
        for group in groups:
            grader, plain = compare(group, submission, args.runs)
            label = " ".join(group) if len(group) < 9 else "all"
            print(f"{label:<28} {grader:>10.3f} {plain:>10.3f} {grader / plain:>6.2f}")
    finally:
        shutil.rmtree(submission, ignore_errors=True)


if __name__ == "__main__":
    main()
