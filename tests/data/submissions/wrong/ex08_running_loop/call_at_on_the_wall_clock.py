# fails: later_returns_timer_handle, later_runs_after_delay_in_order
"""call_at(time.time() + delay, ...): a point on the wall clock, which the loop's clock is nowhere near."""

import asyncio
import time


def schedule_soon(callback, *args):
    return asyncio.get_running_loop().call_soon(callback, *args)


def schedule_later(delay, callback, *args):
    return asyncio.get_running_loop().call_at(time.time() + delay, callback, *args)


def running_loop_or_none():
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None
