# fails: reraises_after_waiting
"""On the error path, gathers the pending tasks without return_exceptions: a background task's exception comes
out instead of the main coroutine's, and the tasks still pending after it are never waited for."""

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
            result = loop.run_until_complete(coro)
        except Exception:
            while pending := asyncio.all_tasks(loop):
                loop.run_until_complete(asyncio.gather(*pending))
            raise
        while pending := asyncio.all_tasks(loop):
            loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
        loop.run_until_complete(loop.shutdown_asyncgens())
        return result
    finally:
        loop.close()
