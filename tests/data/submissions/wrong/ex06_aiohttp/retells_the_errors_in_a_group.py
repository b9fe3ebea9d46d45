# fails: fetch_all_propagates_errors
# requires: python>=3.11
"""gather(..., return_exceptions=True), then an ExceptionGroup of new RuntimeErrors that repeat each error's words:
aiohttp's own exception never comes out."""

import asyncio
import aiohttp


async def fetch_status(session: aiohttp.ClientSession, url: str) -> int:
    async with session.get(url) as response:
        return response.status


async def fetch_all(urls: list[str]) -> list[int]:
    async with aiohttp.ClientSession() as session:
        results = await asyncio.gather(*(fetch_status(session, u) for u in urls), return_exceptions=True)
    errors = [RuntimeError(f"{u}: {r}") for u, r in zip(urls, results) if isinstance(r, Exception)]
    if errors:
        raise ExceptionGroup("fetch_all failed", errors)
    return results
