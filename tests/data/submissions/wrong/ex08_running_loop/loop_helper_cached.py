# fails: soon_returns_handle, later_returns_timer_handle, later_runs_after_delay_in_order
"""Gets the loop "once" through a helper under @functools.cache: every later call gets the loop of the first one,
which belonged to an earlier run and is closed now ("Event loop is closed")."""

import asyncio
import functools


@functools.cache
def _loop():
    return asyncio.get_running_loop()


def schedule_soon(callback, *args) -> asyncio.Handle:
    return _loop().call_soon(callback, *args)


def schedule_later(delay: float, callback, *args) -> asyncio.TimerHandle:
    return _loop().call_later(delay, callback, *args)


def running_loop_or_none():
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None
