# fails: returns_result, builds_its_own_loop, closes_loop_on_success, closes_loop_on_exception
"""The lesson's code pasted into run_manually with its own main() kept: the loop runs that main(), never `coro`."""
import asyncio


async def main():
    await asyncio.sleep(0.01)


def run_manually(coro):
    loop = asyncio.new_event_loop()
    try:
        loop.run_until_complete(main())
    finally:
        loop.close()


def run_until_all_done(coro):
    loop = asyncio.new_event_loop()
    try:
        try:
            return loop.run_until_complete(coro)
        finally:
            while pending := asyncio.all_tasks(loop):
                loop.run_until_complete(asyncio.wait(pending))
            loop.run_until_complete(loop.shutdown_asyncgens())
    finally:
        loop.close()
