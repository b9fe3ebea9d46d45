# fails: builds_its_own_loop, closes_loop_on_success, waits_for_pending_tasks, shuts_down_async_generators, background_failure_does_not_change_result, reraises_after_waiting
"""asyncio.gather(coro, return_exceptions=True) to keep the outcome as a value: given only a coroutine, gather
makes its task on the current loop, and none is set; ExitStack closes the loop, a recursive helper drains."""

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
        (outcome,) = loop.run_until_complete(asyncio.gather(coro, return_exceptions=True))
        _drain(loop)
        loop.run_until_complete(loop.shutdown_asyncgens())
    if isinstance(outcome, BaseException):
        raise outcome
    return outcome
