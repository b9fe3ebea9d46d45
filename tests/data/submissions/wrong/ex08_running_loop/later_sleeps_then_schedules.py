# fails: later_returns_timer_handle
"""schedule_later waits out the delay itself with time.sleep, then schedules the callback at once: the handle is due
at the right moment, but the event loop was blocked all along."""

import asyncio
import time


def schedule_soon(callback, *args) -> asyncio.Handle:
    return asyncio.get_running_loop().call_soon(callback, *args)


def schedule_later(delay: float, callback, *args) -> asyncio.TimerHandle:
    loop = asyncio.get_running_loop()
    time.sleep(delay)
    return loop.call_later(0, callback, *args)


def running_loop_or_none():
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None
