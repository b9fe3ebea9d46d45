# fails: fetch_all_concurrent
"""A 'polite' fetch_all: each request starts 0.2 s after the previous one, so five slow requests take 0.8 s more
than one. A server that holds the first ones until all five have arrived sees them all in flight at once in the
end."""

import asyncio

import aiohttp


async def fetch_status(session: aiohttp.ClientSession, url: str) -> int:
    async with session.get(url) as response:
        return response.status


async def fetch_all(urls: list[str]) -> list[int]:
    async with aiohttp.ClientSession() as session:
        tasks = []
        for url in urls:
            if tasks:
                await asyncio.sleep(0.2)
            tasks.append(asyncio.create_task(fetch_status(session, url)))
        return list(await asyncio.gather(*tasks))
