"""Exercise 07: ensure_future on the loop, result read from the task; the default executor shut down too."""
import asyncio


def run_manually(coro):
    loop = asyncio.new_event_loop()
    try:
        main = asyncio.ensure_future(coro, loop=loop)
        loop.run_until_complete(main)
        return main.result()
    finally:
        try:
            loop.run_until_complete(loop.shutdown_default_executor())
        finally:
            loop.close()


def run_until_all_done(coro):
    loop = asyncio.new_event_loop()
    main = loop.create_task(coro)
    try:
        while True:
            unfinished = [task for task in asyncio.all_tasks(loop) if not task.done()]
            if not unfinished:
                break
            loop.run_until_complete(asyncio.wait(unfinished, return_when=asyncio.ALL_COMPLETED))
        loop.run_until_complete(loop.shutdown_asyncgens())
        loop.run_until_complete(loop.shutdown_default_executor())
    finally:
        loop.close()
    return main.result()
