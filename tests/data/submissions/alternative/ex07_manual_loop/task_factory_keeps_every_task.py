"""Exercise 07: run_until_all_done keeps every task the loop makes through a task factory, and waits for the ones
not done until there are none; the loops come from the policy."""

import asyncio


def run_manually(coro):
    loop = asyncio.get_event_loop_policy().new_event_loop()
    try:
        return loop.run_until_complete(coro)
    finally:
        loop.close()


def run_until_all_done(coro):
    loop = asyncio.get_event_loop_policy().new_event_loop()
    made = []

    def factory(loop, coro, **kwargs):
        task = asyncio.Task(coro, loop=loop, **kwargs)
        made.append(task)
        return task

    loop.set_task_factory(factory)
    try:
        try:
            return loop.run_until_complete(coro)
        finally:
            while unfinished := [task for task in made if not task.done()]:
                loop.run_until_complete(asyncio.gather(*unfinished, return_exceptions=True))
            loop.run_until_complete(loop.shutdown_asyncgens())
    finally:
        loop.close()
