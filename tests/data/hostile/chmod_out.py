# expect: status=ok score=10
# requires: attributes
"""A correct solution that, at import, tries to take the batch's output folder from the grader: its mode set to
000, so that a grader that is not root could write no gradebook, and its own repository's too. Nothing changes;
the grade is its own (full marks, it is correct)."""
import asyncio
import os

for target in ("__OUT__", os.path.join("__OUT__", "students"), "__REPO__"):
    try:
        os.chmod(target, 0)
    except OSError:
        pass


def make_request(value, delay=1.0):
    future = asyncio.get_running_loop().create_future()
    asyncio.ensure_future(set_future_value(future, value, delay))
    return future


async def set_future_value(future, value, delay):
    await asyncio.sleep(delay)
    if not future.done():
        future.set_result(value)


async def _fail_later(future, exc, delay):
    await asyncio.sleep(delay)
    if not future.done():
        future.set_exception(exc)


def make_failing_request(exc, delay=1.0):
    future = asyncio.get_running_loop().create_future()
    asyncio.ensure_future(_fail_later(future, exc, delay))
    return future
