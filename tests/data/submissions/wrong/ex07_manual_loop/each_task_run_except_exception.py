# fails: background_failure_does_not_change_result
"""Each leftover task run to its end with run_until_complete(task), its error ignored with `except Exception`;
a cancelled background task raises CancelledError out of run_until_all_done."""
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
            pending = asyncio.all_tasks(loop)
            while pending:
                for task in pending:
                    try:
                        loop.run_until_complete(task)
                    except Exception:
                        pass
                pending = asyncio.all_tasks(loop)
            loop.run_until_complete(loop.shutdown_asyncgens())
    finally:
        loop.close()
