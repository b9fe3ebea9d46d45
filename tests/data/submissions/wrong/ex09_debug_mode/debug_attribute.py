# fails: runs_main_in_debug_mode, reports_blocking_step
"""loop.debug = True instead of loop.set_debug(True): a new attribute of the student's own, which asyncio never
reads, so debug mode stays off."""

import asyncio
import logging


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.durations: list[float] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.msg.startswith("Executing"):
            self.durations.append(record.args[-1])


def slow_callbacks(main, threshold: float = 0.1) -> list[float]:
    logger = logging.getLogger("asyncio")
    collector = _Collector()
    logger.addHandler(collector)
    loop = asyncio.new_event_loop()
    try:
        loop.debug = True
        loop.slow_callback_duration = threshold
        loop.run_until_complete(main())
    finally:
        loop.close()
        logger.removeHandler(collector)
    return collector.durations
