# fails: reports_blocking_step
"""Turns debug mode on from inside, in a coroutine that then awaits main(): main()'s first step runs with debug
mode still off, since the loop decides whether to time a step before it runs it."""

import asyncio
import logging


class _Durations(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[float] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.msg == "Executing %s took %.3f seconds":
            self.found.append(record.args[-1])


async def _in_debug_mode(main, threshold):
    loop = asyncio.get_running_loop()
    loop.set_debug(True)
    loop.slow_callback_duration = threshold
    return await main()


def slow_callbacks(main, threshold: float = 0.1) -> list[float]:
    handler = _Durations()
    logger = logging.getLogger("asyncio")
    logger.addHandler(handler)
    try:
        asyncio.run(_in_debug_mode(main, threshold))
    finally:
        logger.removeHandler(handler)
    return handler.found
