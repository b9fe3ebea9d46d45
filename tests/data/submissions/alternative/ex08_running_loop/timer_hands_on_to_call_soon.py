"""Exercise 08, written another way: schedule_later's timer hands the callback to call_soon when it falls due (one
iteration later, still in due order); schedule_soon passes a copied context explicitly."""

import asyncio
import contextvars


def schedule_soon(callback, *args) -> asyncio.Handle:
    loop = asyncio.get_running_loop()
    return loop.call_soon(callback, *args, context=contextvars.copy_context())


def schedule_later(delay: float, callback, *args) -> asyncio.TimerHandle:
    loop = asyncio.get_running_loop()
    return loop.call_later(delay, loop.call_soon, callback, *args)


def running_loop_or_none():
    try:
        return asyncio.get_running_loop()
    except RuntimeError as error:
        return None
