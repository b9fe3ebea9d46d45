"""Exercise 07: run_until_all_done reuses run_manually, with a coroutine that waits for the rest and shuts the
async generators down from inside the loop."""
import asyncio


def run_manually(coro):
    loop = asyncio.new_event_loop()
    try:
        return loop.run_until_complete(coro)
    finally:
        loop.close()


async def _and_everything_else(coro):
    try:
        return await coro
    finally:
        this = asyncio.current_task()
        while rest := {task for task in asyncio.all_tasks() if task is not this}:
            await asyncio.wait(rest)
        await asyncio.get_running_loop().shutdown_asyncgens()


def run_until_all_done(coro):
    return run_manually(_and_everything_else(coro))
