"""make_request kills its process with a realtime signal (a number without a name); set_future_value never returns."""

import os
import signal


def make_request(value, delay: float = 1.0):
    os.kill(os.getpid(), signal.SIGRTMIN + 6)


async def set_future_value(future, value, delay):
    while True:
        pass


def make_failing_request(exc, delay: float = 1.0):
    raise NotImplementedError
