# fails: waits_for_pending_tasks, shuts_down_async_generators, background_failure_does_not_change_result, reraises_after_waiting
"""Waits for the pending tasks with a generous time limit, as a safety net: tasks that take longer than the limit are
cut off (cancelled), and run_until_all_done raises TimeoutError."""

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
            while pending := asyncio.all_tasks(loop):
                # a safety net, in case a task never ends
                loop.run_until_complete(asyncio.wait_for(asyncio.gather(*pending, return_exceptions=True), timeout=60))
            loop.run_until_complete(loop.shutdown_asyncgens())
    finally:
        loop.close()
