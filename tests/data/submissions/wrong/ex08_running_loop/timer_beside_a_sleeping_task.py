# fails: later_returns_timer_handle
"""Returns a TimerHandle, as asked, but of a call_later that does nothing: the callback itself runs from a task that
sleeps out the delay, so cancelling the handle returned stops nothing."""

import asyncio


def schedule_soon(callback, *args) -> asyncio.Handle:
    return asyncio.get_running_loop().call_soon(callback, *args)


def schedule_later(delay: float, callback, *args) -> asyncio.TimerHandle:
    loop = asyncio.get_running_loop()
    handle = loop.call_later(delay, lambda: None)

    async def later():
        await asyncio.sleep(delay)
        callback(*args)

    loop.create_task(later())
    return handle


def running_loop_or_none():
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None
