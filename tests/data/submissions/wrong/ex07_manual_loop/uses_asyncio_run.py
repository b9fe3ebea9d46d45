# fails: builds_its_own_loop
"""asyncio.run, imported by name, inside run_manually: it works, but it is not managing the loop by hand."""

import asyncio
from asyncio import run


def run_manually(coro):
    return run(coro)


def run_until_all_done(coro):
    loop = asyncio.new_event_loop()
    try:
        try:
            return loop.run_until_complete(coro)
        finally:
            while pending := asyncio.all_tasks(loop):
                loop.run_until_complete(asyncio.wait(pending))
            loop.run_until_complete(loop.shutdown_asyncgens())
    finally:
        loop.close()
