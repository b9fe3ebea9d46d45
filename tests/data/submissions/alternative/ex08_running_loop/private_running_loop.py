"""Right, written another way: asyncio.events._get_running_loop(), which returns None instead of raising,
with a RuntimeError raised by hand when it does."""

import asyncio
import asyncio.events


def _loop():
    loop = asyncio.events._get_running_loop()
    if loop is None:
        raise RuntimeError("schedule_* needs a running event loop")
    return loop


def schedule_soon(callback, *args) -> asyncio.Handle:
    return _loop().call_soon(callback, *args)


def schedule_later(delay: float, callback, *args) -> asyncio.TimerHandle:
    return _loop().call_later(delay, callback, *args)


def running_loop_or_none():
    return asyncio.events._get_running_loop()
