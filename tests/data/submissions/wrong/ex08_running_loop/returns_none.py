# fails: soon_returns_handle, later_returns_timer_handle
"""Schedules correctly but forgets to return the handle."""

import asyncio


def schedule_soon(callback, *args) -> asyncio.Handle:
    asyncio.get_running_loop().call_soon(callback, *args)


def schedule_later(delay: float, callback, *args) -> asyncio.TimerHandle:
    asyncio.get_running_loop().call_later(delay, callback, *args)


def running_loop_or_none():
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None
