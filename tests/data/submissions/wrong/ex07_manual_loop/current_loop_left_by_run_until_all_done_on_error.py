# fails: reraises_after_waiting
"""run_until_all_done makes its loop current and unsets it only after a return: when the coroutine raises, the closed
loop is left behind as the current one."""

import asyncio


def run_manually(coro):
    loop = asyncio.new_event_loop()
    try:
        return loop.run_until_complete(coro)
    finally:
        loop.close()


def run_until_all_done(coro):
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    try:
        result = loop.run_until_complete(coro)
    finally:
        while pending := asyncio.all_tasks(loop):
            loop.run_until_complete(asyncio.wait(pending))
        loop.run_until_complete(loop.shutdown_asyncgens())
        loop.close()
    asyncio.set_event_loop(None)
    return result
