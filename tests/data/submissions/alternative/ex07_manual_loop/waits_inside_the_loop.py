"""Exercise 07, written another way: one coroutine that runs the main one as a task and then waits, inside the
loop, for every other task; run_manually sets and unsets the current loop."""

import asyncio


def run_manually(coro):
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    try:
        return loop.run_until_complete(coro)
    finally:
        asyncio.set_event_loop(None)
        loop.close()


async def _main_then_rest(coro):
    main = asyncio.ensure_future(coro)
    try:
        await asyncio.wait([main])
    finally:
        me = asyncio.current_task()
        while others := asyncio.all_tasks() - {me}:
            await asyncio.wait(others)
    return main.result()


def run_until_all_done(coro):
    loop = asyncio.new_event_loop()
    try:
        return loop.run_until_complete(_main_then_rest(coro))
    finally:
        loop.run_until_complete(loop.shutdown_asyncgens())
        loop.close()
