# fails: shuts_down_async_generators
"""Shuts the async generators down first, then waits for the tasks: a task still iterating a generator has it
closed under it and loses the rest of its items."""

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
            loop.run_until_complete(loop.shutdown_asyncgens())
            while pending := asyncio.all_tasks(loop):
                loop.run_until_complete(asyncio.wait(pending))
    finally:
        loop.close()
