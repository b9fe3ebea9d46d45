"""Exercise 06, written another way: names imported from asyncio and aiohttp, a response awaited without `async
with` and closed by hand, tasks awaited in turn once all are started."""

from asyncio import create_task

from aiohttp import ClientSession


async def fetch_status(session: ClientSession, url: str) -> int:
    resp = await session.get(url)
    status = resp.status
    resp.close()
    return status


async def fetch_all(urls: list[str]) -> list[int]:
    async with ClientSession() as session:
        tasks = [create_task(fetch_status(session, url)) for url in urls]
        return [await t for t in tasks]
