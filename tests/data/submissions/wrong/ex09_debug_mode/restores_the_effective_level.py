# fails: leaves_logger_as_found, cleans_up_when_main_raises
"""Saves the level it reads with getEffectiveLevel() (WARNING, inherited from the root) and "restores" that: the
logger had no level of its own (NOTSET), and now has one."""
import asyncio
import logging


class Collector(logging.Handler):
    def __init__(self):
        super().__init__()
        self.durations = []

    def emit(self, record):
        if record.msg == "Executing %s took %.3f seconds":
            self.durations.append(record.args[-1])


def slow_callbacks(main, threshold: float = 0.1) -> list[float]:
    logger = logging.getLogger("asyncio")
    old_level = logger.getEffectiveLevel()
    logger.setLevel(logging.WARNING)
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
        logger.setLevel(old_level)
    return collector.durations
