"""Takes every permission off a file of the grader's at import (Landlock does not cover chmod): were the grader's
files left so, every later run by the same user could not read them. The file is the suites' README, which no
grading reads, so that other gradings running at the same time in the kit's own tests never meet it unreadable.
set_future_value is right, so its checks still pass."""

import asyncio
import os
from pathlib import Path

import grader

try:
    os.chmod(Path(grader.__file__).parent / "suites" / "README.md", 0)
except OSError:
    pass


def make_request(value, delay: float = 1.0) -> asyncio.Future:
    raise NotImplementedError


async def set_future_value(future, value, delay):
    await asyncio.sleep(delay)
    if not future.done():
        future.set_result(value)


def make_failing_request(exc, delay: float = 1.0) -> asyncio.Future:
    raise NotImplementedError
