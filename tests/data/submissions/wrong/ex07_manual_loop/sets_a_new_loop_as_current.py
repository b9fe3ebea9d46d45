# fails: closes_loop_on_success, closes_loop_on_exception, reraises_after_waiting
"""Sets a brand-new loop as current in `finally`, "to leave a usable loop behind", instead of unsetting it: one more
loop that nobody runs or closes."""

import asyncio


def run_manually(coro):
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    try:
        return loop.run_until_complete(coro)
    finally:
        loop.close()
        asyncio.set_event_loop(asyncio.new_event_loop())  # leave a usable loop behind


def run_until_all_done(coro):
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
        asyncio.set_event_loop(asyncio.new_event_loop())
