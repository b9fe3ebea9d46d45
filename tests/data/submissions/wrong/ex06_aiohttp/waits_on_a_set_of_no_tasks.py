# fails: fetch_all_keeps_order
"""asyncio.wait(set(tasks)) with no check for an empty urls: what it waits on is no plain name, so the fix names none."""

import asyncio

import aiohttp


async def fetch_status(session: aiohttp.ClientSession, url: str) -> int:
    async with session.get(url) as response:
        return response.status


async def fetch_all(urls: list[str]) -> list[int]:
    async with aiohttp.ClientSession() as session:
        tasks = [asyncio.create_task(fetch_status(session, u)) for u in urls]
        await asyncio.wait(set(tasks))
    return [t.result() for t in tasks]
