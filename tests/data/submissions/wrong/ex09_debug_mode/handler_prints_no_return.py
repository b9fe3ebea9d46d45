# fails: reports_blocking_step, awaiting_main_gives_empty_list, honours_threshold
"""The handler prints each duration it hears, and slow_callbacks returns nothing: the durations are on the screen,
and the caller gets None."""

import asyncio
import logging


class _Printer(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        if record.msg.startswith("Executing"):
            print(record.args[-1])


def slow_callbacks(main, threshold: float = 0.1) -> list[float]:
    logger = logging.getLogger("asyncio")
    printer = _Printer()
    logger.addHandler(printer)
    loop = asyncio.new_event_loop()
    try:
        loop.set_debug(True)
        loop.slow_callback_duration = threshold
        loop.run_until_complete(main())
    finally:
        loop.close()
        logger.removeHandler(printer)
