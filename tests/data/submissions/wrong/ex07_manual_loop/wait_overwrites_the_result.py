# fails: waits_for_pending_tasks, background_failure_does_not_change_result, reraises_after_waiting
"""Keeps the main coroutine's result in `result`, then assigns each wait's (done, pending) to the same name and returns
that instead."""

import asyncio


def run_manually(coro):
    loop = asyncio.new_event_loop()
    try:
        return loop.run_until_complete(coro)
    finally:
        loop.close()


def run_until_all_done(coro):
    loop = asyncio.new_event_loop()
    try:
        result = loop.run_until_complete(coro)
        pending = asyncio.all_tasks(loop)
        while pending:
            result = loop.run_until_complete(asyncio.wait(pending))
            pending = asyncio.all_tasks(loop)
        loop.run_until_complete(loop.shutdown_asyncgens())
        return result
    finally:
        loop.close()
