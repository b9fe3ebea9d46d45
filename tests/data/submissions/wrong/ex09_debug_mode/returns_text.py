# fails: reports_blocking_step, honours_threshold
"""Keeps the number as the text of the message, not as a float."""

import asyncio
import logging
import re


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.durations: list = []

    def emit(self, record: logging.LogRecord) -> None:
        self.durations += re.findall(r"took (\S+) seconds", record.getMessage())


def slow_callbacks(main, threshold: float = 0.1) -> list[float]:
    logger = logging.getLogger("asyncio")
    collector = _Collector()
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
