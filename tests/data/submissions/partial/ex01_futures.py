"""Halfway through exercise 01: make_request is written, set_future_value and make_failing_request are not yet."""

import asyncio

_pending = set()


def make_request(value, delay: float = 1.0) -> asyncio.Future:
    future = asyncio.get_running_loop().create_future()
    task = asyncio.create_task(set_future_value(future, value, delay))
    _pending.add(task)
    task.add_done_callback(_pending.discard)
    return future


async def set_future_value(future: asyncio.Future, value, delay: float) -> None:
    raise NotImplementedError("sleep, then set the result")


def make_failing_request(exc: Exception, delay: float = 1.0) -> asyncio.Future:
    raise NotImplementedError("like make_request, with set_exception")
