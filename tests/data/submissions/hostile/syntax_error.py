import asyncio


def make_request(value, delay: float = 1.0) -> asyncio.Future
    return None
