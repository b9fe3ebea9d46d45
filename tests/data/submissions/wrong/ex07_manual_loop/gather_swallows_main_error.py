# fails: reraises_after_waiting
"""Catches the main coroutine's exception with except Exception and returns None after waiting."""

import asyncio


def run_manually(coro):
    loop = asyncio.new_event_loop()
    try:
        return loop.run_until_complete(coro)
    finally:
        loop.close()


def run_until_all_done(coro):
    loop = asyncio.new_event_loop()
    try:
        try:
            result = loop.run_until_complete(coro)
        except Exception:
            result = None
        while pending := asyncio.all_tasks(loop):
            loop.run_until_complete(asyncio.wait(pending))
        loop.run_until_complete(loop.shutdown_asyncgens())
        return result
    finally:
        loop.close()
