# fails: reports_blocking_step, honours_threshold
"""Gives its handler the level ERROR, "for the serious ones only": debug mode's warnings are WARNING records, so the
handler drops every one of them and the list stays empty."""

import asyncio
import logging


class Durations(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.found: list[float] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.msg == "Executing %s took %.3f seconds":
            self.found.append(record.args[-1])


def slow_callbacks(main, threshold: float = 0.1) -> list[float]:
    durations = Durations()
    logger = logging.getLogger("asyncio")
    logger.addHandler(durations)
    loop = asyncio.new_event_loop()
    try:
        loop.set_debug(True)
        loop.slow_callback_duration = threshold
        loop.run_until_complete(main())
    finally:
        loop.close()
        logger.removeHandler(durations)
    return durations.found
