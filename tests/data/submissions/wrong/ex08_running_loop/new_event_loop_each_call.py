# fails: soon_runs_callback_later, soon_returns_handle, later_returns_timer_handle, later_runs_after_delay_in_order, raises_outside_a_running_loop
"""Schedules on asyncio.new_event_loop(), a loop nobody runs, instead of the running one."""

import asyncio


def schedule_soon(callback, *args) -> asyncio.Handle:
    loop = asyncio.new_event_loop()
    return loop.call_soon(callback, *args)


def schedule_later(delay: float, callback, *args) -> asyncio.TimerHandle:
    loop = asyncio.new_event_loop()
    return loop.call_later(delay, callback, *args)


def running_loop_or_none():
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None
