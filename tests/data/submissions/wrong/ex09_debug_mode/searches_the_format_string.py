# fails: reports_blocking_step, honours_threshold
"""Searches record.msg for the duration: the format string, 'Executing %s took %.3f seconds', which holds no number, so
the handler keeps nothing."""

import asyncio
import logging
import re

TOOK = re.compile(r"took (\d+\.\d+) seconds")


class Collector(logging.Handler):
    def __init__(self):
        super().__init__()
        self.durations = []

    def emit(self, record):
        match = TOOK.search(record.msg)
        if match:
            self.durations.append(float(match.group(1)))


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
