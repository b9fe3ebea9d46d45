"""make_request turns off the alarm signal, then spins forever: only the parent can stop it."""
import asyncio
import signal


def make_request(value, delay: float = 1.0) -> asyncio.Future:
    signal.signal(signal.SIGALRM, signal.SIG_IGN)
    while True:
        pass


async def set_future_value(future, value, delay):
    await asyncio.sleep(delay)
    if not future.done():
        future.set_result(value)


def make_failing_request(exc, delay: float = 1.0) -> asyncio.Future:
    raise NotImplementedError
