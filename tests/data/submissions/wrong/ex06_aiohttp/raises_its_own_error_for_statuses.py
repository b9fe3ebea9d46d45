# fails: fetch_all_keeps_order
"""fetch_all collects every status, then raises an aiohttp.ClientError of its own when some are 404 or 500: those
are answers, to return."""

import asyncio
import aiohttp


async def fetch_status(session: aiohttp.ClientSession, url: str) -> int:
    async with session.get(url) as response:
        return response.status


async def fetch_all(urls: list[str]) -> list[int]:
    async with aiohttp.ClientSession() as session:
        statuses = list(await asyncio.gather(*(fetch_status(session, u) for u in urls)))
    bad = [s for s in statuses if s >= 400]
    if bad:
        raise aiohttp.ClientError(f"{len(bad)} request(s) failed: {bad}")
    return statuses
