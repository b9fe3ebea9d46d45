# fails: soon_runs_callback_later, later_returns_timer_handle
"""Takes call_soon for a way to let other tasks run first: from a plain callback, where no task runs, there is
"nothing to wait for", so schedule_soon (and schedule_later with no delay) calls the callback at once and returns
None. The callback must run on a later iteration of the loop, and the caller gets a handle, wherever it is called."""

import asyncio


def schedule_soon(callback, *args) -> asyncio.Handle:
    loop = asyncio.get_running_loop()
    if asyncio.current_task() is None:
        callback(*args)  # already in a loop callback: no coroutine to yield to
        return None
    return loop.call_soon(callback, *args)


def schedule_later(delay: float, callback, *args) -> asyncio.TimerHandle:
    loop = asyncio.get_running_loop()
    if asyncio.current_task() is None and delay <= 0:
        callback(*args)
        return None
    return loop.call_later(delay, callback, *args)


def running_loop_or_none():
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None
