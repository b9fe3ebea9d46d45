"""Exercise 06: as_completed over coroutines that return (index, status), each status stored at its index."""

import asyncio

import aiohttp


async def fetch_status(session: aiohttp.ClientSession, url: str) -> int:
    async with session.get(url, allow_redirects=True) as resp:
        return resp.status


async def fetch_all(urls: list[str]) -> list[int]:
    async def numbered(i, session, url):
        return i, await fetch_status(session, url)

    results = [None] * len(urls)
    async with aiohttp.ClientSession() as session:
        for next_one in asyncio.as_completed([numbered(i, session, u) for i, u in enumerate(urls)]):
            i, status = await next_one
            results[i] = status
    return results
