"""Right, written another way: every question asked, least specific first, each later yes overriding the
one before; typing.Awaitable."""

import asyncio
import inspect
import typing

ANSWERS = ["not awaitable", "awaitable", "coroutine", "future", "task"]


def kind_of(obj) -> str:
    score = 0
    if isinstance(obj, typing.Awaitable):
        score = 1
    if inspect.iscoroutine(obj):
        score = 2
    if asyncio.isfuture(obj):
        score = 3
    if isinstance(obj, asyncio.Task):
        score = 4
    return ANSWERS[score]
