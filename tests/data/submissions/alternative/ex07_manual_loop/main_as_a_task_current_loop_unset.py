"""Exercise 07: the loop set as current while it runs (unset after); the main coroutine is a task of its own."""
import asyncio


class _OwnLoop:
    """`with _OwnLoop() as loop:` makes a loop, sets it as current, and undoes both on the way out."""

    def __enter__(self) -> asyncio.AbstractEventLoop:
        self.loop = asyncio.new_event_loop()
        asyncio.set_event_loop(self.loop)
        return self.loop

    def __exit__(self, *exc_info) -> None:
        try:
            self.loop.close()
        finally:
            asyncio.set_event_loop(None)


def run_manually(coro):
    with _OwnLoop() as loop:
        task = asyncio.ensure_future(coro, loop=loop)
        return loop.run_until_complete(task)


def run_until_all_done(coro):
    with _OwnLoop() as loop:
        main = loop.create_task(coro)
        while True:
            unfinished = {t for t in asyncio.all_tasks(loop) if not t.done()}
            if not unfinished:
                break
            loop.run_until_complete(asyncio.wait(unfinished))
        loop.run_until_complete(loop.shutdown_asyncgens())
        return main.result()
