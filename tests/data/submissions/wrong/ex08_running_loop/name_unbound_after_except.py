# fails: running_loop_or_none_outside
"""running_loop_or_none catches the RuntimeError with `pass`, then returns the name it assigned only in the `try:`,
which has no value once get_running_loop() has raised."""
import asyncio


def schedule_soon(callback, *args) -> asyncio.Handle:
    return asyncio.get_running_loop().call_soon(callback, *args)


def schedule_later(delay: float, callback, *args) -> asyncio.TimerHandle:
    return asyncio.get_running_loop().call_later(delay, callback, *args)


def running_loop_or_none():
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        pass
    return loop
