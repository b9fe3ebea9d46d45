# requires: python>=3.12
"""Exercise 09: asyncio.run with a loop_factory (3.12+) that makes the loop in debug mode with the threshold; a
handler that overrides handle() rather than emit()."""

import asyncio
import functools
import logging


class _Durations(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[float] = []

    def handle(self, record: logging.LogRecord) -> bool:
        if record.msg == "Executing %s took %.3f seconds":
            self.found.append(record.args[-1])
        return True


def _debug_loop(threshold: float) -> asyncio.AbstractEventLoop:
    loop = asyncio.new_event_loop()
    loop.set_debug(True)
    loop.slow_callback_duration = threshold
    return loop


def slow_callbacks(main, threshold: float = 0.1) -> list[float]:
    handler = _Durations()
    logger = logging.getLogger("asyncio")
    logger.addHandler(handler)
    try:
        asyncio.run(main(), loop_factory=functools.partial(_debug_loop, threshold))
    finally:
        logger.removeHandler(handler)
    return handler.found
