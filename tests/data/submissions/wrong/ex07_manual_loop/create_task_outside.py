# fails: returns_result, builds_its_own_loop, closes_loop_on_success, closes_loop_on_exception
"""asyncio.create_task(coro) before the loop runs: there is no running loop to create it on."""

import asyncio


def run_manually(coro):
    loop = asyncio.new_event_loop()
    try:
        task = asyncio.create_task(coro)
        return loop.run_until_complete(task)
    finally:
        loop.close()


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
