# fails: returns_result, builds_its_own_loop, closes_loop_on_success, closes_loop_on_exception, waits_for_pending_tasks, shuts_down_async_generators, background_failure_does_not_change_result, reraises_after_waiting
"""`with asyncio.new_event_loop() as loop:`, as with a file: an event loop is no context manager."""
import asyncio


def run_manually(coro):
    with asyncio.new_event_loop() as loop:
        return loop.run_until_complete(coro)


def run_until_all_done(coro):
    with asyncio.new_event_loop() as loop:
        try:
            return loop.run_until_complete(coro)
        finally:
            while pending := asyncio.all_tasks(loop):
                loop.run_until_complete(asyncio.wait(pending))
            loop.run_until_complete(loop.shutdown_asyncgens())
