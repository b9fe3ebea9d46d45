# requires: python>=3.13
"""Exercise 06, written another way: `async for` over as_completed (3.13), which yields the tasks themselves, each
result put back at its own index. On an older Python, the failure says which Python it needs."""
import asyncio

import aiohttp


async def fetch_status(session: aiohttp.ClientSession, url: str) -> int:
    async with session.get(url) as response:
        return response.status


async def fetch_all(urls: list[str]) -> list[int]:
    """3.13: `async for` over as_completed yields the tasks themselves."""
    async with aiohttp.ClientSession() as session:
        tasks = {asyncio.create_task(fetch_status(session, url)): i for i, url in enumerate(urls)}
        statuses = [0] * len(urls)
        try:
            async for task in asyncio.as_completed(tasks):
                statuses[tasks[task]] = task.result()
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
        return statuses
