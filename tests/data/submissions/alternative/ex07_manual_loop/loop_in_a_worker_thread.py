"""Exercise 07: each loop runs in a worker thread of its own, which the calling thread joins; the loop is closed
by the calling thread afterwards."""

import asyncio
import threading


def _in_a_thread(loop, work):
    outcome = {}

    def target():
        try:
            outcome["result"] = work()
        except BaseException as error:  # handed to the caller, whatever it is
            outcome["error"] = error

    thread = threading.Thread(target=target, name="event-loop")
    thread.start()
    thread.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["result"]


def run_manually(coro):
    loop = asyncio.new_event_loop()
    try:
        return _in_a_thread(loop, lambda: loop.run_until_complete(coro))
    finally:
        loop.close()


def run_until_all_done(coro):
    loop = asyncio.new_event_loop()

    def work():
        try:
            return loop.run_until_complete(coro)
        finally:
            while pending := asyncio.all_tasks(loop):
                loop.run_until_complete(asyncio.wait(pending))
            loop.run_until_complete(loop.shutdown_asyncgens())

    try:
        return _in_a_thread(loop, work)
    finally:
        loop.close()
