# fails: runs_main_in_debug_mode, reports_blocking_step, awaiting_main_gives_empty_list, honours_threshold, leaves_logger_as_found, cleans_up_when_main_raises
"""Takes asyncio.get_event_loop() for a fresh loop, and leaves it open as a shared one: where no loop is set as
current (as in every check) it raises RuntimeError, and where one is, that loop is not fresh."""

import asyncio
import logging


class Durations(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[float] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.msg == "Executing %s took %.3f seconds":
            self.found.append(record.args[-1])


def slow_callbacks(main, threshold: float = 0.1) -> list[float]:
    durations = Durations()
    logger = logging.getLogger("asyncio")
    logger.addHandler(durations)
    loop = asyncio.get_event_loop()
    try:
        loop.set_debug(True)
        loop.slow_callback_duration = threshold
        loop.run_until_complete(main())
    finally:
        logger.removeHandler(durations)
    return durations.found
