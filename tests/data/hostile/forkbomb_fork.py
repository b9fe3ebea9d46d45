# expect: status=timeout score=8
# requires: processes
"""A fork bomb through os.fork in a loop inside make_failing_request: every child sleeps forever, the parent
forks on (ignoring the errors once the process limit is reached) until the check is stopped. The other two
functions are correct and keep their points."""
import asyncio
import os
import time


def make_request(value, delay=1.0):
    future = asyncio.get_running_loop().create_future()
    asyncio.ensure_future(set_future_value(future, value, delay))
    return future


async def set_future_value(future, value, delay):
    await asyncio.sleep(delay)
    if not future.done():
        future.set_result(value)


def make_failing_request(exc, delay=1.0):
    while True:
        try:
            if os.fork() == 0:
                while True:
                    time.sleep(60)
        except OSError:
            pass
