# fails: soon_runs_callback_later, soon_returns_handle, later_returns_timer_handle, later_runs_after_delay_in_order, raises_outside_a_running_loop
"""`asyncio.get_running_loop.call_soon(...)`, the parentheses forgotten (and `loop = asyncio.get_running_loop` in
schedule_later): call_soon and call_later are looked up on the function itself, which has neither."""

import asyncio


def schedule_soon(callback, *args) -> asyncio.Handle:
    return asyncio.get_running_loop.call_soon(callback, *args)


def schedule_later(delay: float, callback, *args) -> asyncio.TimerHandle:
    loop = asyncio.get_running_loop
    return loop.call_later(delay, callback, *args)


def running_loop_or_none():
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None
