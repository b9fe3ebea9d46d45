# fails: soon_runs_callback_later, later_returns_timer_handle
"""schedule_soon and schedule_later decide "is a loop running?" by asking for the current task, so called from a
plain callback (a loop is running, but no task) they raise RuntimeError."""

import asyncio


def _loop_of_current_task() -> asyncio.AbstractEventLoop:
    task = asyncio.current_task()  # RuntimeError when no loop runs
    if task is None:
        raise RuntimeError("no running event loop")
    return task.get_loop()


def schedule_soon(callback, *args) -> asyncio.Handle:
    return _loop_of_current_task().call_soon(callback, *args)


def schedule_later(delay: float, callback, *args) -> asyncio.TimerHandle:
    return _loop_of_current_task().call_later(delay, callback, *args)


def running_loop_or_none():
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None
