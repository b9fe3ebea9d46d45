# fails: runs_main_in_debug_mode, reports_blocking_step, awaiting_main_gives_empty_list, honours_threshold, leaves_logger_as_found, cleans_up_when_main_raises
"""Sets the threshold in a coroutine of its own that then awaits main, not main(): await refuses a function with
TypeError."""

import asyncio
import logging


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.durations: list[float] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.msg.startswith("Executing"):
            self.durations.append(record.args[-1])


async def _with_threshold(main, threshold):
    asyncio.get_running_loop().slow_callback_duration = threshold
    await main


def slow_callbacks(main, threshold: float = 0.1) -> list[float]:
    logger = logging.getLogger("asyncio")
    collector = _Collector()
    logger.addHandler(collector)
    try:
        asyncio.run(_with_threshold(main, threshold), debug=True)
    finally:
        logger.removeHandler(collector)
    return collector.durations
