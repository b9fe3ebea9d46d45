# fails: soon_runs_callback_later, soon_returns_handle, later_returns_timer_handle, later_runs_after_delay_in_order, raises_outside_a_running_loop, running_loop_or_none_inside
"""Gets a loop once, at import, and schedules everything on it: the loop that runs the callers is another one."""

import asyncio

loop = asyncio.get_event_loop()


def schedule_soon(callback, *args) -> asyncio.Handle:
    return loop.call_soon(callback, *args)


def schedule_later(delay: float, callback, *args) -> asyncio.TimerHandle:
    return loop.call_later(delay, callback, *args)


def running_loop_or_none():
    return loop if loop.is_running() else None
