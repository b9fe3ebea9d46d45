"""Exercise 07, written another way: the name imported from asyncio, `closing`, and one coroutine that waits."""

import asyncio
from asyncio import new_event_loop
from contextlib import closing


def run_manually(coro):
    with closing(new_event_loop()) as loop:
        asyncio.set_event_loop(loop)
        try:
            return loop.run_until_complete(coro)
        finally:
            asyncio.set_event_loop(None)


async def _then_wait_for_the_rest(coro):
    try:
        return await coro
    finally:
        me = asyncio.current_task()
        while True:
            others = [task for task in asyncio.all_tasks() if task is not me]
            if not others:
                break
            await asyncio.gather(*others, return_exceptions=True)


def run_until_all_done(coro):
    loop = new_event_loop()
    try:
        return loop.run_until_complete(_then_wait_for_the_rest(coro))
    finally:
        try:
            loop.run_until_complete(loop.shutdown_asyncgens())
        finally:
            loop.close()
