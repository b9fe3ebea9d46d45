# fails: running_loop_or_none_inside, running_loop_or_none_outside
"""running_loop_or_none asks asyncio.current_task() whether a loop runs: in a plain callback there is no task though a
loop runs, and with no loop at all current_task() raises RuntimeError itself."""

import asyncio


def schedule_soon(callback, *args) -> asyncio.Handle:
    return asyncio.get_running_loop().call_soon(callback, *args)


def schedule_later(delay: float, callback, *args) -> asyncio.TimerHandle:
    return asyncio.get_running_loop().call_later(delay, callback, *args)


def running_loop_or_none():
    if asyncio.current_task() is None:
        return None
    return asyncio.get_running_loop()
