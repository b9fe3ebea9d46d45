# fails: fetch_all_propagates_errors, fetch_all_keeps_order, fetch_all_concurrent, uses_one_session, closes_the_session
"""fetch_all calls fetch_status(url, session): the arguments in the wrong order, so fetch_status asks the URL for get()."""

import asyncio

import aiohttp


async def fetch_status(session, url):
    async with session.get(url) as response:
        return response.status


async def fetch_all(urls):
    async with aiohttp.ClientSession() as session:
        return list(await asyncio.gather(*(fetch_status(url, session) for url in urls)))
