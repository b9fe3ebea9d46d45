# fails: reports_blocking_step, honours_threshold
"""Returns the durations in milliseconds, times 1000, where debug mode reports seconds."""
import asyncio
import logging


class _Collector(logging.Handler):
    def __init__(self):
        super().__init__()
        self.durations = []

    def emit(self, record):
        if record.msg.startswith("Executing"):
            self.durations.append(record.args[-1] * 1000)


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
