"""Exercise 09, written another way: a filter function on the asyncio logger keeps the durations (and lets every
record through); debug mode and the threshold set before the loop runs."""

import asyncio
import logging


def slow_callbacks(main, threshold: float = 0.1) -> list[float]:
    found: list[float] = []

    def keep(record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str) and record.msg.startswith("Executing ") and record.args:
            found.append(record.args[-1])
        return True

    logger = logging.getLogger("asyncio")
    logger.addFilter(keep)
    loop = asyncio.new_event_loop()
    loop.set_debug(True)
    loop.slow_callback_duration = threshold
    try:
        loop.run_until_complete(main())
    finally:
        loop.close()
        logger.removeFilter(keep)
    return found
