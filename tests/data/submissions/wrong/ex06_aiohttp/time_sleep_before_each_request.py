# fails: fetch_all_concurrent
"""time.sleep(0.1) before each request, "to be polite to the server": the requests are all in flight at once, but
the loop is blocked for half a second, with every other coroutine on it."""
import asyncio
import time

import aiohttp


async def fetch_status(session: aiohttp.ClientSession, url: str) -> int:
    time.sleep(0.1)  # be polite to the server
    async with session.get(url) as response:
        return response.status


async def fetch_all(urls: list[str]) -> list[int]:
    async with aiohttp.ClientSession() as session:
        return await asyncio.gather(*(fetch_status(session, u) for u in urls))
