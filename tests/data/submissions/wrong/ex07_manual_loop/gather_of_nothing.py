# fails: closes_loop_on_success, waits_for_tasks_started_later, shuts_down_async_generators, background_failure_does_not_change_result, reraises_after_waiting
"""asyncio.gather(*pending) with nothing pending: with no awaitable to take a loop from, gather looks up the
current loop, and there is none."""

import asyncio


def run_manually(coro):
    loop = asyncio.new_event_loop()
    try:
        return loop.run_until_complete(coro)
    finally:
        loop.close()


def _wait_for_every_task(loop: asyncio.AbstractEventLoop) -> None:
    # A task may start others while we wait, so look again until none is left.
    while pending := asyncio.all_tasks(loop):
        loop.run_until_complete(asyncio.wait(pending))


def run_until_all_done(coro):
    loop = asyncio.new_event_loop()
    try:
        result = loop.run_until_complete(coro)
        pending = asyncio.all_tasks(loop)
        loop.run_until_complete(asyncio.gather(*pending))
        loop.run_until_complete(loop.shutdown_asyncgens())
        return result
    finally:
        loop.close()
