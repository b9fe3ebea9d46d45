"""Exercise 06, written another way: an AsyncExitStack holds the session, asyncio.wait the tasks, the body read
before the status is returned."""

import asyncio
import contextlib

import aiohttp


async def fetch_status(session: aiohttp.ClientSession, url: str) -> int:
    async with session.get(url, raise_for_status=False) as response:
        await response.read()
        return int(response.status)


async def fetch_all(urls: list[str]) -> list[int]:
    async with contextlib.AsyncExitStack() as stack:
        session = await stack.enter_async_context(aiohttp.ClientSession())
        tasks = [asyncio.ensure_future(fetch_status(session, u)) for u in urls]
        if not tasks:
            return []
        try:
            await asyncio.wait(tasks)
        finally:
            for t in tasks:
                t.cancel()
        return [t.result() for t in tasks]
