# fails: soon_runs_callback_later, soon_returns_handle
"""The lesson's main() adapted: schedule_soon starts a task that queues the callback, and returns the task."""
import asyncio
from exercises.util import delay


async def _main(callback, *args):
    loop = asyncio.get_running_loop()
    loop.call_soon(callback, *args)
    await delay(0)


def schedule_soon(callback, *args):
    return asyncio.get_running_loop().create_task(_main(callback, *args))


def schedule_later(delay: float, callback, *args) -> asyncio.TimerHandle:
    return asyncio.get_running_loop().call_later(delay, callback, *args)


def running_loop_or_none():
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None
