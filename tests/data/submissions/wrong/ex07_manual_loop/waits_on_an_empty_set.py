# fails: builds_its_own_loop, closes_loop_on_success, waits_for_tasks_started_later, shuts_down_async_generators, reraises_after_waiting
"""Waits once with asyncio.wait(pending) without asking whether anything is pending: asyncio.wait refuses an empty set."""
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
        pending = asyncio.all_tasks(loop)
        loop.run_until_complete(asyncio.wait(pending))
        loop.run_until_complete(loop.shutdown_asyncgens())
        return result
    finally:
        loop.close()
