# fails: returns_status_codes
"""Keeps each URL's status in a dict at module level "to save requests": a second call answers from it, without asking
the server again."""

import asyncio

import aiohttp

_seen = {}


async def fetch_status(session: aiohttp.ClientSession, url: str) -> int:
    if url not in _seen:
        async with session.get(url) as response:
            _seen[url] = response.status
    return _seen[url]


async def fetch_all(urls: list[str]) -> list[int]:
    async with aiohttp.ClientSession() as session:
        return list(await asyncio.gather(*(fetch_status(session, u) for u in urls)))
