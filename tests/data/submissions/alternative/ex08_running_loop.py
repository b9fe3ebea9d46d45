"""Exercise 08, written another way: names imported from asyncio, a partial, and suppress()."""

from asyncio import Handle, TimerHandle, get_running_loop
from contextlib import suppress
from functools import partial


def schedule_soon(callback, *args) -> Handle:
    loop = get_running_loop()
    return loop.call_soon(partial(callback, *args))


def schedule_later(delay: float, callback, *args) -> TimerHandle:
    loop = get_running_loop()
    return loop.call_at(loop.time() + delay, callback, *args)


def running_loop_or_none():
    with suppress(RuntimeError):
        return get_running_loop()
    return None
