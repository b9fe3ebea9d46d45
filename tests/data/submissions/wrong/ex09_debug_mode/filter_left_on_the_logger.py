# fails: reports_blocking_step, honours_threshold, leaves_logger_as_found, cleans_up_when_main_raises
"""Collects through a filter on the 'asyncio' logger that returns False "to keep the screen clean", and never
removes it: from then on it drops every record of the logger, the next call's warnings too."""
import asyncio
import logging


def slow_callbacks(main, threshold: float = 0.1) -> list[float]:
    found = []

    def keep(record):
        if record.msg == "Executing %s took %.3f seconds":
            found.append(record.args[-1])
        return False

    logging.getLogger("asyncio").addFilter(keep)
    loop = asyncio.new_event_loop()
    try:
        loop.set_debug(True)
        loop.slow_callback_duration = threshold
        loop.run_until_complete(main())
    finally:
        loop.close()
    return found
