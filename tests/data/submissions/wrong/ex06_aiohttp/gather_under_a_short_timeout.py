# fails: fetch_all_concurrent
"""Gathers the fetches under asyncio.wait_for(..., timeout=2): a server slower than that makes fetch_all raise
TimeoutError instead of returning the statuses."""

import asyncio
import aiohttp

async def fetch_status(session, url):
    async with session.get(url) as r:
        return r.status

async def fetch_all(urls):
    async with aiohttp.ClientSession() as session:
        return await asyncio.wait_for(asyncio.gather(*(fetch_status(session, u) for u in urls)), timeout=2)
