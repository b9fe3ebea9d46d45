"""Exercise 09, written another way: asyncio.run(debug=True), the threshold set from inside, the message parsed."""

import asyncio
import logging
import re

TOOK = re.compile(r"^Executing .* took (?P<seconds>\d+\.\d+) seconds$", re.DOTALL)


class _Durations(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.found: list[float] = []

    def emit(self, record: logging.LogRecord) -> None:
        match = TOOK.match(record.getMessage())
        if match:
            self.found.append(float(match["seconds"]))


async def _with_threshold(main, threshold: float):
    asyncio.get_running_loop().slow_callback_duration = threshold
    return await main()


def slow_callbacks(main, threshold: float = 0.1) -> list[float]:
    logger = logging.getLogger("asyncio")
    durations = _Durations()
    logger.addHandler(durations)
    try:
        asyncio.run(_with_threshold(main, threshold), debug=True)
    finally:
        logger.removeHandler(durations)
    return durations.found
