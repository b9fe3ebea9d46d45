# fails: returns_status_codes, fetch_status_raises_connection_errors, fetch_all_propagates_errors, fetch_all_keeps_order, fetch_all_concurrent, uses_one_session, closes_the_session
"""Opens the request with a plain `with`: session.get(...) is an asynchronous context manager, which `with` refuses."""

import asyncio

import aiohttp


async def fetch_status(session: aiohttp.ClientSession, url: str) -> int:
    with session.get(url) as response:
        return response.status


async def fetch_all(urls: list[str]) -> list[int]:
    async with aiohttp.ClientSession() as session:
        return list(await asyncio.gather(*(fetch_status(session, url) for url in urls)))
