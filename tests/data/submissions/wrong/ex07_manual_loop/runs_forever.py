# fails: builds_its_own_loop, closes_loop_on_success, waits_for_pending_tasks, shuts_down_async_generators, background_failure_does_not_change_result, reraises_after_waiting
"""run_forever() to let the other tasks finish: it returns only once something calls loop.stop(), and nothing does."""
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
        loop.run_forever()  # keep the loop running so that the other tasks finish
        loop.run_until_complete(loop.shutdown_asyncgens())
        return result
    finally:
        loop.close()
