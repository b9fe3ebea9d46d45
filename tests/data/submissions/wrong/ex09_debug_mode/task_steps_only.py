# fails: reports_blocking_step
"""Copies the docstring's example, "Executing <Task ...", into its regular expression: a plain callback that blocks
is reported as "Executing <Handle ...", and its duration is left out."""

import asyncio
import logging
import re


class Catcher(logging.Handler):
    def __init__(self):
        super().__init__()
        self.found = []

    def emit(self, record):
        m = re.match(r"Executing <Task .* took ([\d.]+) seconds", record.getMessage())
        if m:
            self.found.append(float(m.group(1)))


def slow_callbacks(main, threshold: float = 0.1) -> list[float]:
    logger = logging.getLogger("asyncio")
    catcher = Catcher()
    logger.addHandler(catcher)
    loop = asyncio.new_event_loop()
    try:
        loop.set_debug(True)
        loop.slow_callback_duration = threshold
        loop.run_until_complete(main())
    finally:
        logger.removeHandler(catcher)
        loop.close()
    return catcher.found
