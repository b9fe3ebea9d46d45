"""Exercise 04: CPU-bound work belongs in processes.

Wrapping a computation in `async def` does not make it concurrent. In the lesson, two tasks each count to a
hundred million:

    async def cpu_bound_work() -> int:
        counter = 0
        for _ in range(100_000_000):
            counter += 1
        return counter

    task_one = asyncio.create_task(cpu_bound_work())
    task_two = asyncio.create_task(cpu_bound_work())

They run one after the other (about 2.7 s each), and while either one counts, the event loop runs nothing
else: a `delay(4)` task scheduled alongside only starts sleeping once both are done, so the program takes
2.7 + 2.7 + 4 s instead of 4. A coroutine gives up the loop only at an `await`, and a counting loop has none.
Threads do not help either: they share the GIL, so only one of them computes at a time (in CPython's usual build).

The fix is to hand the work to other *processes*, each with its own interpreter and GIL, and to await the
answers: the running loop's `run_in_executor(pool, func, arg)` submits `func(arg)` to a
`concurrent.futures.ProcessPoolExecutor` and returns an awaitable that completes with the result.

Write `run_cpu_bound(ns, work=cpu_bound_work)`:

- it runs `work(n)` for every `n` in `ns` in the worker processes of a `ProcessPoolExecutor`, through the
  running loop's `run_in_executor`, all submitted before you await any of them, so that they run in
  parallel (the pool's default number of workers is fine);
- it returns the results in the order of `ns` (`[]` for `[]`), and the event loop keeps running other
  coroutines meanwhile;
- the pool is shut down before `run_cpu_bound` returns, and also when it raises: no worker process is left
  behind (`with ProcessPoolExecutor() as pool:` does that for you);
- if a call of `work` raises, `run_cpu_bound` raises that exception (the copy the worker process sends back:
  same type, same message); `asyncio.gather` lets it through, a `TaskGroup` would wrap it in an `ExceptionGroup`.

`work` is any function of one argument that can be sent to another process (a module-level function, not a
lambda). Keep `cpu_bound_work` as it is: it is the default work, and the grader calls it too. To try your code,
call it under `if __name__ == "__main__":`: a worker process may import this file again, and so does the grader.

Run `grader check 04` (or `.venv/bin/grader check 04`) to grade your work, and `grader hint 04` when stuck.
"""

import asyncio  # noqa: F401  (you will need it)
from concurrent.futures import ProcessPoolExecutor  # noqa: F401


def cpu_bound_work(n: int) -> int:
    """Given: count from 0 to `n` in a Python loop, as the lesson's CPU-bound example does."""
    counter = 0
    for _ in range(n):
        counter += 1
    return counter


async def run_cpu_bound(ns: list[int], work=cpu_bound_work) -> list:
    # TODO: in a ProcessPoolExecutor, run work(n) for every n with loop.run_in_executor, all at once; gather the
    #       results in the order of ns; shut the pool down before returning (a `with` block does it).
    raise NotImplementedError(
        "run work(n) in a ProcessPoolExecutor with run_in_executor: lesson, 'Running CPU-bound code'"
    )
