"""Right, written another way: session.request('GET', ...) awaited and released by hand, tasks from
ensure_future, asyncio.wait(FIRST_EXCEPTION), and the session closed in a finally."""

import asyncio

import aiohttp


async def fetch_status(session: aiohttp.ClientSession, url: str) -> int:
    response = await session.request("GET", url)
    try:
        return response.status
    finally:
        response.release()


async def fetch_all(urls: list[str]) -> list[int]:
    session = aiohttp.ClientSession()
    try:
        if not urls:
            return []
        tasks = [asyncio.ensure_future(fetch_status(session, url)) for url in urls]
        done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
        for task in pending:
            task.cancel()
        return [task.result() for task in tasks]
    finally:
        await session.close()
