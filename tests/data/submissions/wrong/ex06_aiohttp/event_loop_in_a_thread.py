# fails: fetch_all_concurrent
"""Runs the whole aiohttp part on a second event loop in a worker thread: the lesson's point is no threads."""

import asyncio

import aiohttp


async def fetch_status(session: aiohttp.ClientSession, url: str) -> int:
    async with session.get(url) as response:
        return response.status


async def _fetch_all(urls: list[str]) -> list[int]:
    async with aiohttp.ClientSession() as session:
        return list(await asyncio.gather(*(fetch_status(session, url) for url in urls)))


async def fetch_all(urls: list[str]) -> list[int]:
    return await asyncio.to_thread(asyncio.run, _fetch_all(urls))
