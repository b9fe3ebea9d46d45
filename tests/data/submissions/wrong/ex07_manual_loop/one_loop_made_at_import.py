# fails: builds_its_own_loop, closes_loop_on_success, closes_loop_on_exception, waits_for_pending_tasks, shuts_down_async_generators, background_failure_does_not_change_result, reraises_after_waiting
"""One loop made at import time and reused by every call (closed after the first one)."""
import asyncio

LOOP = asyncio.new_event_loop()


def run_manually(coro):
    try:
        return LOOP.run_until_complete(coro)
    finally:
        LOOP.close()


def run_until_all_done(coro):
    try:
        result = LOOP.run_until_complete(coro)
        while asyncio.all_tasks(LOOP):
            LOOP.run_until_complete(asyncio.wait(asyncio.all_tasks(LOOP)))
        LOOP.run_until_complete(LOOP.shutdown_asyncgens())
        return result
    finally:
        LOOP.close()
