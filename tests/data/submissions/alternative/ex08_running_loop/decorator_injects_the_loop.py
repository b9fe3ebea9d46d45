"""Exercise 08: a module-level decorator hands each function the running loop as its first argument."""

import asyncio
import functools


def _on_running_loop(func):
    @functools.wraps(func)
    def wrapper(*args):
        return func(asyncio.get_running_loop(), *args)

    return wrapper


@_on_running_loop
def schedule_soon(loop, callback, *args) -> asyncio.Handle:
    return loop.call_soon(callback, *args)


@_on_running_loop
def schedule_later(loop, delay: float, callback, *args) -> asyncio.TimerHandle:
    return loop.call_later(delay, callback, *args)


def running_loop_or_none():
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        return None
    else:
        return loop
