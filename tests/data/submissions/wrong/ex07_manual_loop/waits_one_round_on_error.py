# fails: reraises_after_waiting
"""Waits until no task is left when the coroutine returns, but only for the tasks pending at that moment when it raises:
the tasks those start are abandoned."""

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
        except BaseException:
            pending = asyncio.all_tasks(loop)
            if pending:
                loop.run_until_complete(asyncio.wait(pending))
            raise
        _drain(loop)
        loop.run_until_complete(loop.shutdown_asyncgens())
        return result
    finally:
        loop.close()
