# fails: fetch_all_concurrent
"""Waits for the tasks with asyncio.wait(tasks, timeout=1.5), "plenty for any server", then reads every result: a
server slower than that leaves them unset (InvalidStateError)."""

import asyncio
import aiohttp

async def fetch_status(session, url):
    async with session.get(url) as r:
        return r.status

async def fetch_all(urls):
    if not urls:
        return []
    async with aiohttp.ClientSession() as session:
        tasks = [asyncio.create_task(fetch_status(session, u)) for u in urls]
        await asyncio.wait(tasks, timeout=1.5)  # a second and a half is plenty for any server
        return [t.result() for t in tasks]
