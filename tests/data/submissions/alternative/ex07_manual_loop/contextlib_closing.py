"""Closes each loop with contextlib.closing, and waits with gather(return_exceptions=True) until no task is left."""

import asyncio
import contextlib


def run_manually(coro):
    with contextlib.closing(asyncio.new_event_loop()) as loop:
        return loop.run_until_complete(coro)


def run_until_all_done(coro):
    with contextlib.closing(asyncio.new_event_loop()) as loop:
        try:
            return loop.run_until_complete(coro)
        finally:
            while pending := asyncio.all_tasks(loop):
                loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
            loop.run_until_complete(loop.shutdown_asyncgens())
