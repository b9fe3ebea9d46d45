# fails: raises_outside_a_running_loop, running_loop_or_none_outside
"""running_loop_or_none keeps the loop in a global and hands it out again while it is running: from another
thread, where no loop runs, it returns the main thread's loop, and schedule_soon then calls call_soon on it from
that thread."""

import asyncio

_kept = None


def running_loop_or_none() -> asyncio.AbstractEventLoop | None:
    global _kept
    if _kept is not None and _kept.is_running():
        return _kept
    try:
        _kept = asyncio.get_running_loop()
    except RuntimeError:
        return None
    return _kept


def schedule_soon(callback, *args) -> asyncio.Handle:
    loop = running_loop_or_none()
    if loop is None:
        raise RuntimeError("no running event loop")
    return loop.call_soon(callback, *args)


def schedule_later(delay: float, callback, *args) -> asyncio.TimerHandle:
    loop = running_loop_or_none()
    if loop is None:
        raise RuntimeError("no running event loop")
    return loop.call_later(delay, callback, *args)
