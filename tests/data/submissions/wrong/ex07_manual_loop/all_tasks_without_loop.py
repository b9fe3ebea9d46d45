# fails: closes_loop_on_success, waits_for_pending_tasks, shuts_down_async_generators, background_failure_does_not_change_result, reraises_after_waiting
"""asyncio.all_tasks() without the loop, between two run_until_complete calls: no loop is running there, so it
raises RuntimeError instead of listing the loop's tasks."""

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
        while pending := asyncio.all_tasks():
            loop.run_until_complete(asyncio.wait(pending))
        loop.run_until_complete(loop.shutdown_asyncgens())
        return result
    finally:
        loop.close()
