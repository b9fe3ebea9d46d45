# fails: soon_runs_callback_later, soon_returns_handle, raises_outside_a_running_loop, running_loop_or_none_inside, running_loop_or_none_outside
"""schedule_soon and running_loop_or_none both written as `async def`: calling either only makes a coroutine object.
Each check is told about the one it calls, not about the first of the two by name."""

import asyncio


async def schedule_soon(callback, *args) -> asyncio.Handle:
    return asyncio.get_running_loop().call_soon(callback, *args)


def schedule_later(delay: float, callback, *args) -> asyncio.TimerHandle:
    return asyncio.get_running_loop().call_later(delay, callback, *args)


async def running_loop_or_none():
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None
