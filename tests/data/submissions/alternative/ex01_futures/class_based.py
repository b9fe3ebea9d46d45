"""Exercise 01: a Request class owns the future and the task; Future(loop=...); cancelled() for the failing one."""

import asyncio


class _Request:
    running: set = set()

    def __init__(self, delay: float) -> None:
        self.loop = asyncio.get_running_loop()
        self.future = asyncio.Future(loop=self.loop)
        self.delay = delay

    def start(self, coro) -> asyncio.Future:
        task = self.loop.create_task(coro)
        self.running.add(task)
        task.add_done_callback(self.running.discard)
        return self.future

    async def fail(self, exc: Exception) -> None:
        await asyncio.sleep(self.delay)
        if self.future.cancelled():
            return
        self.future.set_exception(exc)


def make_request(value, delay: float = 1.0) -> asyncio.Future:
    request = _Request(delay)
    return request.start(set_future_value(request.future, value, delay))


async def set_future_value(future: asyncio.Future, value, delay: float) -> None:
    await asyncio.sleep(delay)
    if future.done():
        return
    future.set_result(value)


def make_failing_request(exc: Exception, delay: float = 1.0) -> asyncio.Future:
    request = _Request(delay)
    return request.start(request.fail(exc))
