# fails: running_loop_or_none_outside
"""running_loop_or_none remembers the first loop it found in a global, "to save a lookup": once that loop has
stopped (and closed), the function still returns it, where no loop runs."""

import asyncio

_seen = None


def schedule_soon(callback, *args) -> asyncio.Handle:
    return asyncio.get_running_loop().call_soon(callback, *args)


def schedule_later(delay: float, callback, *args) -> asyncio.TimerHandle:
    return asyncio.get_running_loop().call_later(delay, callback, *args)


def running_loop_or_none():
    global _seen
    if _seen is None:
        try:
            _seen = asyncio.get_running_loop()
        except RuntimeError:
            return None
    return _seen
