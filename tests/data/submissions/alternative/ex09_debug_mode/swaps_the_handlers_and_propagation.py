"""Exercise 09: the asyncio logger's handlers swapped for one collector and its propagation turned off during the
run, both put back afterwards; the loop is set as current and unset."""

import asyncio
import logging


class _Collector(logging.Handler):
    def __init__(self):
        super().__init__()
        self.durations = []

    def emit(self, record):
        if record.msg.startswith("Executing") and "took" in record.msg:
            self.durations.append(float(record.args[1]))


def slow_callbacks(main, threshold=0.1):
    logger = logging.getLogger("asyncio")
    saved_handlers, saved_propagate = logger.handlers[:], logger.propagate
    collector = _Collector()
    logger.handlers = [collector]
    logger.propagate = False
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    try:
        loop.set_debug(True)
        loop.slow_callback_duration = threshold
        loop.run_until_complete(main())
    finally:
        asyncio.set_event_loop(None)
        loop.close()
        logger.handlers = saved_handlers
        logger.propagate = saved_propagate
    return collector.durations
