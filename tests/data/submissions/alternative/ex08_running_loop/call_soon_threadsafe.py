"""Exercise 08, written another way: call_soon_threadsafe, which from the loop's own thread queues the callback
as call_soon does; the loop looked up as asyncio.events.get_running_loop."""

import asyncio
import asyncio.events


def schedule_soon(callback, *args) -> asyncio.Handle:
    return asyncio.get_running_loop().call_soon_threadsafe(callback, *args)


def schedule_later(delay: float, callback, *args) -> asyncio.TimerHandle:
    return asyncio.get_running_loop().call_later(delay, callback, *args)


def running_loop_or_none():
    try:
        loop = asyncio.events.get_running_loop()
    except RuntimeError:
        loop = None
    return loop
