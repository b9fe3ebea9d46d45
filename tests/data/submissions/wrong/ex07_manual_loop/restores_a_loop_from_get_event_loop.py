# fails: closes_loop_on_success
"""Sets its loop as current and, to be tidy, puts back the loop it read with asyncio.get_event_loop() first. In a
fresh program no loop is set, so get_event_loop() makes one (3.10 to 3.13): that loop is left current and open."""

import asyncio
import warnings


def _previous():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        try:
            return asyncio.get_event_loop()
        except RuntimeError:
            return None


def run_manually(coro):
    previous = _previous()
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    try:
        return loop.run_until_complete(coro)
    finally:
        loop.close()
        asyncio.set_event_loop(previous)


def run_until_all_done(coro):
    previous = _previous()
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    try:
        try:
            return loop.run_until_complete(coro)
        finally:
            while pending := asyncio.all_tasks(loop):
                loop.run_until_complete(asyncio.wait(pending))
            loop.run_until_complete(loop.shutdown_asyncgens())
    finally:
        loop.close()
        asyncio.set_event_loop(previous)
