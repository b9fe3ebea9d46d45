# fails: returns_status_codes, fetch_status_raises_connection_errors, fetch_all_propagates_errors, fetch_all_keeps_order, fetch_all_concurrent, uses_one_session, closes_the_session
"""`session.get(url)` kept as if it were the response: the request is never sent, and it has no `.status`."""

import asyncio

import aiohttp


async def fetch_status(session: aiohttp.ClientSession, url: str) -> int:
    response = session.get(url)
    return response.status


async def fetch_all(urls: list[str]) -> list[int]:
    async with aiohttp.ClientSession() as session:
        return list(await asyncio.gather(*(fetch_status(session, url) for url in urls)))
