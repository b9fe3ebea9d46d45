# fails: reports_blocking_step, awaiting_main_gives_empty_list, honours_threshold
"""Keeps the durations in a list at module level that no call empties: every call returns what the earlier calls
found too."""

import asyncio
import logging

DURATIONS = []


class Keep(logging.Handler):
    def emit(self, record):
        if record.msg == "Executing %s took %.3f seconds":
            DURATIONS.append(record.args[-1])


def slow_callbacks(main, threshold=0.1):
    handler = Keep()
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
    return DURATIONS
