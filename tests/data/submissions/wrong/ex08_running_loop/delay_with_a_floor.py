# fails: later_returns_timer_handle
"""schedule_later never waits less than 10 ms, "so that a timer is a timer": a delay of 0 falls due 0.01 s late."""

import asyncio


def schedule_soon(callback, *args) -> asyncio.Handle:
    return asyncio.get_running_loop().call_soon(callback, *args)


def schedule_later(delay: float, callback, *args) -> asyncio.TimerHandle:
    return asyncio.get_running_loop().call_later(max(delay, 0.01), callback, *args)


def running_loop_or_none():
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None
