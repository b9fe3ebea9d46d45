# fails: builds_its_own_loop
# requires: python>=3.11
"""asyncio.Runner bound as a default argument (a name no patch of the module reaches): not a loop managed by hand."""

import asyncio


def run_manually(coro, runner_class=asyncio.Runner):
    with runner_class() as runner:
        return runner.run(coro)


async def _main_then_the_rest(coro):
    try:
        return await coro
    finally:
        while others := asyncio.all_tasks() - {asyncio.current_task()}:
            await asyncio.wait(others)


def run_until_all_done(coro, runner_class=asyncio.Runner):
    with runner_class() as runner:
        return runner.run(_main_then_the_rest(coro))
