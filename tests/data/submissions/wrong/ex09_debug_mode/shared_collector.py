# fails: reports_blocking_step
"""One handler at module level, its list cleared at each call: every call returns the same list, which the next call
empties and refills."""

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


_collector = Collector()


def slow_callbacks(main, threshold: float = 0.1) -> list[float]:
    logger = logging.getLogger("asyncio")
    _collector.durations.clear()
    logger.addHandler(_collector)
    loop = asyncio.new_event_loop()
    try:
        loop.set_debug(True)
        loop.slow_callback_duration = threshold
        loop.run_until_complete(main())
    finally:
        loop.close()
        logger.removeHandler(_collector)
    return _collector.durations
