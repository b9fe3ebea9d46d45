# fails: later_returns_timer_handle
"""schedule_later guesses that a delay over 1 is in milliseconds and divides it by 1000: 2.5 s falls due at once."""

import asyncio


def schedule_soon(callback, *args) -> asyncio.Handle:
    return asyncio.get_running_loop().call_soon(callback, *args)


def schedule_later(delay: float, callback, *args) -> asyncio.TimerHandle:
    if delay > 1:
        delay = delay / 1000
    return asyncio.get_running_loop().call_later(delay, callback, *args)


def running_loop_or_none():
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None
