# fails: closes_loop_on_success, waits_for_pending_tasks, shuts_down_async_generators, background_failure_does_not_change_result, reraises_after_waiting
"""Makes its own loop, but looks a loop up again with asyncio.get_event_loop() to list the pending tasks: none is
current, since new_event_loop() does not make its loop current."""

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
        try:
            return loop.run_until_complete(coro)
        finally:
            while pending := asyncio.all_tasks(asyncio.get_event_loop()):
                loop.run_until_complete(asyncio.wait(pending))
            loop.run_until_complete(loop.shutdown_asyncgens())
    finally:
        loop.close()
