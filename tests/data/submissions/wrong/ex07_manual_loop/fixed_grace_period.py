# fails: waits_for_pending_tasks, background_failure_does_not_change_result, reraises_after_waiting
"""Gives the leftover tasks a fixed half second to finish instead of waiting until none is left."""

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
            loop.run_until_complete(asyncio.sleep(0.5))  # should be long enough for the background tasks
            loop.run_until_complete(loop.shutdown_asyncgens())
    finally:
        loop.close()
