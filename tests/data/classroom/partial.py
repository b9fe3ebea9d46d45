# expect: status=ok score=8
"""make_request and set_future_value done; make_failing_request not started."""
import asyncio


def make_request(value, delay=1.0):
    future = asyncio.get_running_loop().create_future()
    asyncio.ensure_future(set_future_value(future, value, delay))
    return future


async def set_future_value(future, value, delay):
    await asyncio.sleep(delay)
    if not future.done():
        future.set_result(value)


def make_failing_request(exc, delay=1.0):
    raise NotImplementedError("like make_request, with future.set_exception(exc)")
