"""Exercise 08, written another way: each callback is queued inside a small wrapper that logs what it raises with
the name of the function that scheduled it; the handle is still the one of the queued call, so cancel() stops it."""

import asyncio
import logging

log = logging.getLogger(__name__)


def _reporting(scheduled_by: str, callback, args: tuple) -> None:
    try:
        callback(*args)
    except Exception:
        log.exception("a callback scheduled by %s raised", scheduled_by)


def schedule_soon(callback, *args) -> asyncio.Handle:
    loop = asyncio.get_running_loop()
    return loop.call_soon(_reporting, "schedule_soon", callback, args)


def schedule_later(delay: float, callback, *args) -> asyncio.TimerHandle:
    loop = asyncio.get_running_loop()
    return loop.call_later(delay, _reporting, "schedule_later", callback, args)


def running_loop_or_none():
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        loop = None
    return loop
