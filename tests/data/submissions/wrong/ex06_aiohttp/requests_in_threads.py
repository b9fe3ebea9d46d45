# fails: returns_status_codes, fetch_status_raises_connection_errors, fetch_all_propagates_errors, fetch_all_keeps_order, fetch_all_concurrent, uses_one_session, closes_the_session
"""Falls back on requests in threads: not the non-blocking client the exercise is about."""

import asyncio

import aiohttp
import requests


async def fetch_status(session: aiohttp.ClientSession, url: str) -> int:
    return (await asyncio.to_thread(requests.get, url, timeout=10)).status_code


async def fetch_all(urls: list[str]) -> list[int]:
    return await asyncio.gather(*(fetch_status(None, url) for url in urls))
