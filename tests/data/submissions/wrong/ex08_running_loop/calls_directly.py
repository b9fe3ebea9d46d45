# fails: soon_runs_callback_later, soon_returns_handle, later_returns_timer_handle, later_runs_after_delay_in_order
"""call_soon(callback(*args)): the callback is called on the spot, and its result is what gets scheduled."""

import asyncio


def schedule_soon(callback, *args) -> asyncio.Handle:
    return asyncio.get_running_loop().call_soon(callback(*args))


def schedule_later(delay: float, callback, *args) -> asyncio.TimerHandle:
    return asyncio.get_running_loop().call_later(delay, callback(*args))


def running_loop_or_none():
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None
