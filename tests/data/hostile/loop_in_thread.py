# expect: status=timeout score=0
"""An endless loop in a worker thread of the default executor: pytest-timeout cannot stop it, and closing the
event loop waits for that thread forever."""
import asyncio


def spin():
    while True:
        pass


def make_request(value, delay=1.0):
    future = asyncio.get_running_loop().create_future()
    asyncio.ensure_future(set_future_value(future, value, delay))
    return future


async def set_future_value(future, value, delay):
    await asyncio.get_running_loop().run_in_executor(None, spin)
    future.set_result(value)


def make_failing_request(exc, delay=1.0):
    raise NotImplementedError("later")
