# fails: later_returns_timer_handle, later_runs_after_delay_in_order, raises_outside_a_running_loop
"""schedule_later with a threading.Timer: the callback runs in a thread of its own, and no TimerHandle comes back."""

import asyncio
import threading


def schedule_soon(callback, *args) -> asyncio.Handle:
    return asyncio.get_running_loop().call_soon(callback, *args)


def schedule_later(delay: float, callback, *args) -> asyncio.TimerHandle:
    timer = threading.Timer(delay, callback, args)
    timer.start()
    return timer


def running_loop_or_none():
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None
