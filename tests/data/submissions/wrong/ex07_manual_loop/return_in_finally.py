# fails: reraises_after_waiting
"""run_until_all_done returns from its `finally:` block: the main coroutine's exception (and a cancellation) is dropped."""
import asyncio


def run_manually(coro):
    loop = asyncio.new_event_loop()
    try:
        return loop.run_until_complete(coro)
    finally:
        loop.close()


def run_until_all_done(coro):
    loop = asyncio.new_event_loop()
    result = None
    try:
        result = loop.run_until_complete(coro)
    finally:
        while pending := asyncio.all_tasks(loop):
            loop.run_until_complete(asyncio.wait(pending))
        loop.run_until_complete(loop.shutdown_asyncgens())
        loop.close()
        return result
