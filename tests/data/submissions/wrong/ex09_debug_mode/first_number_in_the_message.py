# fails: reports_blocking_step, honours_threshold
"""Reads the first number with a decimal point in the formatted message, not the duration: the step's repr comes
first, and in debug mode it names where the step was created, a path such as .../lib/python3.11/asyncio/..."""

import asyncio
import logging
import re


class Collector(logging.Handler):
    def __init__(self):
        super().__init__()
        self.durations = []

    def emit(self, record):
        text = record.getMessage()
        if text.startswith("Executing"):
            self.durations.append(float(re.search(r"\d+\.\d+", text).group()))


def slow_callbacks(main, threshold: float = 0.1) -> list[float]:
    logger = logging.getLogger("asyncio")
    collector = Collector()
    logger.addHandler(collector)
    loop = asyncio.new_event_loop()
    try:
        loop.set_debug(True)
        loop.slow_callback_duration = threshold
        loop.run_until_complete(main())
    finally:
        loop.close()
        logger.removeHandler(collector)
    return collector.durations
