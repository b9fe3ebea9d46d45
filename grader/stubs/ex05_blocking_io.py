"""Exercise 05: blocking I/O belongs in an executor.

`requests` is a blocking library: `requests.get(url)` holds the thread that calls it until the answer arrives.
Calling it from a coroutine, as the lesson does,

    async def get_example_status() -> int:
        return requests.get("http://baidu.com").status_code

blocks the event loop's thread for the whole request. Three such tasks created together still run one after
the other, and the three requests take three times as long as one: while one waits for its answer, the loop
can run nothing else. A coroutine only makes I/O concurrent when what it awaits is itself non-blocking.

When a library only offers blocking calls, run them somewhere else and await the result: the running loop's
`run_in_executor(None, func, arg)` runs `func(arg)` in a thread of the loop's default executor and returns an
awaitable. The loop's thread stays free, and several requests wait on the network at the same time.
(The section's last line hands `requests` to a process pool executor: `concurrent.futures.ProcessPoolExecutor`,
given to `run_in_executor` in place of `None`, is an executor too, and passes (`multiprocessing.Pool` is none, and
fails), but threads are the tool for waiting. A process pool is for CPU-bound work, exercise 04: its workers take
time to start, and each holds a whole interpreter only to wait for a server.)

Write:

- `fetch_status(url)`: the status code of `url`, got with the blocking `get_status(url)` (given below) run in
  an executor, so that the event loop is never blocked. A 404 or a 500 is returned as a number, not raised; a
  connection error propagates as the `requests` exception.
- `fetch_all(urls)`: every status, fetched concurrently, in the order of `urls`: five URLs that each take
  0.3 s take about 0.3 s together, not 1.5 s. If a fetch raises, `fetch_all` raises that exception (an
  `ExceptionGroup` holding it is fine too, as a `TaskGroup` gives).

Keep `get_status` as it is: the grader calls it too.

Run `grader check 05` (or `.venv/bin/grader check 05`) to grade your work, and `grader hint 05` when stuck.
"""

import asyncio  # noqa: F401  (you will need it)

import requests


def get_status(url: str) -> int:
    """Given: the status code of `url`, with a blocking `requests` call."""
    return requests.get(url, timeout=10).status_code


async def fetch_status(url: str) -> int:
    # TODO: run get_status(url) in the loop's default executor (loop.run_in_executor) and await its result.
    raise NotImplementedError("await loop.run_in_executor(None, get_status, url): lesson, 'Running blocking APIs'")


async def fetch_all(urls: list[str]) -> list[int]:
    # TODO: start fetch_status for every url, then await them all together, keeping the order of urls.
    raise NotImplementedError("fetch every url concurrently with asyncio.gather: lesson, 'Running blocking APIs'")
