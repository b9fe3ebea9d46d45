"""Exercise 09, written another way: unittest.mock wraps the asyncio logger's warning method for the run (passing
every call on), and the patch is undone on the way out."""

import asyncio
import logging
from unittest import mock


def slow_callbacks(main, threshold: float = 0.1) -> list[float]:
    logger = logging.getLogger("asyncio")
    durations = []
    original = logger.warning

    def warning(msg, *args, **kwargs):
        if msg == "Executing %s took %.3f seconds":
            durations.append(args[1])
        return original(msg, *args, **kwargs)

    loop = asyncio.new_event_loop()
    try:
        loop.set_debug(True)
        loop.slow_callback_duration = threshold
        with mock.patch.object(logger, "warning", side_effect=warning):
            loop.run_until_complete(main())
    finally:
        loop.close()
    return durations
