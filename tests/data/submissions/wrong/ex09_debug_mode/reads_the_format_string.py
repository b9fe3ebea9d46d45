# fails: reports_blocking_step, honours_threshold
"""float() of a word of record.msg, the format string: '%.3f' is no number."""

import asyncio
import logging


class Collector(logging.Handler):
    def __init__(self):
        super().__init__()
        self.durations = []

    def emit(self, record):
        # "Executing <Task ...> took 0.301 seconds"
        if "took" in record.msg:
            self.durations.append(float(record.msg.split()[-2]))


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
