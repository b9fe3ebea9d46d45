# fails: waits_for_pending_tasks, reraises_after_waiting
"""Believes the main task is still among all_tasks(loop) after run_until_complete, so it stops waiting while one
task is left: that one is never finished, whichever way the coroutine ended."""
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
            return loop.run_until_complete(coro)
        finally:
            while len(asyncio.all_tasks(loop)) > 1:  # the main task is one of them
                loop.run_until_complete(asyncio.wait(asyncio.all_tasks(loop), return_when=asyncio.FIRST_COMPLETED))
            loop.run_until_complete(loop.shutdown_asyncgens())
    finally:
        loop.close()
