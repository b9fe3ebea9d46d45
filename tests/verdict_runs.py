"""Grade the right and wrong solutions of some exercises many times and count the verdicts that came out wrong.

    .venv/bin/python tests/verdict_runs.py 04 05 06 --runs 30
    GRADER_MP_START=spawn .venv/bin/python tests/verdict_runs.py 04 --runs 3

A right verdict: the reference solution and every alternative pass every check; every wrong solution fails on their
own exactly the checks its first line declares, on every run (so a check it fails only sometimes, a grade that
changes with the machine's load, is a wrong verdict in the runs that differ). Run it with the machine busy (e.g.
`python -c "while True: pass" &`) to prove that no verdict depends on load. Not collected by pytest (no `test_`
prefix): it takes minutes.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from support import GRADES_ENV, KIT, SUBMISSIONS, grade_source
from test_solutions_and_wrong import CATALOG, declared_failures, own_failures, runs_here


def cases(exercise_ids: list[str]) -> list[tuple[str, Path, set[str] | None]]:
    """(exercise, file, checks it must fail) with None meaning "must pass everything"."""
    found: list[tuple[str, Path, set[str] | None]] = []
    for exercise in CATALOG.select(exercise_ids):
        stem = exercise.filename.removesuffix(".py")
        found.append((exercise.id, KIT / "solutions" / exercise.filename, None))
        more = sorted((SUBMISSIONS / "alternative" / stem).glob("*.py"))
        for path in [SUBMISSIONS / "alternative" / exercise.filename, *more]:
            if path.is_file() and runs_here(path):
                found.append((exercise.id, path, None))
        wrong = sorted((SUBMISSIONS / "wrong" / stem).glob("*.py"))
        found += [(exercise.id, p, declared_failures(p)) for p in wrong if runs_here(p)]
    return found


def main() -> int:
    os.environ.pop(GRADES_ENV, None)  # every run grades for real: repeating them is the point
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("exercises", nargs="+")
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    todo = cases(args.exercises)
    wrong_verdicts = 0
    durations: dict[str, list[float]] = defaultdict(list)
    for run in range(1, args.runs + 1):
        for exercise_id, path, must_fail in todo:
            started = time.perf_counter()
            with tempfile.TemporaryDirectory() as tmp:
                result = grade_source(Path(tmp), exercise_id, path)
            case = f"{exercise_id} {path.parent.name}/{path.name}"
            durations[case].append(time.perf_counter() - started)
            failed = {c.name: c for c in result.checks if not c.passed}
            if must_fail is None and failed:
                problem = "; ".join(f"{n}: {c.status.value} {c.message}" for n, c in failed.items())
            elif must_fail is not None and (own := own_failures(result)) != must_fail:
                problem = f"passed {sorted(must_fail - own)}, newly failed {sorted(own - must_fail)}"
            else:
                continue
            wrong_verdicts += 1
            print(f"run {run}: WRONG VERDICT {case}: {problem}", flush=True)
        print(f"run {run}/{args.runs} done, wrong verdicts so far: {wrong_verdicts}", flush=True)
    for name, times in durations.items():
        print(f"  {name:60s} median {statistics.median(times):5.2f} s  max {max(times):5.2f} s")
    print(f"gradings: {len(todo) * args.runs}, wrong verdicts: {wrong_verdicts}")
    return 1 if wrong_verdicts else 0


if __name__ == "__main__":
    sys.exit(main())
