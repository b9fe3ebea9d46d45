"""Exercise 07: one coroutine does it all inside the loop: keeps the main coroutine's outcome as a value, waits with
asyncio.wait for every task but itself until none is left, and shuts the async generators down from inside."""
import asyncio


async def _everything(coro):
    outcome, error = None, None
    try:
        outcome = await coro
    except BaseException as exc:  # noqa: BLE001 - kept and raised again after the wait
        error = exc
    me = asyncio.current_task()
    while rest := [t for t in asyncio.all_tasks() if t is not me]:
        await asyncio.wait(rest)
    await asyncio.get_running_loop().shutdown_asyncgens()
    return outcome, error


def run_manually(coro):
    loop = asyncio.new_event_loop()
    try:
        return loop.run_until_complete(coro)
    finally:
        loop.close()


def run_until_all_done(coro):
    loop = asyncio.new_event_loop()
    try:
        outcome, error = loop.run_until_complete(_everything(coro))
    finally:
        loop.close()
    if error is not None:
        raise error
    return outcome
