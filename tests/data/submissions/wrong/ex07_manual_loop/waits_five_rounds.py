# fails: waits_for_tasks_started_later
"""Looks for pending tasks a few times over, five rounds at most, and stops there: a chain of tasks six deep, each
started by the one before, is left unfinished."""

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
            for _ in range(5):  # a few rounds should do
                pending = asyncio.all_tasks(loop)
                if not pending:
                    break
                loop.run_until_complete(asyncio.wait(pending))
            loop.run_until_complete(loop.shutdown_asyncgens())
    finally:
        loop.close()
