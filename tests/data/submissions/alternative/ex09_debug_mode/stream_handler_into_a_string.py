"""Exercise 09, written another way: a plain logging.StreamHandler writes the asyncio logger's messages into an
io.StringIO for the run; the durations are read back from that text with a regular expression afterwards."""

import asyncio
import io
import logging
import re

TOOK = re.compile(r"^Executing .*? took (\d+\.\d+) seconds$", re.MULTILINE)


def slow_callbacks(main, threshold: float = 0.1) -> list[float]:
    text = io.StringIO()
    handler = logging.StreamHandler(text)
    handler.setFormatter(logging.Formatter("%(message)s"))
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
    return [float(seconds) for seconds in TOOK.findall(text.getvalue())]
