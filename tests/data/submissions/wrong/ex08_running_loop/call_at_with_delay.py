# fails: later_returns_timer_handle, later_runs_after_delay_in_order
"""call_at(delay, ...): a delay taken for a point on the loop's clock, which is long past."""

import asyncio


def schedule_soon(callback, *args) -> asyncio.Handle:
    return asyncio.get_running_loop().call_soon(callback, *args)


def schedule_later(delay: float, callback, *args) -> asyncio.TimerHandle:
    return asyncio.get_running_loop().call_at(delay, callback, *args)


def running_loop_or_none():
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None
