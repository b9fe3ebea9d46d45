# fails: runs_main_in_debug_mode, honours_threshold
"""Sets slow_callback_duration on a loop of its own, then runs main() with asyncio.run(..., debug=True), which makes
another loop: debug mode is on where main() runs, but with the default threshold."""

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
    loop = asyncio.new_event_loop()
    loop.slow_callback_duration = threshold
    try:
        asyncio.run(main(), debug=True)
    finally:
        loop.close()
        logger.removeHandler(durations)
    return durations.found
