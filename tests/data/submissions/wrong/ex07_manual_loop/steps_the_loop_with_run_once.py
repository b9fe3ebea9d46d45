# fails: waits_for_pending_tasks, background_failure_does_not_change_result, reraises_after_waiting
"""Steps the pending tasks with loop._run_once() while asyncio.all_tasks(loop) is not empty, from outside the loop:
no loop is running then, so every task that reaches an asyncio.sleep dies of RuntimeError: no running event loop."""
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
            while asyncio.all_tasks(loop):
                loop._run_once()
            loop.run_until_complete(loop.shutdown_asyncgens())
    finally:
        loop.close()
