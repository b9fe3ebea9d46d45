# fails: closes_loop_on_success, closes_loop_on_exception, waits_for_pending_tasks, reraises_after_waiting
"""Forgets loop.close() altogether."""

import asyncio


def run_manually(coro):
    loop = asyncio.new_event_loop()
    return loop.run_until_complete(coro)


def run_until_all_done(coro):
    loop = asyncio.new_event_loop()
    try:
        return loop.run_until_complete(coro)
    finally:
        while pending := asyncio.all_tasks(loop):
            loop.run_until_complete(asyncio.wait(pending))
        loop.run_until_complete(loop.shutdown_asyncgens())
