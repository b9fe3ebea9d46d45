# fails: returns_pending_future, schedules_a_task, future_resolves_to_value, loop_keeps_running_while_waiting, requests_overlap
"""Leaves a daemon behind each time make_request is called: a double fork into a session of its own (out of the
run's process group), deaf to SIGTERM and SIGHUP, asleep for ten minutes. Where no pids cgroup holds the run, killing
the process group missed it, and every grading left a few of them behind. set_future_value is right.

Each daemon appends its pid to the file named by $GRADER_HANG_PIDS_FILE, so the test can prove none outlives grading.
"""

import asyncio
import os
import signal
import time


def note_pid(pids_file: str, pid: int) -> None:
    try:
        with open(pids_file, "a") as pids:
            pids.write(f"{pid}\n")
    except OSError:  # a sandbox may forbid it; sleeping matters more than telling
        pass


def leave_a_daemon() -> None:
    if os.fork() == 0:
        os.setsid()
        if os.fork() == 0:
            for number in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
                signal.signal(number, signal.SIG_IGN)
            note_pid(os.environ.get("GRADER_HANG_PIDS_FILE", "/dev/null"), os.getpid())
            time.sleep(600)
        os._exit(0)


def make_request(value, delay: float = 1.0):
    leave_a_daemon()
    raise NotImplementedError


async def set_future_value(future, value, delay):
    await asyncio.sleep(delay)
    if not future.done():
        future.set_result(value)


def make_failing_request(exc, delay: float = 1.0):
    raise NotImplementedError
