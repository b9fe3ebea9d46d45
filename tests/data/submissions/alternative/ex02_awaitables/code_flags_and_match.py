"""kind_of with the coroutine's code flags and typing.Awaitable."""
import asyncio
import inspect
import typing


def kind_of(obj) -> str:
    is_task = isinstance(obj, asyncio.Task)
    is_future = asyncio.isfuture(obj) and not is_task
    code = getattr(obj, "cr_code", None)
    is_coro = type(obj).__name__ == "coroutine" and code is not None and bool(code.co_flags & inspect.CO_COROUTINE)
    match (is_task, is_future, is_coro, isinstance(obj, typing.Awaitable)):
        case (True, _, _, _):
            return "task"
        case (_, True, _, _):
            return "future"
        case (_, _, True, _):
            return "coroutine"
        case (_, _, _, True):
            return "awaitable"
    return "not awaitable"
