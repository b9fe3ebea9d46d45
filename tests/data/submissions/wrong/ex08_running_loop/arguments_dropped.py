# fails: soon_runs_callback_later, later_runs_after_delay_in_order
"""The lesson's `loop.call_soon(call_later)` copied without the arguments: each callback is called with none."""
import asyncio


def schedule_soon(callback, *args) -> asyncio.Handle:
    loop = asyncio.get_running_loop()
    return loop.call_soon(callback)


def schedule_later(delay: float, callback, *args) -> asyncio.TimerHandle:
    loop = asyncio.get_running_loop()
    return loop.call_later(delay, callback)


def running_loop_or_none():
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None
