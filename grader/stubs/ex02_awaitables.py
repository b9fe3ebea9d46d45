"""Exercise 02: tasks, coroutines, futures and awaitables.

Everything you can put after `await` is an *awaitable*: its class defines the special method `__await__`
(the `collections.abc.Awaitable` abstract base class). The lesson draws the family tree:

- a *coroutine* is what calling an `async def` function gives you; the function itself is not awaitable,
  only the object its call returns;
- a *future* is a value that is not there yet (exercise 01);
- a *task* is a future that drives a coroutine: `asyncio.Task` extends `asyncio.Future`, so every task is also
  a future, but for this exercise a task is called a "task", never a "future".

    >>> async def fetch():
    ...     return 42
    >>> kind_of(fetch())                      # calling an async def gives a coroutine
    'coroutine'
    >>> kind_of(fetch)                        # the function itself is not awaitable
    'not awaitable'
    >>> kind_of(asyncio.create_task(fetch())) # inside a running loop
    'task'
    >>> kind_of(loop.create_future())
    'future'

Write `kind_of(obj)`, which names what `obj` is, as one of these strings:

- "task" for an `asyncio.Task`;
- "future" for any other asyncio future (`asyncio.isfuture(obj)` is true), e.g. `loop.create_future()` or what
  `asyncio.gather(...)` returns;
- "coroutine" for a coroutine object (`inspect.iscoroutine(obj)`);
- "awaitable" for any other object whose class defines `__await__`;
- "not awaitable" for everything else: an `async def` function itself, a plain generator, an async generator
  (`async def` with `yield`, which `async for` iterates), a `concurrent.futures.Future` (a thread pool's future,
  which `await` does not accept), a number, `None`.

Order matters: a task is also a future, so ask the most specific question first.

Run `grader check 02` (or `.venv/bin/grader check 02`) to grade your work, and `grader hint 02` when stuck.
"""

import asyncio  # noqa: F401  (you will need it)
import inspect  # noqa: F401  (and maybe this)


def kind_of(obj) -> str:
    # TODO: return "task", "future", "coroutine", "awaitable" or "not awaitable", most specific first.
    raise NotImplementedError(
        "a task is a future too, ask it first: lesson, 'The relationship between futures, tasks, and coroutines'"
    )
