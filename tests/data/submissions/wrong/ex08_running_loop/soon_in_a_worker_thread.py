# fails: soon_runs_callback_later, soon_returns_handle
"""schedule_soon hands the callback to the loop's executor: it runs in a worker thread, at once, and a future comes
back instead of a Handle."""

import asyncio


def schedule_soon(callback, *args) -> asyncio.Handle:
    return asyncio.get_running_loop().run_in_executor(None, callback, *args)


def schedule_later(delay: float, callback, *args) -> asyncio.TimerHandle:
    return asyncio.get_running_loop().call_later(delay, callback, *args)


def running_loop_or_none():
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None
