"""Exercise 01 solved, except that set_future_value spins forever: `while True: pass` inside a coroutine."""
import asyncio


def make_request(value, delay: float = 1.0) -> asyncio.Future:
    future = asyncio.get_running_loop().create_future()
    asyncio.create_task(set_future_value(future, value, delay))
    return future


async def set_future_value(future, value, delay):
    while True:
        pass


def make_failing_request(exc, delay: float = 1.0) -> asyncio.Future:
    raise NotImplementedError
