# fails: runs_main_in_debug_mode, honours_threshold
"""asyncio.run(main(), debug=True): debug mode, but no way left to set the threshold on its loop."""

import asyncio
import logging

SLOW = "Executing %s took %.3f seconds"


class Collector(logging.Handler):
    def __init__(self):
        super().__init__()
        self.durations = []

    def emit(self, record):
        if record.msg == SLOW:
            self.durations.append(record.args[-1])


def slow_callbacks(main, threshold: float = 0.1) -> list[float]:
    logger = logging.getLogger("asyncio")
    collector = Collector()
    logger.addHandler(collector)
    try:
        asyncio.run(main(), debug=True)
    finally:
        logger.removeHandler(collector)
    return collector.durations
