"""Exercise 09, written another way: a logging.handlers.QueueHandler queues the records (formatted, args dropped);
the durations are parsed from the messages afterwards; the loop closed by contextlib.closing."""

import asyncio
import contextlib
import logging
import logging.handlers
import queue
import re

TOOK = re.compile(r"Executing .* took ([0-9.]+) seconds", re.S)


def slow_callbacks(main, threshold: float = 0.1) -> list[float]:
    q = queue.SimpleQueue()
    handler = logging.handlers.QueueHandler(q)
    logger = logging.getLogger("asyncio")
    logger.addHandler(handler)
    try:
        with contextlib.closing(asyncio.new_event_loop()) as loop:
            loop.set_debug(True)
            loop.slow_callback_duration = threshold
            loop.run_until_complete(main())
    finally:
        logger.removeHandler(handler)
    durations = []
    while not q.empty():
        record = q.get()
        m = TOOK.fullmatch(record.getMessage())
        if m:
            durations.append(float(m.group(1)))
    return durations
