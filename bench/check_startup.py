"""`grader check 01` against plain pytest running the same suite on the same files: wall and CPU time.

CPU time (user + system, the whole process tree) barely moves with the machine's load; wall time does. Both
commands grade the reference solution of exercise 01 in a temporary copy; "plain pytest" is what a maintainer
would type: `python -m pytest grader/suites/test_ex01_futures.py` with the submission on PYTHONPATH, once with
every installed pytest plugin (pytest's default) and once with only the plugins the grader loads.

    .venv/bin/python bench/check_startup.py [--repeats 15] [--exercise 01]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

KIT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def run(argv: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument("--exercise", default="01")
    args = parser.parse_args()
    sys.path.insert(0, str(KIT))
    from grader.catalog import load_catalog

    exercise = load_catalog().get(args.exercise)
    folder = Path(tempfile.mkdtemp(prefix="check-startup-"))
    shutil.copytree(KIT / "solutions", folder / "exercises", ignore=shutil.ignore_patterns("__pycache__"))
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "PYTHONPATH")}
    commands = {
        "plain pytest": ([str(BIN / "python"), "-m", "pytest", "-q", "-p", "no:cacheprovider", str(exercise.suite)],
                         {**env, "PYTHONPATH": str(folder)}),
        "plain pytest, the grader's plugins only": (
            [str(BIN / "python"), "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "asyncio", "-p", "timeout",
             "-p", "socket", str(exercise.suite)],
            {**env, "PYTHONPATH": str(folder), "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"}),
        "grader check": ([str(BIN / "grader"), "check", exercise.id], env),
    }  # fmt: skip
    figures: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for _ in range(args.repeats):  # interleaved, so that a change in load hits both alike
        for name, (argv, environment) in commands.items():
            figures[name].append(run(argv, folder, environment))
    for name, runs in figures.items():
        wall, cpu = statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)
        print(f"{name:40} wall median {wall:.3f} s (best {min(r[0] for r in runs):.3f})  cpu median {cpu:.3f} s")
    for baseline in [name for name in commands if name != "grader check"]:
        ratio = [statistics.median(r[i] for r in figures["grader check"]) / statistics.median(
            r[i] for r in figures[baseline]) for i in (0, 1)]  # fmt: skip
        print(f"grader check / {baseline}: wall {ratio[0]:.2f}x, cpu {ratio[1]:.2f}x")
    print(f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
