# fails: fetch_all_keeps_order, fetch_all_concurrent
"""fetch_all answers a dict of status by URL: the requests ran concurrently, but the contract asks for a list in the
order of urls."""

import asyncio

import aiohttp


async def fetch_status(session: aiohttp.ClientSession, url: str) -> int:
    async with session.get(url) as response:
        return response.status


async def fetch_all(urls: list[str]) -> dict[str, int]:
    async with aiohttp.ClientSession() as session:
        statuses = await asyncio.gather(*(fetch_status(session, url) for url in urls))
    return dict(zip(urls, statuses))
