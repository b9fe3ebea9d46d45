"""Exercise 01: a Future subclass that remembers the task completing it; set_future_value reused by the failing one."""
import asyncio


class Request(asyncio.Future):
    def __init__(self, coro_factory):
        super().__init__(loop=asyncio.get_running_loop())
        self.worker = self.get_loop().create_task(coro_factory(self))


def make_request(value, delay=1.0):
    return Request(lambda future: set_future_value(future, value, delay))


async def set_future_value(future, value, delay):
    await asyncio.sleep(delay)
    if not future.done():
        future.set_result(value)


async def _fail(future, exc, delay):
    placeholder = future.get_loop().create_future()
    await set_future_value(placeholder, None, delay)  # the same wait as a successful request
    if not future.done():
        future.set_exception(exc)


def make_failing_request(exc, delay=1.0):
    return Request(lambda future: _fail(future, exc, delay))
