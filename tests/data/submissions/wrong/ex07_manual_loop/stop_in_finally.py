# fails: closes_loop_on_success, closes_loop_on_exception, waits_for_pending_tasks, background_failure_does_not_change_result, reraises_after_waiting
"""Calls loop.stop() in the finally blocks instead of loop.close(): the loops stay open."""

import asyncio


def run_manually(coro):
    loop = asyncio.new_event_loop()
    try:
        return loop.run_until_complete(coro)
    finally:
        loop.stop()


def run_until_all_done(coro):
    loop = asyncio.new_event_loop()
    try:
        result = loop.run_until_complete(coro)
        while asyncio.all_tasks(loop):
            loop.run_until_complete(asyncio.gather(*asyncio.all_tasks(loop)))
        loop.run_until_complete(loop.shutdown_asyncgens())
        return result
    finally:
        loop.stop()
