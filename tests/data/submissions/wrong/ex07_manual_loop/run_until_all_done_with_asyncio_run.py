# fails: builds_its_own_loop
"""Behaves right, but run_until_all_done hands the loop to asyncio.run instead of managing it."""

import asyncio


def run_manually(coro):
    loop = asyncio.new_event_loop()
    try:
        return loop.run_until_complete(coro)
    finally:
        loop.close()


async def _main_then_the_rest(coro):
    try:
        return await coro
    finally:
        while others := asyncio.all_tasks() - {asyncio.current_task()}:
            await asyncio.wait(others)


def run_until_all_done(coro):
    return asyncio.run(_main_then_the_rest(coro))
