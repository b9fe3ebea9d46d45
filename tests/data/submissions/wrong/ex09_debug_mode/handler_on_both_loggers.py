# fails: reports_blocking_step, honours_threshold
"""Attaches its handler to the asyncio logger and to the root logger "to be sure": every warning reaches it twice."""

import asyncio
import logging

SLOW_STEP = "Executing %s took %.3f seconds"


class Collector(logging.Handler):
    def __init__(self):
        super().__init__()
        self.durations = []

    def emit(self, record):
        if record.msg == SLOW_STEP:
            self.durations.append(float(record.args[-1]))


def slow_callbacks(main, threshold: float = 0.1) -> list[float]:
    logger = logging.getLogger("asyncio")
    collector = Collector()
    logger.addHandler(collector)
    logging.getLogger().addHandler(collector)
    loop = asyncio.new_event_loop()
    try:
        loop.set_debug(True)
        loop.slow_callback_duration = threshold
        loop.run_until_complete(main())
    finally:
        loop.close()
        logger.removeHandler(collector)
        logging.getLogger().removeHandler(collector)
    return collector.durations
