"""Exercise 08: each function is an instance of a small class that names the loop method it uses; the running loop
is found through the policy's view of the thread, asyncio.events.get_running_loop."""

import asyncio
from asyncio import events


class _OnTheRunningLoop:
    def __init__(self, method: str) -> None:
        self.method = method

    def __call__(self, *when_callback_and_args):
        return getattr(events.get_running_loop(), self.method)(*when_callback_and_args)


schedule_soon = _OnTheRunningLoop("call_soon")
schedule_later = _OnTheRunningLoop("call_later")


def running_loop_or_none() -> "asyncio.AbstractEventLoop | None":
    try:
        loop = events.get_running_loop()
    except RuntimeError:
        return None
    return loop
