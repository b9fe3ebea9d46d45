"""Exercise 09: a QueueHandler into a SimpleQueue, drained after the run; durations read from getMessage()."""
import asyncio
import logging
import logging.handlers
import queue
import re

NUMBER = re.compile(r" took ([0-9.]+) seconds")


def slow_callbacks(main, threshold=0.1):
    records = queue.SimpleQueue()
    handler = logging.handlers.QueueHandler(records)
    logger = logging.getLogger("asyncio")
    logger.addHandler(handler)
    loop = asyncio.new_event_loop()
    try:
        loop.set_debug(True)
        loop.slow_callback_duration = threshold
        loop.run_until_complete(main())
    finally:
        logger.removeHandler(handler)
        loop.close()
    result = []
    while not records.empty():
        message = records.get_nowait().getMessage()
        match = NUMBER.search(message)
        if message.startswith("Executing") and match:
            result.append(float(match.group(1)))
    return result
