# fails: returns_result, builds_its_own_loop, closes_loop_on_success, closes_loop_on_exception
"""run_manually written as an `async def`: calling it only makes a coroutine object, so no loop is ever made."""

import asyncio


async def run_manually(coro):
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
        finally:
            while pending := asyncio.all_tasks(loop):
                loop.run_until_complete(asyncio.wait(pending))
            loop.run_until_complete(loop.shutdown_asyncgens())
        return result
    finally:
        loop.close()
