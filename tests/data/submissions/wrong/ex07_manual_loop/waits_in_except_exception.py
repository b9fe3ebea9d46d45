# fails: reraises_after_waiting
"""Waits for the pending tasks after a failure in `except Exception:` (closing in finally): a coroutine that ends
cancelled, a BaseException, skips the wait and its tasks are abandoned."""

import asyncio


def run_manually(coro):
    loop = asyncio.new_event_loop()
    try:
        return loop.run_until_complete(coro)
    finally:
        loop.close()


def _drain(loop):
    while pending := asyncio.all_tasks(loop):
        loop.run_until_complete(asyncio.wait(pending))


def run_until_all_done(coro):
    loop = asyncio.new_event_loop()
    try:
        try:
            result = loop.run_until_complete(coro)
        except Exception:
            _drain(loop)
            raise
        _drain(loop)
        loop.run_until_complete(loop.shutdown_asyncgens())
        return result
    finally:
        loop.close()
