# fails: soon_runs_callback_later
"""schedule_soon through call_later(0, ...): a timer due at once, which joins the queue behind callbacks queued meanwhile."""
import asyncio


def schedule_soon(callback, *args):
    return asyncio.get_running_loop().call_later(0, callback, *args)


def schedule_later(delay, callback, *args):
    return asyncio.get_running_loop().call_later(delay, callback, *args)


def running_loop_or_none():
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None
