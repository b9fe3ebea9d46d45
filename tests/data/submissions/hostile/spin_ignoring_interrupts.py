"""make_request spins forever and swallows every attempt to stop it, pytest's own timeout included."""
import asyncio


def make_request(value, delay: float = 1.0) -> asyncio.Future:
    while True:
        try:
            while True:
                pass
        except BaseException:
            pass


async def set_future_value(future, value, delay):
    await asyncio.sleep(delay)
    if not future.done():
        future.set_result(value)


def make_failing_request(exc, delay: float = 1.0) -> asyncio.Future:
    raise NotImplementedError
