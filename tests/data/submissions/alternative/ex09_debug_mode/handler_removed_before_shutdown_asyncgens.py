"""Exercise 09, written another way: the handler listens while main() runs and is removed as soon as
run_until_complete(main()) returns, before the loop's own shutdown (shutdown_asyncgens), whose step debug mode may
report too on a busy machine under a tiny threshold; main()'s slow steps are all there."""

import asyncio
import logging


class SlowSteps(logging.Handler):
    def __init__(self):
        super().__init__()
        self.durations = []

    def emit(self, record):
        if record.msg == "Executing %s took %.3f seconds":
            self.durations.append(float(record.args[1]))


def slow_callbacks(main, threshold: float = 0.1) -> list[float]:
    logger = logging.getLogger("asyncio")
    loop = asyncio.new_event_loop()
    loop.set_debug(True)
    loop.slow_callback_duration = threshold
    handler = SlowSteps()
    logger.addHandler(handler)
    try:
        loop.run_until_complete(main())
    finally:
        logger.removeHandler(handler)
        try:
            loop.run_until_complete(loop.shutdown_asyncgens())
        finally:
            loop.close()
    return handler.durations
