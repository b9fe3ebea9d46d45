# fails: raises_outside_a_running_loop, running_loop_or_none_outside
"""get_event_loop() instead of get_running_loop(): with no loop running it creates one, or hands back an idle one."""

import asyncio


def schedule_soon(callback, *args) -> asyncio.Handle:
    return asyncio.get_event_loop().call_soon(callback, *args)


def schedule_later(delay: float, callback, *args) -> asyncio.TimerHandle:
    return asyncio.get_event_loop().call_later(delay, callback, *args)


def running_loop_or_none():
    loop = asyncio.get_event_loop()
    return loop if loop.is_running() else None
