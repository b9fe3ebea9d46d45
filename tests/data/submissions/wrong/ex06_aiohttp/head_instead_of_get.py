# fails: returns_status_codes, fetch_all_keeps_order, fetch_all_concurrent, uses_one_session, closes_the_session
"""Sends HEAD requests, since only the status is wanted: the exercise asks for a GET, and the checks answer only those."""

import asyncio

import aiohttp


async def fetch_status(session: aiohttp.ClientSession, url: str) -> int:
    async with session.head(url) as response:
        return response.status


async def fetch_all(urls: list[str]) -> list[int]:
    async with aiohttp.ClientSession() as session:
        return list(await asyncio.gather(*(fetch_status(session, url) for url in urls)))
