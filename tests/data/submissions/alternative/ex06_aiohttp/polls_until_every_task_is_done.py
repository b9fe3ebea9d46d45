"""Polls its tasks every tenth of a second until all are done: a wait for the requests, only slow. The check's server
holds its answers for a round of the student's timers, one only, so a poll is not held until the time limit."""

import asyncio
import aiohttp

async def fetch_status(session, url):
    async with session.get(url) as r:
        return r.status

async def fetch_all(urls):
    async with aiohttp.ClientSession() as session:
        tasks = [asyncio.create_task(fetch_status(session, u)) for u in urls]
        while not all(t.done() for t in tasks):
            await asyncio.sleep(0.1)
        return [t.result() for t in tasks]
