# fails: reports_blocking_step, honours_threshold
"""Rounds each duration to the hundredth, "precise enough": 0.305 becomes 0.31 (a step of whole hundredths, 0.300,
would have passed, the sleep's overshoot being less than the tolerance)."""

import asyncio
import logging


class Collector(logging.Handler):
    def __init__(self):
        super().__init__()
        self.durations = []

    def emit(self, record):
        if record.msg.startswith("Executing"):
            self.durations.append(round(float(record.args[-1]), 2))  # hundredths are precise enough


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
