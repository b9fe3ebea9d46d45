"""Exercise 07, written another way: run_until_all_done steps the loop with zero-delay sleeps until no task is left
(a busy wait, but a wait for every task), and run_manually uses the stop-then-run_forever idiom to settle."""

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
                loop.stop()
                loop.run_forever()  # one iteration of the loop: whatever is ready runs, then it stops again
            loop.run_until_complete(loop.shutdown_asyncgens())
    finally:
        loop.close()
