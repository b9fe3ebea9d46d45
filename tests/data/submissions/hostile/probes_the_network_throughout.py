"""A thread started at import tries to open an internet socket every millisecond for three seconds, through the
import, the collection, every check and the teardowns between them; the first time one opens, it ends the process
with os._exit(7), which the grader reports as a crash. Sockets must stay blocked the whole time."""

import asyncio
import os
import socket
import threading
import time


def _probe() -> None:
    deadline = time.monotonic() + 3
    while time.monotonic() < deadline:
        try:
            socket.socket(socket.AF_INET, socket.SOCK_STREAM).close()
        except Exception:
            time.sleep(0.001)
            continue
        os._exit(7)


threading.Thread(target=_probe, daemon=True).start()


def make_request(value, delay: float = 1.0) -> asyncio.Future:
    raise NotImplementedError


async def set_future_value(future: asyncio.Future, value, delay: float) -> None:
    raise NotImplementedError


def make_failing_request(error: Exception, delay: float = 1.0) -> asyncio.Future:
    raise NotImplementedError
