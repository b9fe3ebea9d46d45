# fails: builds_its_own_loop
"""asyncio.run bound as a default argument: it works, but asyncio.run manages the loop, not the student."""

import asyncio


def run_manually(coro, run=asyncio.run):
    return run(coro)


async def _main_then_the_rest(coro):
    try:
        return await coro
    finally:
        while others := asyncio.all_tasks() - {asyncio.current_task()}:
            await asyncio.wait(others)


def run_until_all_done(coro, run=asyncio.run):
    return run(_main_then_the_rest(coro))
