"""Exercise 06: a non-blocking HTTP client.

The lesson's way out of the blocking-`requests` pitfall is a client whose calls are coroutines: aiohttp talks
to the network through non-blocking sockets, so `await session.get(url)` hands the loop back while the answer
is on its way, and many requests wait at the same time in one thread, with no executor at all.

    async with aiohttp.ClientSession() as session:        # one session: it keeps a pool of connections
        async with session.get(url) as response:           # the request, awaited
            print(response.status)                         # 200, 404, ...

A session is meant to be shared by every request of a program and closed once at the end (the `async with`
block does it); a session per request throws its connection pool away each time, and a session left open
leaks its connections and makes aiohttp warn "Unclosed client session".

Write:

- `fetch_status(session, url)`: GET `url` with `session` and return its status code; a 404 or a 500 is
  returned, not raised.
- `fetch_all(urls)`: open one `aiohttp.ClientSession` for all the URLs, fetch them concurrently, close the
  session before returning, and return the statuses in the order of `urls`. If a fetch raises (a connection
  error, say), `fetch_all` raises that exception (an `ExceptionGroup` holding it is fine too).

No `requests` and no threads here: the point is a client whose calls are coroutines.

Run `grader check 06` (or `.venv/bin/grader check 06`) to grade your work, and `grader hint 06` when stuck.
"""

import asyncio  # noqa: F401  (you will need it)

import aiohttp


async def fetch_status(session: aiohttp.ClientSession, url: str) -> int:
    # TODO: `async with session.get(url) as response:` and return its status.
    raise NotImplementedError("async with session.get(url) as response: the docstring of this file shows it")


async def fetch_all(urls: list[str]) -> list[int]:
    # TODO: one `async with aiohttp.ClientSession() as session:`, then fetch every url concurrently, in order.
    raise NotImplementedError("one ClientSession, then asyncio.gather of fetch_status: see this file's docstring")
