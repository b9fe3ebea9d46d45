# fails: reports_blocking_step, honours_threshold
"""A filter on a logging.NullHandler: NullHandler.handle ignores every record, so the filter never runs."""

import asyncio
import logging
import re

TOOK = re.compile(r"^Executing .* took (\d+\.\d+) seconds$", re.S)


class _Found(logging.Filter):
    def __init__(self):
        super().__init__()
        self.found = []

    def filter(self, record):
        match = TOOK.match(record.getMessage())
        if match:
            self.found.append(float(match.group(1)))
        return False


def slow_callbacks(main, threshold: float = 0.1) -> list[float]:
    handler = logging.NullHandler()  # prints nothing
    found = _Found()
    handler.addFilter(found)
    asyncio_logger = logging.getLogger("asyncio")
    asyncio_logger.addHandler(handler)
    try:
        loop = asyncio.new_event_loop()
        try:
            loop.slow_callback_duration = threshold
            loop.set_debug(True)
            loop.run_until_complete(main())
        finally:
            loop.close()
    finally:
        asyncio_logger.removeHandler(handler)
    return found.found
