"""Exercise 08: one helper raises a clearer RuntimeError when no loop runs; contexts copied explicitly."""
import asyncio
import contextvars
from typing import Any, Callable, Optional


def _loop() -> asyncio.AbstractEventLoop:
    loop = running_loop_or_none()
    if loop is None:
        raise RuntimeError("schedule_soon/schedule_later need a running event loop: call them from async code")
    return loop


def schedule_soon(callback: Callable[..., Any], *args: Any) -> asyncio.Handle:
    return _loop().call_soon(callback, *args, context=contextvars.copy_context())


def schedule_later(delay: float, callback: Callable[..., Any], *args: Any) -> asyncio.TimerHandle:
    return _loop().call_later(delay, callback, *args, context=contextvars.copy_context())


def running_loop_or_none() -> Optional[asyncio.AbstractEventLoop]:
    return asyncio._get_running_loop()
