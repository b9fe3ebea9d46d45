# requires: python>=3.11
"""Exercise 06, solved a third way: `async with ClientSession()` and a TaskGroup."""

import asyncio

import aiohttp


async def fetch_status(session: aiohttp.ClientSession, url: str) -> int:
    async with session.get(url) as response:
        return response.status


async def fetch_all(urls: list[str]) -> list[int]:
    async with aiohttp.ClientSession() as session, asyncio.TaskGroup() as group:
        tasks = [group.create_task(fetch_status(session, url)) for url in urls]
    return [task.result() for task in tasks]
