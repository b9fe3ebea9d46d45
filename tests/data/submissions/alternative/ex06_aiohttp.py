"""Exercise 06, solved another way: a session closed in `finally`, tasks awaited with asyncio.wait."""

import asyncio

from aiohttp import ClientSession


async def fetch_status(session: ClientSession, url: str) -> int:
    response = await session.get(url)
    try:
        return response.status
    finally:
        response.release()


async def fetch_all(urls: list[str]) -> list[int]:
    if not urls:
        return []
    session = ClientSession()
    try:
        tasks = [asyncio.create_task(fetch_status(session, url)) for url in urls]
        done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
        for task in pending:
            task.cancel()
        for task in done:
            if task.exception() is not None:
                raise task.exception()
        return [task.result() for task in tasks]
    finally:
        await session.close()
