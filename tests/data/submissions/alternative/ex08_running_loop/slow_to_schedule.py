"""Exercise 08, written another way: schedule_later takes 30 ms before it calls call_later, as long as a busy
machine can pause any code. Callbacks scheduled in turn with delays 0.06, 0.02 and 0.04 s then fall due in an
order that is not the order of their delays ('slow' before 'middle'), and the loop rightly runs them so."""

import asyncio
import time


def schedule_soon(callback, *args) -> asyncio.Handle:
    return asyncio.get_running_loop().call_soon(callback, *args)


def schedule_later(delay: float, callback, *args) -> asyncio.TimerHandle:
    time.sleep(0.03)  # stands for a pause of the machine, or anything slow before the call
    return asyncio.get_running_loop().call_later(delay, callback, *args)


def running_loop_or_none():
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None
