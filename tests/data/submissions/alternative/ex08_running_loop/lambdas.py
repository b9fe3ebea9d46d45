"""Exercise 08, written another way: lambdas close over the arguments, and running_loop_or_none asks asyncio's
_get_running_loop(), which returns None rather than raising."""

import asyncio


def schedule_soon(callback, *args) -> asyncio.Handle:
    loop = asyncio.get_running_loop()
    return loop.call_soon(lambda: callback(*args))


def schedule_later(delay: float, callback, *args) -> asyncio.TimerHandle:
    loop = asyncio.get_running_loop()
    return loop.call_later(delay, lambda: callback(*args))


def running_loop_or_none():
    return asyncio._get_running_loop()
