"""Opens files at import until the process may open no more: the checks, which need to open their own files,
cannot even be loaded. The student must be told what happened in their terms, not in pytest's."""

import asyncio

_kept = []
try:
    while True:
        _kept.append(open("/dev/null"))  # noqa: SIM115
except OSError:
    pass


def make_request(value, delay: float = 1.0) -> asyncio.Future:
    raise NotImplementedError


async def set_future_value(future, value, delay):
    raise NotImplementedError


def make_failing_request(exc, delay: float = 1.0) -> asyncio.Future:
    raise NotImplementedError
