# fails: fetch_all_concurrent
"""Starts every fetch as a task, sleeps 1.5 s "to give the requests time to come back", then reads the results: a
server slower than that leaves them unset (InvalidStateError), and a fast one waits 1.5 s anyway."""

import asyncio
import aiohttp

async def fetch_status(session, url):
    async with session.get(url) as r:
        return r.status

async def fetch_all(urls):
    async with aiohttp.ClientSession() as session:
        tasks = [asyncio.create_task(fetch_status(session, u)) for u in urls]
        await asyncio.sleep(1.5)  # give the requests time to come back
        return [t.result() for t in tasks]
