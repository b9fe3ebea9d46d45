"""Exercise 09, written another way: the asyncio logger's warning method is replaced for the run by a function that
takes (msg, *args), as asyncio calls it, and the class's method is visible again afterwards."""

import asyncio
import logging


def slow_callbacks(main, threshold: float = 0.1) -> list[float]:
    logger = logging.getLogger("asyncio")
    durations = []
    original = logger.warning

    def warning(msg, *args):
        if msg == "Executing %s took %.3f seconds":
            durations.append(args[-1])
        else:
            original(msg, *args)

    logger.warning = warning
    loop = asyncio.new_event_loop()
    try:
        loop.set_debug(True)
        loop.slow_callback_duration = threshold
        loop.run_until_complete(main())
    finally:
        loop.close()
        del logger.warning
    return durations
