# fails: reports_blocking_step, honours_threshold
"""Reads the duration from record.args[0]: the first argument of debug mode's warning is the step that was slow, and
the duration comes after it."""
import asyncio
import logging

SLOW_STEP = "Executing %s took %.3f seconds"


class _SlowStepCollector(logging.Handler):
    """Keeps the duration of every step that debug mode reports as slow."""

    def __init__(self) -> None:
        super().__init__()
        self.durations: list[float] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.msg == SLOW_STEP:
            self.durations.append(float(record.args[0]))


def slow_callbacks(main, threshold: float = 0.1) -> list[float]:
    logger = logging.getLogger("asyncio")
    collector = _SlowStepCollector()
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
