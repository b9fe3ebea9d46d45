"""Exercise 08, written another way: checks that a loop runs (asyncio._get_running_loop()), raising RuntimeError
if not, and only then asks get_event_loop(), which inside a running loop hands back that loop and creates none."""

import asyncio


def _loop():
    if asyncio._get_running_loop() is None:
        raise RuntimeError("no running event loop")
    return asyncio.get_event_loop()


def schedule_soon(callback, *args):
    loop = _loop()
    handle = loop.call_soon(callback, *args)
    return handle


def schedule_later(delay, callback, *args):
    loop = _loop()
    handle = loop.call_later(delay, callback, *args)
    return handle


def running_loop_or_none():
    try:
        return _loop()
    except RuntimeError:
        pass
