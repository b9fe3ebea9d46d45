"""Exercise 06: an async generator of statuses, closed by contextlib.aclosing, inside the session's block."""

import asyncio
from collections.abc import AsyncIterator
from contextlib import aclosing

import aiohttp


async def fetch_status(session: aiohttp.ClientSession, url: str) -> int:
    async with session.get(url) as response:
        return response.status


async def _statuses(session: aiohttp.ClientSession, urls: list[str]) -> AsyncIterator[int]:
    tasks = [asyncio.ensure_future(fetch_status(session, url)) for url in urls]
    try:
        for task in tasks:
            yield await task
    finally:
        for task in tasks:
            task.cancel()


async def fetch_all(urls: list[str]) -> list[int]:
    async with aiohttp.ClientSession() as session:
        async with aclosing(_statuses(session, urls)) as statuses:
            return [status async for status in statuses]
