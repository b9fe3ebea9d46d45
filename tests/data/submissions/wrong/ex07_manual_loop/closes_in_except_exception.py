# fails: closes_loop_on_exception, reraises_after_waiting
"""Closes the loop in `except Exception:` and after a return, instead of in `finally:`: a coroutine that ends
cancelled (CancelledError is a BaseException, as a Ctrl-C's KeyboardInterrupt is) leaves the loop open."""

import asyncio


def run_manually(coro):
    loop = asyncio.new_event_loop()
    try:
        result = loop.run_until_complete(coro)
    except Exception:
        loop.close()
        raise
    loop.close()
    return result


def _finish(loop) -> None:
    while pending := asyncio.all_tasks(loop):
        loop.run_until_complete(asyncio.wait(pending))
    loop.run_until_complete(loop.shutdown_asyncgens())
    loop.close()


def run_until_all_done(coro):
    loop = asyncio.new_event_loop()
    try:
        result = loop.run_until_complete(coro)
    except Exception:
        _finish(loop)
        raise
    _finish(loop)
    return result
