# fails: background_failure_does_not_change_result
"""gather without return_exceptions, round after round; a failing background task's error is caught with
`except Exception` and the student goes round again. A *cancelled* background task makes gather raise
CancelledError (a BaseException), which escapes run_until_all_done in place of the result."""
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
                try:
                    loop.run_until_complete(asyncio.gather(*asyncio.all_tasks(loop)))
                except Exception:
                    pass
            loop.run_until_complete(loop.shutdown_asyncgens())
    finally:
        loop.close()
