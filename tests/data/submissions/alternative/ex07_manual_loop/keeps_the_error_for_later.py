"""Exercise 07, written another way: the coroutine's exception kept aside, gather(..., return_exceptions=True)
until no task is left, then the exception raised again at the end."""

import asyncio


def run_manually(coro):
    loop = asyncio.new_event_loop()
    try:
        result = loop.run_until_complete(coro)
    finally:
        loop.close()
    return result


def run_until_all_done(coro):
    loop = asyncio.new_event_loop()
    error = None
    result = None
    try:
        result = loop.run_until_complete(coro)
    except BaseException as e:  # CancelledError and KeyboardInterrupt too: the loop is closed whatever happened
        error = e
    while True:
        tasks = asyncio.all_tasks(loop)
        if not tasks:
            break
        loop.run_until_complete(asyncio.gather(*tasks, return_exceptions=True))
    loop.run_until_complete(loop.shutdown_asyncgens())
    loop.close()
    if error is not None:
        raise error
    return result
