"""The telling errors: what asyncio (and aiohttp) says for each classic mistake, and the fix in the lesson's words.

An entry's fix is the general one; a recognizer of the package may put a better one in the student's own names.
"""

from __future__ import annotations

import asyncio
import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Mistake:
    kind: type[BaseException]
    says: str
    """A part of the exception's message that only this mistake produces."""
    fix: str
    raised_in: str = ""
    """Where the exception must have been raised (the end of the innermost frame's file name), when its message
    alone is shared with other mistakes."""


MISTAKES = (
    Mistake(
        RuntimeError,
        "cannot schedule new futures after shutdown",
        "This pool was shut down already, and a shut-down pool takes no more work: leaving a `with` block (or"
        " calling shutdown()) ends it for good, so a pool made once, at import, is over once a call has left its"
        " block. Make the pool inside the function, `with ProcessPoolExecutor() as pool:` (or the executor you"
        " use), so that every call gets its own.",
    ),
    Mistake(
        RuntimeError,
        "asyncio.run() cannot be called from a running event loop",
        "Your code already runs on an event loop: `await` the coroutine, or schedule it with "
        "`asyncio.create_task(...)`. asyncio.run starts a loop, once, from plain code at the program's top.",
    ),
    Mistake(
        RuntimeError,
        "cannot await on itself",
        "A task cannot wait for itself to finish, and asyncio.all_tasks() lists the running task too: leave it out,"
        " `me = asyncio.current_task()`, then await only the tasks `t` with `t is not me`.",
    ),
    Mistake(
        RuntimeError,
        "This event loop is already running",
        "run_until_complete drives a loop from outside; code the loop is running (a coroutine, a callback) "
        "cannot call it. `await` the coroutine there instead.",
    ),
    Mistake(
        RuntimeError,
        "no running event loop",
        "asyncio.get_running_loop() and asyncio.create_task() work only in code that a running loop runs (a "
        "coroutine, or a function called from one); here no loop was running.",
    ),
    Mistake(
        RuntimeError,
        "There is no current event loop",
        "asyncio.get_event_loop() (also called by asyncio.gather() with nothing to gather, and by asyncio.Future()) "
        "only finds a loop set as current. Inside running code ask asyncio.get_running_loop(); to run a coroutine "
        "from plain code, make a loop with asyncio.new_event_loop().",
    ),
    Mistake(
        RuntimeError,
        "Event loop is closed",
        "That loop was closed already: close a loop last, in a `finally`, and make a new one with "
        "asyncio.new_event_loop() for each run.",
    ),
    Mistake(
        RuntimeError,
        "cannot reuse already awaited coroutine",
        "A coroutine object runs once: call the async def function again for a new one. A cache on an async def"
        " (@functools.lru_cache, @functools.cache) keeps the coroutine object, not its result, and hands the spent"
        " one out again: leave the cache out.",
    ),
    Mistake(
        RuntimeError,
        "attached to a different loop",
        "That future belongs to another event loop than the one running your coroutine (one made with"
        " asyncio.new_event_loop(), say, which nothing runs): in a coroutine, use the loop that runs it,"
        " `loop = asyncio.get_running_loop()`.",
    ),
    Mistake(
        asyncio.InvalidStateError,
        "Result is not set",
        "A task's result() is there only once the task is done, which no sleep promises: await the tasks first"
        " (`results = await asyncio.gather(*tasks)`, or `await task`), then read them.",
    ),
    Mistake(
        TypeError,
        "a coroutine was expected, got",
        "create_task takes a coroutine object, what calling an async def function gives: "
        "`asyncio.create_task(work(x))`, not `asyncio.create_task(work)`. A future, what loop.run_in_executor "
        "returns, is running already: await it or gather it as it is, with no task around it.",
    ),
    Mistake(
        TypeError,
        "create_task() takes ",  # asyncio's and the loop's: "... takes 1 positional argument but 4 were given"
        "create_task takes one coroutine object, made by calling the async def function with its arguments:"
        " `asyncio.create_task(work(x, y))`, not `asyncio.create_task(work, x, y)`. The function and its arguments"
        " apart is how call_soon and run_in_executor take them, not create_task.",
    ),
    Mistake(
        ValueError,
        "a coroutine was expected, got",  # asyncio.run (and asyncio.Runner.run) handed no coroutine
        "asyncio.run takes a coroutine object, what calling an async def function gives: `asyncio.run(main())`, not"
        " `asyncio.run(main)`, the function itself.",
    ),
    Mistake(
        TypeError,
        "An asyncio.Future, a coroutine or an awaitable is required",
        "asyncio.gather and asyncio.ensure_future take awaitables: pass `work(x)`, the coroutine, not `work`, the "
        "function, nor a value already computed.",
    ),
    Mistake(
        ValueError,
        "/Futures is empty",  # "Set of Tasks/Futures is empty." from 3.11, "Set of coroutines/Futures ..." on 3.10
        "asyncio.wait() refuses an empty set: wait only while something is pending, `while pending :="
        " asyncio.all_tasks(loop): loop.run_until_complete(asyncio.wait(pending))`.",
        raised_in=os.path.join("asyncio", "tasks.py"),
    ),
    Mistake(
        RuntimeError,
        "Task got bad yield",  # a plain generator run as a task: asyncio.gather(x for x in xs) up to Python 3.11
        "asyncio ran a plain generator as if it were a coroutine, and it yielded something asyncio cannot wait on:"
        " hand asyncio coroutines (what calling an async def function gives), tasks or futures.",
    ),
    Mistake(
        ValueError,
        "could not convert string to float: '%",  # float() of a piece of a log record's msg, its format string
        "record.msg is the message's format string, 'Executing %s took %.3f seconds', placeholders and all:"
        " record.getMessage() gives the text with the values filled in, and record.args[-1] the duration itself.",
    ),
    Mistake(
        TypeError,
        "unhashable type: 'list'",
        "asyncio.gather takes the awaitables one by one, not a list of them: unpack it, `asyncio.gather(*tasks)`.",
        raised_in=os.path.join("asyncio", "tasks.py"),  # gather, keeping track of what it was given
    ),
    Mistake(
        TypeError,
        "can't be used in 'await' expression",
        "Only awaitables (coroutines, tasks, futures) go after `await`: `await f(x)` on a plain function runs f "
        "right there, blocking the loop, then fails on its result (`await time.sleep(x)` fails on None). Pause with "
        "`await asyncio.sleep(x)`; run a blocking function elsewhere with `await loop.run_in_executor(None, f, x)`.",
    ),
    Mistake(
        TypeError,
        "object is not callable",
        "run_in_executor and asyncio.to_thread take the function and its arguments apart:"
        " `loop.run_in_executor(None, f, x)`, `asyncio.to_thread(f, x)`. Writing f(x) there calls f right away, in"
        " the loop's thread, and hands the executor its result, which it cannot call.",
        raised_in=os.path.join("concurrent", "futures", "thread.py"),  # an executor's thread called it
    ),
    *(
        Mistake(
            Exception,  # AttributeError up to 3.13, pickle.PicklingError from 3.14
            says,
            "A process pool sends the function to its worker process by pickling it, which finds a function by its"
            " name in its module: a lambda or a function defined inside another has none there. Pass a function"
            " defined at the module's top level and its argument apart, `loop.run_in_executor(pool, work, n)` (or"
            " `functools.partial(work, n)`).",
        )
        for says in ("Can't pickle local object", "Can't get local object", "Can't pickle <function <lambda>")
    ),
    Mistake(
        TypeError,
        "run_in_executor() got an unexpected keyword argument",
        "run_in_executor passes positional arguments only: bind the keywords with functools.partial,"
        " `loop.run_in_executor(None, functools.partial(requests.get, url, timeout=10))`, or hand over a function"
        " that sets them itself, `loop.run_in_executor(None, get_status, url)`.",
    ),
    Mistake(
        ValueError,
        "max_workers must be greater than 0",
        "A pool needs at least one worker, and max_workers=len(...) of an empty list is 0: return [] before making"
        " the pool when the list is empty, or keep the pool's default size.",
    ),
    Mistake(
        TypeError,
        "cannot pickle '_thread.",
        "A process pool pickles the function and the arguments it sends to a worker process, and something handed"
        " over holds a lock, which cannot be pickled: a pool's own method (`run_in_executor(pool, pool.map, ...)`"
        " sends the pool itself), a lock, a session. Hand the pool the work and one argument per call:"
        " `await asyncio.gather(*(loop.run_in_executor(pool, work, n) for n in ns))`.",
    ),
    Mistake(
        TypeError,
        "cannot pickle 'coroutine' object",
        "The function handed to the pool is an `async def`: in the worker process, calling it only makes a"
        " coroutine object, which cannot be sent back. A process pool runs plain functions: hand it a `def` that"
        " does the work itself, `loop.run_in_executor(pool, work, n)`, and await the future that returns.",
    ),
    Mistake(
        RuntimeError,
        "the grader does not run a multiprocessing.Pool",  # exercise 05's fake server refuses one (fake_requests)
        "multiprocessing.Pool is not an executor that run_in_executor takes (the lesson's process pool executor is"
        " concurrent.futures.ProcessPoolExecutor), and a thread is all a request needs: hand get_status itself to"
        " the loop's executor, `await loop.run_in_executor(None, get_status, url)`.",
    ),
    Mistake(
        AttributeError,
        "'ClientResponse' object has no attribute 'status_code'",
        "aiohttp's response calls its status code `status`; `status_code` is the name requests uses:"
        " `return response.status`.",
    ),
    Mistake(
        TypeError,
        "Use async with instead",
        "aiohttp's ClientSession is an asynchronous context manager: write `async with aiohttp.ClientSession() as"
        " session:`, inside a coroutine; leaving the block closes the session.",
        raised_in=os.path.join("aiohttp", "client.py"),  # ClientSession.__enter__, for a plain `with`
    ),
    Mistake(
        ValueError,  # requests' InvalidSchema is one
        'No connection adapters were found for "[',
        "requests was handed a list holding the URL, not the URL itself, and took the list's text for an address."
        " The arguments after the function in run_in_executor are the function's own, one by one: pass the URL as"
        " it is, `loop.run_in_executor(None, get_status, url)`, with no brackets around it.",
    ),
    Mistake(
        AttributeError,
        "object has no attribute 'submit'",
        "run_in_executor takes the executor first, then the function and its arguments:"
        " `loop.run_in_executor(pool, work, n)`, or `loop.run_in_executor(None, func, arg)` for the loop's own"
        " thread pool. Handed the function first, the loop took it for the executor.",
        raised_in=os.path.join("asyncio", "base_events.py"),  # run_in_executor, calling executor.submit(...)
    ),
)
