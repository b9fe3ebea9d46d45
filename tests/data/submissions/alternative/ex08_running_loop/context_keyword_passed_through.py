"""Exercise 08: call_soon's and call_later's keyword-only context passed through; type annotations from typing."""

from asyncio import AbstractEventLoop, Handle, TimerHandle, get_running_loop
from contextvars import Context
from typing import Any, Callable, Optional


def schedule_soon(callback: Callable[..., Any], *args: Any, context: Optional[Context] = None) -> Handle:
    return get_running_loop().call_soon(callback, *args, context=context)


def schedule_later(
    delay: float, callback: Callable[..., Any], *args: Any, context: Optional[Context] = None
) -> TimerHandle:
    return get_running_loop().call_later(delay, callback, *args, context=context)


def running_loop_or_none() -> Optional[AbstractEventLoop]:
    try:
        return get_running_loop()
    except RuntimeError:
        pass
    return None
