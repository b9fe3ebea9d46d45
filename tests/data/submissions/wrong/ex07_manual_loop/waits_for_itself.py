# fails: builds_its_own_loop, closes_loop_on_success, waits_for_pending_tasks, shuts_down_async_generators, background_failure_does_not_change_result, reraises_after_waiting
"""Waits inside the loop with gather(*asyncio.all_tasks()): the list holds the waiting task itself, which then waits
for itself for ever."""
import asyncio


def run_manually(coro):
    loop = asyncio.new_event_loop()
    try:
        return loop.run_until_complete(coro)
    finally:
        loop.close()


async def _main_then_the_rest(coro):
    result = await coro
    await asyncio.gather(*asyncio.all_tasks(), return_exceptions=True)
    return result


def run_until_all_done(coro):
    loop = asyncio.new_event_loop()
    try:
        result = loop.run_until_complete(_main_then_the_rest(coro))
        loop.run_until_complete(loop.shutdown_asyncgens())
        return result
    finally:
        loop.close()
