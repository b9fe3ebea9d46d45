# fails: runs_main_in_debug_mode, reports_blocking_step
"""Turns debug mode on with PYTHONASYNCIODEBUG=1, set after the loop is made (too late for it) and never taken
back, so only the loops of later calls would run in debug mode."""

import asyncio
import logging
import os


class Collector(logging.Handler):
    def __init__(self):
        super().__init__()
        self.durations = []

    def emit(self, record):
        if record.msg == "Executing %s took %.3f seconds":
            self.durations.append(record.args[-1])


def slow_callbacks(main, threshold: float = 0.1) -> list[float]:
    logger = logging.getLogger("asyncio")
    collector = Collector()
    logger.addHandler(collector)
    loop = asyncio.new_event_loop()
    os.environ["PYTHONASYNCIODEBUG"] = "1"
    try:
        loop.slow_callback_duration = threshold
        loop.run_until_complete(main())
    finally:
        loop.close()
        logger.removeHandler(collector)
    return collector.durations
