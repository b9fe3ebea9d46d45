"""A plausible mistake, not an attack: make_request returns a list of a million numbers instead of a future. Its repr
in the check's message made the result event itself about 10 MB, and the grader stopped the check as "printed more
than 8 MB" (with a fix about print() in a loop), though the code prints nothing. set_future_value is right, so its
own checks must still pass."""

import asyncio


def make_request(value, delay: float = 1.0):
    return list(range(1_200_000))


async def set_future_value(future, value, delay):
    await asyncio.sleep(delay)
    if not future.done():
        future.set_result(value)


def make_failing_request(exc, delay: float = 1.0):
    raise NotImplementedError
