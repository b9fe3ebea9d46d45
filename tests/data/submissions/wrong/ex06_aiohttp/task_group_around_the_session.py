# fails: fetch_all_propagates_errors, fetch_all_keeps_order, fetch_all_concurrent, uses_one_session, closes_the_session
"""`async with asyncio.TaskGroup() as group, aiohttp.ClientSession() as session:` ends the session first, before the tasks send their requests."""

import asyncio

import aiohttp


async def fetch_status(session, url):
    async with session.get(url) as response:
        return response.status


async def fetch_all(urls):
    async with asyncio.TaskGroup() as group, aiohttp.ClientSession() as session:
        tasks = [group.create_task(fetch_status(session, url)) for url in urls]
    return [task.result() for task in tasks]
