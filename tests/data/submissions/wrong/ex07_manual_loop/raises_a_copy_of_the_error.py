# fails: closes_loop_on_exception
"""run_manually raises a copy of the coroutine's exception, to leave the loop's lines out of its traceback."""

import asyncio


def run_manually(coro):
    loop = asyncio.new_event_loop()
    try:
        return loop.run_until_complete(coro)
    except Exception as error:
        raise type(error)(*error.args) from None
    finally:
        loop.close()


def _wait_for_every_task(loop: asyncio.AbstractEventLoop) -> None:
    # A task may start others while we wait, so look again until none is left.
    while pending := asyncio.all_tasks(loop):
        loop.run_until_complete(asyncio.wait(pending))


def run_until_all_done(coro):
    loop = asyncio.new_event_loop()
    try:
        try:
            return loop.run_until_complete(coro)
        finally:
            _wait_for_every_task(loop)
            loop.run_until_complete(loop.shutdown_asyncgens())
    finally:
        loop.close()
