# fails: later_returns_timer_handle, later_runs_after_delay_in_order
"""schedule_later defined with its first two parameters swapped, (callback, delay, *args), and a body that is right for
that order: the checks call it as the stub defines it, schedule_later(delay, callback, *args)."""

import asyncio


def schedule_soon(callback, *args) -> asyncio.Handle:
    return asyncio.get_running_loop().call_soon(callback, *args)


def schedule_later(callback, delay: float, *args) -> asyncio.TimerHandle:
    return asyncio.get_running_loop().call_later(delay, callback, *args)


def running_loop_or_none():
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None
