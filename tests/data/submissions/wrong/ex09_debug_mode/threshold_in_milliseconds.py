# fails: runs_main_in_debug_mode, reports_blocking_step
"""Gives slow_callback_duration the threshold in milliseconds (threshold * 1000)."""
import asyncio
import logging

class _C(logging.Handler):
    def __init__(self):
        super().__init__()
        self.durations = []

    def emit(self, record):
        if record.msg.startswith("Executing"):
            self.durations.append(record.args[1])


def slow_callbacks(main, threshold: float = 0.1) -> list[float]:
    logger = logging.getLogger("asyncio")
    c = _C()
    logger.addHandler(c)
    loop = asyncio.new_event_loop()
    try:
        loop.set_debug(True)
        loop.slow_callback_duration = threshold * 1000
        loop.run_until_complete(main())
    finally:
        loop.close()
        logger.removeHandler(c)
    return c.durations
