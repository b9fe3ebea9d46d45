# fails: closes_loop_on_exception, reraises_after_waiting
"""Makes the loop current and unsets it only on the success path: when the coroutine raises, the closed loop is
left behind as the current loop."""

import asyncio


def run_manually(coro):
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    try:
        result = loop.run_until_complete(coro)
        asyncio.set_event_loop(None)
        return result
    finally:
        loop.close()


def run_until_all_done(coro):
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    try:
        try:
            result = loop.run_until_complete(coro)
        finally:
            while pending := asyncio.all_tasks(loop):
                loop.run_until_complete(asyncio.wait(pending))
            loop.run_until_complete(loop.shutdown_asyncgens())
        asyncio.set_event_loop(None)
        return result
    finally:
        loop.close()
