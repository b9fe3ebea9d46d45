# fails: returns_pending_future, schedules_a_task, future_resolves_to_value, sets_result_after_delay, loop_keeps_running_while_waiting, requests_overlap, set_future_value_ignores_done_future, failing_request_raises_same_exception, failing_request_waits_and_tolerates_cancel
"""Every function returns None: set_future_value then 'does nothing when the future is done' only because it does
nothing at all."""

import asyncio


def make_request(value, delay: float = 1.0) -> asyncio.Future:
    return None


async def set_future_value(future: asyncio.Future, value, delay: float) -> None:
    return None


def make_failing_request(exc: Exception, delay: float = 1.0) -> asyncio.Future:
    return None
