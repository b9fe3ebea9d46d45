# fails: honours_threshold
"""Sets the threshold on the loop, then also keeps only the steps over 0.1 s, "the slow ones"."""

import asyncio
import logging


class _Durations(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[float] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.msg == "Executing %s took %.3f seconds" and record.args[-1] > 0.1:
            self.found.append(record.args[-1])


def slow_callbacks(main, threshold: float = 0.1) -> list[float]:
    handler = _Durations()
    logger = logging.getLogger("asyncio")
    logger.addHandler(handler)
    loop = asyncio.new_event_loop()
    try:
        loop.set_debug(True)
        loop.slow_callback_duration = threshold
        loop.run_until_complete(main())
    finally:
        loop.close()
        logger.removeHandler(handler)
    return handler.found
