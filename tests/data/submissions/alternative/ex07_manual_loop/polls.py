"""Exercise 07, written another way: run_until_all_done polls, running the loop a little at a time until no task
is left (slower to notice, but it does wait for every task)."""

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
            while asyncio.all_tasks(loop):
                loop.run_until_complete(asyncio.sleep(0.1))
            loop.run_until_complete(loop.shutdown_asyncgens())
    finally:
        loop.close()
