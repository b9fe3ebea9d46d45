# fails: reports_blocking_step, honours_threshold
"""Sorts the durations, slowest first, instead of keeping the order debug mode reported them in."""

import asyncio
import logging


class SlowSteps(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.durations: list[float] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.msg.startswith("Executing"):
            self.durations.append(record.args[-1])


def slow_callbacks(main, threshold: float = 0.1) -> list[float]:
    logger = logging.getLogger("asyncio")
    handler = SlowSteps()
    logger.addHandler(handler)
    loop = asyncio.new_event_loop()
    try:
        loop.set_debug(True)
        loop.slow_callback_duration = threshold
        loop.run_until_complete(main())
    finally:
        loop.close()
        logger.removeHandler(handler)
    return sorted(handler.durations, reverse=True)  # the worst offender first
