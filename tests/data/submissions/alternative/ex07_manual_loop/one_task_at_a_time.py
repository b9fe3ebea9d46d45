"""Exercise 07, written another way: the main coroutine as a task, then each unfinished task waited for in turn
until none is left."""

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
        main = loop.create_task(coro)
        loop.run_until_complete(asyncio.wait([main]))
        while True:
            rest = [t for t in asyncio.all_tasks(loop) if not t.done()]
            if not rest:
                break
            for t in rest:
                loop.run_until_complete(asyncio.wait([t]))
        loop.run_until_complete(loop.shutdown_asyncgens())
        return main.result()
    finally:
        loop.close()
