# expect: status=timeout score=0
"""An endless loop in a process-pool worker: the pool's shutdown waits for it forever."""
import asyncio
from concurrent.futures import ProcessPoolExecutor


def spin():
    while True:
        pass


def make_request(value, delay=1.0):
    with ProcessPoolExecutor(max_workers=1) as pool:
        pool.submit(spin).result()
    return asyncio.get_running_loop().create_future()


async def set_future_value(future, value, delay):
    with ProcessPoolExecutor(max_workers=1) as pool:
        await asyncio.get_running_loop().run_in_executor(pool, spin)


def make_failing_request(exc, delay=1.0):
    raise NotImplementedError("later")
