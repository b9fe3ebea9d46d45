"""Throughput of `grader batch` on the generated 40-student class, against a plain serial loop of pytest.

    .venv/bin/python bench/batch_throughput.py [--runs 3] [--jobs N] [--exercises 01|all|01,04] [--benign-only]
    .venv/bin/python bench/batch_throughput.py --finished 12 [--runs 3]

Builds the class of tests/classroom.py (correct, partial, wrong, stubs and the hostile catalogue) in a temporary
folder, then alternates, --runs times: one `grader batch` of the whole class into a fresh --out, and one plain
loop that runs `python -m pytest <suites>` once per student, in the student's repository, one after the other.
The hostile cases are in exercise 01; with `--exercises all` every other exercise file of the class is the kit's
untouched stub, as in a class early in the course.
Prints the median (and the range) of each, students per minute, their ratio, and the grader's peak memory; and
checks every batch's gradebook against what each student must get (a stability check of the verdicts).

The plain loop is the naive baseline, not a safe grader, and nothing stops a hostile student from writing
wherever they aim: it grades its own copy of the class, whose hostile students aim at a private copy of the
suites (restored before each student, since one of them rewrites it) and a dummy --out, never at the kit. It
also gets the rails that keep this machine alive: a new session, 3 GB of address space, 256 processes through a
pids cgroup when one can be made (else the fork bombs are left out of it), pytest-timeout at the exercise's limit,
and a kill after --plain-timeout seconds (a hang in a thread or a process outlives pytest-timeout).
`--benign-only` measures the students without the hostile ones. `--finished N` measures instead a class of N
students who finished the course, each handing in all nine reference solutions: nothing there is a stub, so every
file of every student is graded, as at the end of a term.
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

KIT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(KIT / "tests"))

from classroom import Expected, build_class, layer_names  # noqa: E402

from grader.catalog import SUITES_DIR, Exercise, load_catalog  # noqa: E402
from grader.run_processes import PidsCgroup  # noqa: E402
from grader.sandbox import probe  # noqa: E402


def batch_once(folder: Path, out: Path, jobs: int, exercises: list[Exercise], expected: dict) -> tuple:
    """One graded class: seconds, the grader's peak memory, and the students whose grade was not the expected."""
    shutil.rmtree(out, ignore_errors=True)
    started = time.perf_counter()
    command = [sys.executable, "-m", "grader", "batch", str(folder), "--out", str(out), "--jobs", str(jobs),
               "--exercises", ",".join(e.id for e in exercises)]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"grader batch failed:\n{done.stderr}")
    peak = float(re.search(r"peak memory (\d+) MB", done.stdout)[1])
    with open(out / "grades.csv", encoding="utf-8-sig", newline="") as file:
        got = {row["student"]: (row["status"], row["total"]) for row in csv.DictReader(file)}
    wrong = [f"{name}: {got.get(name)} instead of {(case.status, str(case.score))}"
             for name, case in expected.items() if got.get(name) != (case.status, str(case.score))]  # fmt: skip
    return elapsed, peak, wrong


def plain_pytest(repo: Path, suites: Path, exercises: list[Exercise], timeout: float, cgroup: PidsCgroup | None):
    command = [
        "timeout", "-s", "KILL", str(timeout), "prlimit", f"--as={3 * 1024**3}",
        sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-c", str(suites / "pytest.ini"),
        "--rootdir", str(suites), "-p", "timeout", f"--timeout={max(e.time_limit for e in exercises):g}",
        *(str(suites / e.suite.name) for e in exercises),
    ]  # fmt: skip
    if cgroup:
        command = ["sh", "-c", f'echo $$ > {cgroup.path}/cgroup.procs && exec "$@"', "sh", *command]
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTEST_ADDOPTS")}
    env["PYTHONDONTWRITEBYTECODE"] = "1"  # a linked exercises/ folder points into the kit: leave no cache there
    subprocess.run(command, cwd=repo, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, start_new_session=True)  # fmt: skip


def plain_once(students: list[Path], suites: Path, exercises: list[Exercise], timeout: float) -> float:
    started = time.perf_counter()
    for repo in students:
        shutil.rmtree(suites, ignore_errors=True)  # what the student before may have rewritten
        shutil.copytree(SUITES_DIR, suites)
        cgroup = PidsCgroup.create(256)
        try:
            plain_pytest(repo, suites, exercises, timeout, cgroup)
        finally:
            if cgroup:
                cgroup.destroy()  # what the student left running
    return time.perf_counter() - started


