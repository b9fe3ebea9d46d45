# fails: fetch_all_keeps_order
"""Waits with asyncio.wait and reads the results from its done set, whose order is arbitrary, not the order of urls."""
import asyncio

import aiohttp


async def fetch_status(session: aiohttp.ClientSession, url: str) -> int:
    async with session.get(url) as response:
        return response.status


async def fetch_all(urls: list[str]) -> list[int]:
    if not urls:
        return []
    async with aiohttp.ClientSession() as session:
        tasks = [asyncio.create_task(fetch_status(session, url)) for url in urls]
        done, _ = await asyncio.wait(tasks)
        return [task.result() for task in done]
