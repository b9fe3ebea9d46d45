"""Given helper for the exercises: not graded, keep it as it is."""

import asyncio


async def delay(seconds: float) -> float:
    """Sleep without blocking the event loop, saying so before and after."""
    print(f"sleeping for {seconds} second(s)!")
    await asyncio.sleep(seconds)
    print(f"finished sleeping for {seconds} second(s)")
    return seconds
