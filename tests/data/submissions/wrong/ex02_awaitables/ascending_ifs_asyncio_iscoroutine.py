# fails: custom_awaitable_is_awaitable, other_objects_are_not_awaitable (python<3.12)
"""Plain `if`s asked least specific first, each later yes overwriting the answer on purpose, which works; the one
mistake is asyncio.iscoroutine, which says yes to coroutine look-alikes (and to generators up to 3.11)."""

import asyncio
from collections.abc import Awaitable


def kind_of(obj) -> str:
    kind = "not awaitable"
    if isinstance(obj, Awaitable):
        kind = "awaitable"
    if asyncio.iscoroutine(obj):
        kind = "coroutine"
    if asyncio.isfuture(obj):
        kind = "future"
    if isinstance(obj, asyncio.Task):
        kind = "task"
    return kind
