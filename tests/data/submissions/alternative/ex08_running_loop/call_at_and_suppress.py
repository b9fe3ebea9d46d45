"""Right, written another way: get_running_loop imported under another name, call_at(loop.time() + delay),
and contextlib.suppress for running_loop_or_none."""

import asyncio
import contextlib
from asyncio import get_running_loop as running


def schedule_soon(callback, *args) -> asyncio.Handle:
    loop = running()
    handle = loop.call_soon(callback, *args)
    return handle


def schedule_later(delay: float, callback, *args) -> asyncio.TimerHandle:
    loop = running()
    return loop.call_at(loop.time() + delay, callback, *args)


def running_loop_or_none():
    loop = None
    with contextlib.suppress(RuntimeError):
        loop = running()
    return loop
