# fails: raises_outside_a_running_loop
"""Turns get_running_loop()'s RuntimeError into a ValueError "with a clearer message": the caller catches the wrong type."""

import asyncio


def _loop():
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        raise ValueError("no running event loop")


def schedule_soon(callback, *args):
    return _loop().call_soon(callback, *args)


def schedule_later(delay, callback, *args):
    return _loop().call_later(delay, callback, *args)


def running_loop_or_none():
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None
