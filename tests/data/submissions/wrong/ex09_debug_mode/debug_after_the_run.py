# fails: runs_main_in_debug_mode, reports_blocking_step
"""set_debug and the threshold set after run_until_complete: main() ran without them."""

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
    loop = asyncio.new_event_loop()
    try:
        loop.run_until_complete(main())
        loop.set_debug(True)
        loop.slow_callback_duration = threshold
    finally:
        loop.close()
        logger.removeHandler(collector)
    return collector.durations
