"""Exercise 08, written another way: one helper, bound to the loop method's name with functools.partial, so that
schedule_soon and schedule_later are partial objects, not functions."""

import asyncio
from functools import partial


def _schedule(method, *when_and_call):
    loop = asyncio.get_running_loop()
    return getattr(loop, method)(*when_and_call)


schedule_soon = partial(_schedule, "call_soon")
schedule_later = partial(_schedule, "call_later")


def running_loop_or_none():
    return asyncio._get_running_loop()
