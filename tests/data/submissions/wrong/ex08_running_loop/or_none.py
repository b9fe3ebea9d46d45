# fails: running_loop_or_none_outside
"""running_loop_or_none as `asyncio.get_running_loop() or None`, the idiom for a value that may be missing: but with
no loop running get_running_loop() raises, and `or` never sees a value."""

import asyncio


def schedule_soon(callback, *args) -> asyncio.Handle:
    return asyncio.get_running_loop().call_soon(callback, *args)


def schedule_later(delay: float, callback, *args) -> asyncio.TimerHandle:
    return asyncio.get_running_loop().call_later(delay, callback, *args)


def running_loop_or_none():
    return asyncio.get_running_loop() or None
