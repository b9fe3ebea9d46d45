# fails: soon_returns_handle, later_returns_timer_handle, later_runs_after_delay_in_order
"""Keeps the running loop in a module global from the first call on, "to save a lookup": the next run has a loop of
its own, and the kept one is closed (or, were it still open, nobody runs it)."""

import asyncio

_loop = None


def _get_loop():
    global _loop
    if _loop is None:
        _loop = asyncio.get_running_loop()
    return _loop


def schedule_soon(callback, *args) -> asyncio.Handle:
    return _get_loop().call_soon(callback, *args)


def schedule_later(delay: float, callback, *args) -> asyncio.TimerHandle:
    return _get_loop().call_later(delay, callback, *args)


def running_loop_or_none():
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None
