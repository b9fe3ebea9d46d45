"""Exercise 09: a contextmanager collects the durations; the asyncio logger's level lowered for the run and put back."""

import asyncio
import logging
from contextlib import contextmanager


class _Durations(logging.Handler):
    def __init__(self, found: list) -> None:
        super().__init__(level=logging.WARNING)
        self.found = found

    def emit(self, record: logging.LogRecord) -> None:
        if record.getMessage().startswith("Executing ") and record.args:
            self.found.append(record.args[-1])


@contextmanager
def _collecting(logger: logging.Logger):
    found: list[float] = []
    handler = _Durations(found)
    old_level = logger.level
    logger.setLevel(logging.WARNING)
    logger.addHandler(handler)
    try:
        yield found
    finally:
        logger.removeHandler(handler)
        logger.setLevel(old_level)


def slow_callbacks(main, threshold: float = 0.1) -> list[float]:
    with _collecting(logging.getLogger("asyncio")) as durations:
        loop = asyncio.new_event_loop()
        loop.set_debug(True)
        loop.slow_callback_duration = threshold
        try:
            loop.run_until_complete(main())
        finally:
            loop.close()
    return durations
