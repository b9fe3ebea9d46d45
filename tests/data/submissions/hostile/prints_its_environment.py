"""Prints every environment variable in a check that then fails: what it prints reaches the student's feedback,
so the grader's secrets (a CI token, an instructor's credentials) must never be there to print."""

import asyncio
import os


def make_request(value, delay: float = 1.0) -> asyncio.Future:
    for name, value_of in sorted(os.environ.items()):
        print(f"{name}={value_of}")
    raise RuntimeError("printed the environment")


async def set_future_value(future, value, delay):
    raise NotImplementedError


def make_failing_request(exc, delay: float = 1.0) -> asyncio.Future:
    raise NotImplementedError
