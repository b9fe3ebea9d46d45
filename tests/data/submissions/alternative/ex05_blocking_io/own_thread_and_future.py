"""Exercise 05, written another way: a thread of its own per request, handing the outcome back to the loop with
call_soon_threadsafe; no executor at all."""

import asyncio
import threading

import requests


def get_status(url: str) -> int:
    """Given: the status code of `url`, with a blocking `requests` call."""
    return requests.get(url, timeout=10).status_code


async def fetch_status(url: str) -> int:
    loop = asyncio.get_running_loop()
    future = loop.create_future()

    def work() -> None:
        try:
            status = get_status(url)
        except BaseException as error:  # noqa: BLE001
            loop.call_soon_threadsafe(future.set_exception, error)
        else:
            loop.call_soon_threadsafe(future.set_result, status)

    threading.Thread(target=work, daemon=True).start()
    return await future


async def fetch_all(urls: list[str]) -> list[int]:
    return [*await asyncio.gather(*(fetch_status(u) for u in urls))]
