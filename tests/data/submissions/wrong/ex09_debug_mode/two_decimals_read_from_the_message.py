# fails: reports_blocking_step, honours_threshold
"""Reads the duration from the message with a pattern of two decimals, `took (\d+\.\d\d)`: 0.305 is cut to 0.30."""

import asyncio
import logging
import re

PATTERN = re.compile(r"took (\d+\.\d\d)")


class Collector(logging.Handler):
    def __init__(self):
        super().__init__()
        self.durations = []

    def emit(self, record):
        m = PATTERN.search(record.getMessage())
        if m:
            self.durations.append(float(m.group(1)))


def slow_callbacks(main, threshold: float = 0.1) -> list[float]:
    logger = logging.getLogger("asyncio")
    handler = Collector()
    logger.addHandler(handler)
    loop = asyncio.new_event_loop()
    try:
        loop.set_debug(True)
        loop.slow_callback_duration = threshold
        loop.run_until_complete(main())
    finally:
        loop.close()
        logger.removeHandler(handler)
    return handler.durations
