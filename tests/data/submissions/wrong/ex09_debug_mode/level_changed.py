# fails: leaves_logger_as_found, cleans_up_when_main_raises
"""Sets the logger to WARNING, "to be sure the warnings come through", and leaves it so."""

import asyncio
import logging


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.durations: list[float] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.msg.startswith("Executing"):
            self.durations.append(record.args[-1])


def slow_callbacks(main, threshold: float = 0.1) -> list[float]:
    logger = logging.getLogger("asyncio")
    collector = _Collector()
    logger.setLevel(logging.WARNING)
    logger.addHandler(collector)
    loop = asyncio.new_event_loop()
    try:
        loop.set_debug(True)
        loop.slow_callback_duration = threshold
        loop.run_until_complete(main())
    finally:
        loop.close()
        logger.removeHandler(collector)
    return collector.durations

