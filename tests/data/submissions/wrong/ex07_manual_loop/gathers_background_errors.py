# fails: background_failure_does_not_change_result, reraises_after_waiting
"""Waits with a plain gather: a background task's exception comes out instead of the result."""

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
        result = loop.run_until_complete(coro)
        while pending := asyncio.all_tasks(loop):
            loop.run_until_complete(asyncio.gather(*pending))
        loop.run_until_complete(loop.shutdown_asyncgens())
        return result
    finally:
        loop.close()
