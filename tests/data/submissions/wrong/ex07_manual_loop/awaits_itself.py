# fails: closes_loop_on_success, waits_for_pending_tasks, shuts_down_async_generators, background_failure_does_not_change_result, reraises_after_waiting
"""Awaits every task of asyncio.all_tasks() in turn from a task on the loop, the running task itself included:
asyncio refuses a task that awaits itself."""
import asyncio


def run_manually(coro):
    loop = asyncio.new_event_loop()
    try:
        return loop.run_until_complete(coro)
    finally:
        loop.close()


async def _main_then_the_rest(coro):
    result = await coro
    for task in asyncio.all_tasks():
        await task
    return result


def run_until_all_done(coro):
    loop = asyncio.new_event_loop()
    try:
        result = loop.run_until_complete(_main_then_the_rest(coro))
        loop.run_until_complete(loop.shutdown_asyncgens())
        return result
    finally:
        loop.close()
