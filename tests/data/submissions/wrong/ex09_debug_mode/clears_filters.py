# fails: leaves_logger_as_found, cleans_up_when_main_raises
"""Collects the durations with a filter on the asyncio logger and cleans up with logger.filters.clear(), which
removes the filters that were there before too."""

import asyncio
import logging


def slow_callbacks(main, threshold: float = 0.1) -> list[float]:
    logger = logging.getLogger("asyncio")
    durations = []

    def keep(record):
        if record.msg == "Executing %s took %.3f seconds":
            durations.append(record.args[-1])
        return True

    logger.addFilter(keep)
    loop = asyncio.new_event_loop()
    try:
        loop.set_debug(True)
        loop.slow_callback_duration = threshold
        loop.run_until_complete(main())
    finally:
        loop.close()
        logger.filters.clear()
    return durations
