# fails: later_returns_timer_handle
"""schedule_later calls the callback on the spot when the delay is 0, "nothing to wait for", and returns None."""

import asyncio


def schedule_soon(callback, *args) -> asyncio.Handle:
    return asyncio.get_running_loop().call_soon(callback, *args)


def schedule_later(delay: float, callback, *args) -> asyncio.TimerHandle:
    loop = asyncio.get_running_loop()
    if delay <= 0:
        callback(*args)
        return None
    return loop.call_later(delay, callback, *args)


def running_loop_or_none():
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None
