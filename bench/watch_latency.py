"""How long after a save does `grader watch` show the verdict? Measured in a real terminal (tmux).

For each exercise (default 01 02 03, those of them the kit has), `repeats` times: a fresh copy of the kit's
stubs, `grader watch NN` in tmux, and `--think` seconds after the stub's verdict is on screen (a student takes
at least that long to edit; the watcher uses them to start the process that grades the next save) the
reference solution is saved (written to a temporary file and renamed over the exercise, as editors do). The
figure is the time from the rename to the moment capture-pane shows "Exercise NN passes" (polled every 20 ms).
`--think 0` measures a save that comes before that process is ready.

    .venv/bin/python bench/watch_latency.py [NN ...] [--repeats 5] [--think 3]
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
sys.path.insert(0, str(KIT / "tests"))

from terminal import TMUX, Terminal  # noqa: E402

from grader.catalog import load_catalog  # noqa: E402


def save_atomically(path: Path, text: str) -> None:
    temporary = path.with_name(f".{path.name}.swp")
    temporary.write_text(text)
    os.replace(temporary, path)


def measure_once(exercise_id: str, think: float) -> float:
    exercise = load_catalog().get(exercise_id)
    folder = Path(tempfile.mkdtemp(prefix="watch-latency-"))
    terminal = Terminal()
    try:
        shutil.copytree(KIT / "exercises", folder / "exercises", ignore=shutil.ignore_patterns("__pycache__"))
        env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
        terminal.start([sys.executable, "-m", "grader", "watch", exercise.id], folder, env)
        terminal.wait_for(f"watching {exercise.relpath}", timeout=60)
        time.sleep(think)
        save_atomically(folder / exercise.relpath, (KIT / "solutions" / exercise.filename).read_text())
        saved = time.perf_counter()
        terminal.wait_for(f"Exercise {exercise.id} passes", timeout=60)
        return time.perf_counter() - saved
    finally:
        terminal.close()
        shutil.rmtree(folder, ignore_errors=True)


def measure(exercise_id: str, repeats: int, think: float = 3.0) -> list[float]:
    return [measure_once(exercise_id, think) for _ in range(repeats)]


def measure_cold(exercise_id: str) -> float:
    """Seconds a cold `grader check NN` of the reference solution takes, start-up included: the yardstick of the
    machine's load at the moment, since it does the same grading the watcher does after a save, and more."""
    exercise = load_catalog().get(exercise_id)
    folder = Path(tempfile.mkdtemp(prefix="watch-latency-"))
    try:
        (folder / "exercises").mkdir()
        shutil.copy(KIT / "solutions" / exercise.filename, folder / exercise.relpath)
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "grader", "check", exercise.id], cwd=folder, capture_output=True, check=True
        )
        return time.perf_counter() - started
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("exercises", nargs="*", default=["01", "02", "03"])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--think", type=float, default=3.0, help="seconds between the first verdict and the save")
    args = parser.parse_args()
    if TMUX is None:
        sys.exit("tmux is not installed: apt-get install -y tmux")
    known = {e.id for e in load_catalog()}
    for exercise_id in args.exercises:
        if exercise_id not in known:
            print(f"{exercise_id}: not in this kit yet, skipped")
            continue
        figures = measure(exercise_id, args.repeats, args.think)
        print(f"{exercise_id}: save -> verdict on screen: median {statistics.median(figures):.2f} s, "
              f"best {min(figures):.2f} s, worst {max(figures):.2f} s over {len(figures)} saves "
              f"(think {args.think:g} s, load average {os.getloadavg()[0]:.1f})")  # fmt: skip


if __name__ == "__main__":
    main()
