# fails: soon_runs_callback_later, later_runs_after_delay_in_order
"""The callback's arguments taken as one parameter, `args=()`, where the stub has `*args`: a call with several arguments
cannot be made, one with a single string hands its letters on."""

import asyncio


def schedule_soon(callback, args=()) -> asyncio.Handle:
    return asyncio.get_running_loop().call_soon(callback, *args)


def schedule_later(delay: float, callback, args=()) -> asyncio.TimerHandle:
    return asyncio.get_running_loop().call_later(delay, callback, *args)


def running_loop_or_none():
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None
