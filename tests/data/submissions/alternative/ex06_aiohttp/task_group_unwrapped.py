# requires: python>=3.11
"""Exercise 06: a TaskGroup inside the session's block; the ExceptionGroup is unwrapped to the first error."""

import asyncio

import aiohttp


async def fetch_status(session: aiohttp.ClientSession, url: str) -> int:
    async with session.get(url) as response:
        return response.status


async def fetch_all(urls: list[str]) -> list[int]:
    async with aiohttp.ClientSession() as session:
        try:
            async with asyncio.TaskGroup() as tg:
                tasks = [tg.create_task(fetch_status(session, u)) for u in urls]
        except ExceptionGroup as eg:
            raise eg.exceptions[0] from None
    return [t.result() for t in tasks]