def finished_class(folder: Path, size: int) -> dict[str, Expected]:
    """`size` students who handed in every reference solution, each to score every point."""
    catalog = load_catalog()
    for number in range(1, size + 1):
        exercises = folder / f"finished-{number}" / "exercises"
        shutil.copytree(KIT / "exercises", exercises)
        for exercise in catalog:
            shutil.copy(KIT / "solutions" / exercise.filename, exercises / exercise.filename)
    total = sum(e.max_score for e in catalog)
    return {f"finished-{n}": Expected("ok", total, hostile=False) for n in range(1, size + 1)}


def describe(name: str, times: list[float], students: int) -> str:
    median = statistics.median(times)
    spread = f"{min(times):.1f}–{max(times):.1f} s" if len(times) > 1 else "one run"
    return f"{name:<22} median {median:6.1f} s ({spread}) · {students / median * 60:5.1f} students/min"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument("--exercises", default="01", help="01 (default), all, or a list such as 01,04")
    parser.add_argument("--plain-timeout", type=float, default=30.0)
    parser.add_argument("--benign-only", action="store_true")
    parser.add_argument("--finished", type=int, default=0, metavar="N", help="N students with every exercise done")
    args = parser.parse_args()
    if args.finished:
        args.exercises = "all"
    exercises = load_catalog().select([] if args.exercises == "all" else args.exercises.split(","))

    report = probe()
    layers = layer_names(report)
    work = Path(tempfile.mkdtemp(prefix="bench-batch-"))
    try:
        folder, out, plain_folder, suites = work / "class", work / "out", work / "plain-class", work / "suites"
        if args.finished:  # no hostile code: both graders can read the same folder
            expected, plain_folder = finished_class(folder, args.finished), folder
        else:
            expected = build_class(folder, out, layers)
            build_class(plain_folder, work / "plain-out", layers, suites=suites)
        if args.benign_only:
            for name, case in expected.items():
                if case.hostile:
                    shutil.rmtree(folder / name)
            expected = {n: c for n, c in expected.items() if not c.hostile}
        can_bound = PidsCgroup.create(256)
        if can_bound:
            can_bound.destroy()
        plain_students = [plain_folder / n for n, c in sorted(expected.items())
                          if can_bound or c.requires != "processes"]  # fmt: skip
        print(
            f"{len(expected)} students ({sum(c.hostile for c in expected.values())} hostile), "
            f"exercise(s) {','.join(e.id for e in exercises)}, "
            f"--jobs {args.jobs}, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the start"
        )
        print("isolation:", ", ".join(report["layers"]))
        batch_times, plain_times, peaks, wrong = [], [], [], []
        for run in range(args.runs):
            elapsed, peak, mistakes = batch_once(folder, out, args.jobs, exercises, expected)
            batch_times.append(elapsed)
            peaks.append(peak)
            wrong += [f"run {run + 1}: {m}" for m in mistakes]
            plain_times.append(plain_once(plain_students, suites, exercises, args.plain_timeout))
            print(f"  run {run + 1}: grader batch {elapsed:.1f} s (peak {peak:.0f} MB), "
                  f"plain loop {plain_times[-1]:.1f} s of {len(plain_students)} students, "
                  f"load {os.getloadavg()[0]:.1f}", flush=True)  # fmt: skip
        print(describe("grader batch", batch_times, len(expected)))
        print(describe("plain serial pytest", plain_times, len(plain_students)))
        per_student_batch = statistics.median(batch_times) / len(expected)
        per_student_plain = statistics.median(plain_times) / len(plain_students)
        print(
            f"ratio (plain / batch, per student) {per_student_plain / per_student_batch:.2f}x · "
            f"grader peak memory {max(peaks):.0f} MB · load average {os.getloadavg()[0]:.1f} at the end"
        )
        print(f"gradebooks as expected in {args.runs - len({w.split(':')[0] for w in wrong})} of {args.runs} runs")
        for line in wrong:
            print("  unexpected:", line)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
