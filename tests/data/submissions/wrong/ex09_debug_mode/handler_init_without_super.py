# fails: reports_blocking_step, honours_threshold
"""The handler class sets up its own list in `__init__` and forgets `super().__init__()`: the first record logged
asks it for the `level` that only logging.Handler.__init__ sets."""

import asyncio
import logging


class Collector(logging.Handler):
    def __init__(self):
        self.durations = []

    def emit(self, record):
        self.durations.append(record.args[1])


def slow_callbacks(main, threshold: float = 0.1) -> list[float]:
    logger = logging.getLogger("asyncio")
    handler = Collector()
    logger.addHandler(handler)
    loop = asyncio.new_event_loop()
    loop.set_debug(True)
    loop.slow_callback_duration = threshold
    try:
        loop.run_until_complete(main())
    finally:
        logger.removeHandler(handler)
        loop.close()
    return handler.durations
