# fails: uses_one_session
"""Sends each request with `aiohttp.request(...)`, as its docs show: each call opens a ClientSession of its own."""

import asyncio

import aiohttp


async def fetch_status(session: aiohttp.ClientSession, url: str) -> int:
    async with session.get(url) as response:
        return response.status


async def _one(url):
    async with aiohttp.request("GET", url) as response:
        return response.status


async def fetch_all(urls: list[str]) -> list[int]:
    return list(await asyncio.gather(*(_one(url) for url in urls)))
