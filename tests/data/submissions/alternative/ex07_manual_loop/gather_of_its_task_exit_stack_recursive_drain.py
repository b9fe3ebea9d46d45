"""Exercise 07: gather(loop.create_task(coro), return_exceptions=True) gives the outcome as a value; ExitStack
closes the loop; a recursive helper drains the tasks."""

import asyncio
import contextlib


def _drain(loop: asyncio.AbstractEventLoop) -> None:
    pending = asyncio.all_tasks(loop)
    if not pending:
        return
    loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
    _drain(loop)


def run_manually(coro):
    with contextlib.ExitStack() as stack:
        loop = asyncio.new_event_loop()
        stack.callback(loop.close)
        return loop.run_until_complete(coro)


def run_until_all_done(coro):
    with contextlib.ExitStack() as stack:
        loop = asyncio.new_event_loop()
        stack.callback(loop.close)
        (outcome,) = loop.run_until_complete(asyncio.gather(loop.create_task(coro), return_exceptions=True))
        _drain(loop)
        loop.run_until_complete(loop.shutdown_asyncgens())
    if isinstance(outcome, BaseException):
        raise outcome
    return outcome
