# fails: returns_result, builds_its_own_loop, closes_loop_on_success, closes_loop_on_exception
"""run_manually closes its new loop first and runs the coroutine on it afterwards."""
import asyncio


def run_manually(coro):
    loop = asyncio.new_event_loop()
    loop.close()
    return loop.run_until_complete(coro)


def run_until_all_done(coro):
    loop = asyncio.new_event_loop()
    try:
        try:
            return loop.run_until_complete(coro)
        finally:
            while pending := asyncio.all_tasks(loop):
                loop.run_until_complete(asyncio.wait(pending))
            loop.run_until_complete(loop.shutdown_asyncgens())
    finally:
        loop.close()
