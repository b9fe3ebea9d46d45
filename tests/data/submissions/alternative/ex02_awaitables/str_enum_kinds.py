"""Exercise 02, written another way: the five kinds as a str-based Enum (its members are strings, equal to the
kinds' names), found by a list of (question, kind) pairs asked in order."""

import asyncio
import enum
import inspect
from collections.abc import Awaitable


class Kind(str, enum.Enum):
    TASK = "task"
    FUTURE = "future"
    COROUTINE = "coroutine"
    AWAITABLE = "awaitable"
    NOT_AWAITABLE = "not awaitable"


QUESTIONS = [
    (lambda obj: isinstance(obj, asyncio.Task), Kind.TASK),
    (asyncio.isfuture, Kind.FUTURE),
    (inspect.iscoroutine, Kind.COROUTINE),
    (lambda obj: isinstance(obj, Awaitable), Kind.AWAITABLE),
]


def kind_of(obj) -> str:
    for question, kind in QUESTIONS:
        if question(obj):
            return kind
    return Kind.NOT_AWAITABLE
