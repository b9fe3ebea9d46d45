# fails: soon_runs_callback_later, soon_returns_handle, raises_outside_a_running_loop
"""schedule_soon written as an `async def`: calling it only makes a coroutine object, and nothing is scheduled."""

import asyncio


async def schedule_soon(callback, *args) -> asyncio.Handle:
    return asyncio.get_running_loop().call_soon(callback, *args)


def schedule_later(delay: float, callback, *args) -> asyncio.TimerHandle:
    return asyncio.get_running_loop().call_later(delay, callback, *args)


def running_loop_or_none():
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None
