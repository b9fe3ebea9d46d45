# fails: returns_result, waits_for_pending_tasks
"""Runs the coroutine under asyncio.wait_for(coro, timeout=5), "in case it hangs": a coroutine that works longer than
five seconds is cancelled, and the function raises TimeoutError instead of returning its result."""
import asyncio
def run_manually(coro):
    loop = asyncio.new_event_loop()
    try:
        return loop.run_until_complete(asyncio.wait_for(coro, timeout=5))
    finally:
        loop.close()
def run_until_all_done(coro):
    loop = asyncio.new_event_loop()
    try:
        try:
            return loop.run_until_complete(asyncio.wait_for(coro, timeout=5))
        finally:
            while pending := asyncio.all_tasks(loop):
                loop.run_until_complete(asyncio.wait(pending))
            loop.run_until_complete(loop.shutdown_asyncgens())
    finally:
        loop.close()
