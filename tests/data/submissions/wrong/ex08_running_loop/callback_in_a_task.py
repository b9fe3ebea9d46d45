# fails: soon_returns_handle, later_returns_timer_handle
"""Wraps the callback in a coroutine and schedules that with asyncio.create_task: the callback runs, but the caller
gets a Task, not the Handle of a scheduled call."""

import asyncio


def schedule_soon(callback, *args) -> asyncio.Handle:
    async def run():
        callback(*args)
    return asyncio.create_task(run())


def schedule_later(delay: float, callback, *args) -> asyncio.TimerHandle:
    async def run():
        await asyncio.sleep(delay)
        callback(*args)
    return asyncio.create_task(run())


def running_loop_or_none():
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None
