# fails: fetch_all_propagates_errors, fetch_all_keeps_order
"""Waits for every task with asyncio.wait, then keeps the results of those that did not fail: a URL whose request
failed is left out of the list instead of making fetch_all raise."""

import asyncio

import aiohttp


async def fetch_status(session: aiohttp.ClientSession, url: str) -> int:
    async with session.get(url) as response:
        return response.status


async def fetch_all(urls: list[str]) -> list[int]:
    async with aiohttp.ClientSession() as session:
        tasks = [asyncio.create_task(fetch_status(session, url)) for url in urls]
        await asyncio.wait(tasks)
    return [task.result() for task in tasks if task.exception() is None]
