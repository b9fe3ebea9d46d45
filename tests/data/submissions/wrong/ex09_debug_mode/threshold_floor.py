# fails: runs_main_in_debug_mode
"""Never sets a threshold below 0.1 s, "where every step is slow": threshold=0.05 is ignored."""

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
    loop = asyncio.new_event_loop()
    try:
        loop.set_debug(True)
        loop.slow_callback_duration = max(threshold, 0.1)  # below 0.1 s everything is "slow"
        loop.run_until_complete(main())
    finally:
        loop.close()
        logger.removeHandler(collector)
    return collector.durations
