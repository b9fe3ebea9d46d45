"""Grade the right and wrong solutions of some exercises many times and count the verdicts that came out wrong.

    .venv/bin/python tests/verdict_runs.py 04 05 06 --runs 30
    GRADER_MP_START=spawn .venv/bin/python tests/verdict_runs.py 04 --runs 3

A right verdict: the reference solution and every alternative pass every check; every wrong solution fails on their
own exactly the checks its first line declares, on every run (so a check it fails only sometimes, a grade that
changes with the machine's load, is a wrong verdict in the runs that differ). Run it with the machine busy (e.g.
`python -c "while True: pass" &`) to prove that no verdict depends on load. Not collected by pytest (no `test_`
prefix): it takes minutes.

What a failing check tells the student should not depend on load either. The kit's own tests read each file's
messages from one grading, made while other tests keep both cores busy, so a message that comes out otherwise on an
idle machine (a stall left without its line, because the sampler never got the GIL) passes them. So the messages
of every run are compared too (numbers aside), and `--messages FILE` keeps them: run once idle and once busy with
the same FILE, and the second run lists what the first said otherwise.

    .venv/bin/python tests/verdict_runs.py 04 05 --messages /tmp/messages.json    # idle: writes the file
    python -c "while True: pass" & .venv/bin/python tests/verdict_runs.py 04 05 --messages /tmp/messages.json
"""

from __future__ import annotations

import argparse
import json
import os
import re
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


def said(check) -> str:
    """What a failing check told the student, less what changes from run to run anyway: durations, counts of
    heartbeat ticks, thread idents and addresses in a repr."""
    text = "\n".join(part or "" for part in (check.message, check.expected, check.fix))
    text = re.sub(r"0x[0-9a-f]+", "0x…", text)
    return re.sub(r"\d+\.\d+|\d{6,}|\b\d+ time\(s\)", "#", text)


def compare_messages(messages: dict[str, dict[str, list[str]]], path: Path | None) -> int:
    """Print the checks whose message differed between runs, or from the earlier run kept in `path` (then updated);
    return how many."""
    earlier = json.loads(path.read_text()) if path is not None and path.is_file() else {}
    differing = 0
    for case, checks in messages.items():
        for name, texts in checks.items():
            variants = sorted(set(texts) | set(earlier.get(case, {}).get(name, [])))
            if len(variants) > 1:
                differing += 1
                print(f"MESSAGE VARIES {case} {name}:" + "".join(f"\n    | {v!r}" for v in variants), flush=True)
    if path is not None:
        for case, checks in messages.items():
            for name, texts in checks.items():
                kept = earlier.setdefault(case, {}).setdefault(name, [])
                kept += [text for text in dict.fromkeys(texts) if text not in kept]
        path.write_text(json.dumps(earlier, indent=1, ensure_ascii=False))
    return differing


def main() -> int:
    os.environ.pop(GRADES_ENV, None)  # every run grades for real: repeating them is the point
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("exercises", nargs="+")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--messages", type=Path, help="keep the messages here, and compare with those kept before")
    args = parser.parse_args()
    todo = cases(args.exercises)
    wrong_verdicts = 0
    durations: dict[str, list[float]] = defaultdict(list)
    messages: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for run in range(1, args.runs + 1):
        for exercise_id, path, must_fail in todo:
            started = time.perf_counter()
            with tempfile.TemporaryDirectory() as tmp:
                result = grade_source(Path(tmp), exercise_id, path)
            case = f"{exercise_id} {path.parent.name}/{path.name}"
            durations[case].append(time.perf_counter() - started)
            failed = {c.name: c for c in result.checks if not c.passed}
            for name, check in failed.items():
                messages[case][name].append(said(check))
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
    varying = compare_messages(messages, args.messages)
    print(f"gradings: {len(todo) * args.runs}, wrong verdicts: {wrong_verdicts}, messages that vary: {varying}")
    return 1 if wrong_verdicts else 0


if __name__ == "__main__":
    sys.exit(main())
