# fails: returns_status_codes, fetch_all_propagates_errors, fetch_all_keeps_order, fetch_all_concurrent, uses_one_session, closes_the_session
"""response.status_code, requests' name: aiohttp's response calls it status."""

import asyncio

import aiohttp


async def fetch_status(session: aiohttp.ClientSession, url: str) -> int:
    async with session.get(url) as response:
        return response.status_code


async def fetch_all(urls: list[str]) -> list[int]:
    async with aiohttp.ClientSession() as session:
        return await asyncio.gather(*(fetch_status(session, u) for u in urls))
