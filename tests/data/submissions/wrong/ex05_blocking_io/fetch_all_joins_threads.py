# fails: fetch_all_concurrent
"""fetch_all starts a thread per URL and join()s them in the coroutine: concurrent, but the loop is frozen meanwhile."""

import asyncio
import threading

import requests


def get_status(url: str) -> int:
    return requests.get(url, timeout=10).status_code


async def fetch_status(url: str) -> int:
    return await asyncio.get_running_loop().run_in_executor(None, get_status, url)


async def fetch_all(urls: list[str]) -> list[int]:
    results: list = [None] * len(urls)

    def fetch(i: int, url: str) -> None:
        try:
            results[i] = get_status(url)
        except Exception as error:
            results[i] = error

    threads = [threading.Thread(target=fetch, args=(i, url)) for i, url in enumerate(urls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for result in results:
        if isinstance(result, Exception):
            raise result
    return results
