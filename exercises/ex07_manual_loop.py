"""Exercise 07: managing the event loop by hand.

`asyncio.run(main())` makes an event loop, runs `main()` on it, cancels whatever tasks are still pending when
`main()` returns, and closes the loop. Usually that is exactly right. When it is not (you want the leftover tasks
to finish instead of being cancelled, say), you can do the same steps yourself:

    loop = asyncio.new_event_loop()          # a brand-new loop, all its low-level methods at hand
    try:
        loop.run_until_complete(main())      # run one coroutine until it is done, and get its result
    finally:
        loop.close()                         # always: release the loop's resources, even after an exception

The `finally` block matters: without it, an exception in `main()` leaves the loop open. It is also the place for
any cleanup of your own. Unlike `asyncio.run`, this code cancels nothing, but it does not wait for anything
either: `run_until_complete` returns as soon as `main()` is done, tasks still pending simply stop where they are,
and closing the loop abandons them (asyncio logs "Task was destroyed but it is pending!" as each is collected).
Letting them finish is up to you.

Build two functions this way (neither may call `asyncio.run` or use `asyncio.Runner`: the point is to do it
yourself):

- `run_manually(coro)`: runs the coroutine object `coro` on a new loop made with `asyncio.new_event_loop()` and
  `run_until_complete`, and returns its result. The loop is closed before the function returns or raises; if
  `coro` raises, that same exception comes out of `run_manually`.
- `run_until_all_done(coro)`: the same, but when `coro` is done it keeps the loop running until every task on it
  has finished, including tasks that those tasks start while you wait (`asyncio.all_tasks(loop)` lists the
  tasks of a loop that are not done yet). Then it shuts down async generators
  (`loop.run_until_complete(loop.shutdown_asyncgens())`), closes the loop and returns `coro`'s result. If `coro`
  raised, it still waits for the other tasks, closes the loop, and raises that exception. A background task that
  fails does not change the result: asyncio logs its exception, as usual.

You do not need to make your loop the current loop (`asyncio.set_event_loop`); if you do, set it back to `None`
before returning.

Run `grader check 07` (or `.venv/bin/grader check 07`) to grade your work, and `grader hint 07` when stuck.
"""

import asyncio  # noqa: F401 (you will need it)


def run_manually(coro):
    # TODO: new_event_loop(), run_until_complete(coro) and return its result, close the loop in a `finally`.
    raise NotImplementedError("run_until_complete, close in finally: lesson, 'Creating an event loop manually'")


def run_until_all_done(coro):
    # TODO: like run_manually, but wait for every pending task, then shut down async generators, then close.
    raise NotImplementedError("wait for every task before closing: lesson, 'Creating an event loop manually'")
