# fails: running_loop_or_none_inside
"""Finds the loop through the current task: in a plain callback there is no task, though a loop is running."""

import asyncio


def schedule_soon(callback, *args) -> asyncio.Handle:
    return asyncio.get_running_loop().call_soon(callback, *args)


def schedule_later(delay: float, callback, *args) -> asyncio.TimerHandle:
    return asyncio.get_running_loop().call_later(delay, callback, *args)


def running_loop_or_none():
    try:
        task = asyncio.current_task()
    except RuntimeError:
        return None
    return task.get_loop() if task is not None else None
