# fails: fetch_all_keeps_order, fetch_all_concurrent
"""Returns a generator of the results, `(t.result() for t in tasks)`, not a list."""

import asyncio
import aiohttp

async def fetch_status(session, url):
    async with session.get(url) as r:
        return r.status

async def fetch_all(urls):
    async with aiohttp.ClientSession() as session:
        tasks = [asyncio.create_task(fetch_status(session, u)) for u in urls]
        await asyncio.gather(*tasks)
    return (t.result() for t in tasks)
