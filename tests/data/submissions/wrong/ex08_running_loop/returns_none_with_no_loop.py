# fails: raises_outside_a_running_loop
"""schedule_soon and schedule_later copy running_loop_or_none's `except RuntimeError: return None`: with no loop
running they return None, so the caller never learns that nothing was scheduled."""

import asyncio


def schedule_soon(callback, *args) -> asyncio.Handle:
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        return None
    return loop.call_soon(callback, *args)


def schedule_later(delay: float, callback, *args) -> asyncio.TimerHandle:
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        return None
    return loop.call_later(delay, callback, *args)


def running_loop_or_none():
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None
