# fails: closes_the_session
"""Hands session.close() to asyncio.create_task instead of awaiting it: the session is still open when fetch_all
returns, and closes only later, if the loop runs on."""

import asyncio

import aiohttp


async def fetch_status(session: aiohttp.ClientSession, url: str) -> int:
    async with session.get(url) as response:
        return response.status


async def fetch_all(urls: list[str]) -> list[int]:
    session = aiohttp.ClientSession()
    try:
        return list(await asyncio.gather(*(fetch_status(session, u) for u in urls)))
    finally:
        asyncio.create_task(session.close())  # close in the background, no need to wait
