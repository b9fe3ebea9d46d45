# expect: status=timeout score=0
"""An endless loop inside the coroutine: the event loop never gets control back."""
import asyncio


def make_request(value, delay=1.0):
    future = asyncio.get_running_loop().create_future()
    asyncio.ensure_future(set_future_value(future, value, delay))
    return future


async def set_future_value(future, value, delay):
    while True:
        pass


def make_failing_request(exc, delay=1.0):
    raise NotImplementedError("later")
