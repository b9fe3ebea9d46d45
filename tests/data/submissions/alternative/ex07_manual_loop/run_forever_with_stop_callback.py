"""Exercise 07, written another way: run_forever, stopped by done-callbacks: the main task's, then every pending
task's, until a callback finds none left; run_until_all_done also sets its loop as current and unsets it."""

import asyncio


def run_manually(coro):
    loop = asyncio.new_event_loop()
    try:
        task = loop.create_task(coro)
        task.add_done_callback(lambda _: loop.stop())
        loop.run_forever()
        return task.result()
    finally:
        loop.close()


def run_until_all_done(coro):
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    try:
        main = loop.create_task(coro)

        def check_done(_=None):
            pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
            if not pending:
                loop.stop()
                return
            for t in pending:
                t.add_done_callback(check_done)

        main.add_done_callback(check_done)
        loop.run_forever()
        loop.run_until_complete(loop.shutdown_asyncgens())
        return main.result()
    finally:
        asyncio.set_event_loop(None)
        loop.close()
