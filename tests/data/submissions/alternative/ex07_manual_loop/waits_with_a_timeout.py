"""Exercise 07, written another way: run_until_all_done waits in rounds of at most a second, looking again at
what is left after each round, until nothing is."""

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
                loop.run_until_complete(asyncio.wait(pending, timeout=1.0))
            loop.run_until_complete(loop.shutdown_asyncgens())
    finally:
        loop.close()
