# fails: returns_status_codes, runs_in_executor, fetch_status_raises_connection_errors, fetch_all_propagates_errors, fetch_all_keeps_order, fetch_all_concurrent
"""The lesson's "process pool executor" read as multiprocessing's own Pool, its apply handed to the default executor:
the requests would go out from worker processes, where no executor of asyncio's runs them."""
import asyncio
import multiprocessing

import requests


def get_status(url: str) -> int:
    """Given: the status code of `url`, with a blocking `requests` call."""
    return requests.get(url, timeout=10).status_code


_pool = None


async def fetch_status(url: str) -> int:
    loop = asyncio.get_running_loop()
    if _pool is None:
        with multiprocessing.Pool(1) as pool:
            return await loop.run_in_executor(None, pool.apply, get_status, (url,))
    return await loop.run_in_executor(None, _pool.apply, get_status, (url,))


async def fetch_all(urls: list[str]) -> list[int]:
    global _pool
    with multiprocessing.Pool(max(1, len(urls))) as _pool:
        try:
            return await asyncio.gather(*(fetch_status(u) for u in urls))
        finally:
            _pool = None
