# fails: raises_outside_a_running_loop
"""Keeps the running loop in a global and asks for a new one only once the kept one is closed (the fix a student
might make after "Event loop is closed"): a loop that has stopped but is still open is handed out where no loop
runs, and the callback is queued on a loop nobody runs."""

import asyncio

_kept = None


def _loop() -> asyncio.AbstractEventLoop:
    global _kept
    if _kept is None or _kept.is_closed():
        _kept = asyncio.get_running_loop()
    return _kept


def schedule_soon(callback, *args) -> asyncio.Handle:
    return _loop().call_soon(callback, *args)


def schedule_later(delay: float, callback, *args) -> asyncio.TimerHandle:
    return _loop().call_later(delay, callback, *args)


def running_loop_or_none() -> asyncio.AbstractEventLoop | None:
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None
