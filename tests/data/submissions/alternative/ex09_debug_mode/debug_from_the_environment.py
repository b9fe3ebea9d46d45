"""Exercise 09, written another way: debug mode from PYTHONASYNCIODEBUG, set only while the loop is made and put
back at once; the duration read from record.args."""

import asyncio
import logging
import os


def slow_callbacks(main, threshold: float = 0.1) -> list[float]:
    durations = []

    class Keep(logging.Handler):
        def emit(self, record):
            if record.getMessage().startswith("Executing ") and " took " in record.getMessage():
                durations.append(record.args[-1])

    old = os.environ.get("PYTHONASYNCIODEBUG")
    os.environ["PYTHONASYNCIODEBUG"] = "1"
    try:
        loop = asyncio.new_event_loop()
    finally:
        if old is None:
            del os.environ["PYTHONASYNCIODEBUG"]
        else:
            os.environ["PYTHONASYNCIODEBUG"] = old
    handler = Keep()
    logging.getLogger("asyncio").addHandler(handler)
    try:
        loop.slow_callback_duration = threshold
        loop.run_until_complete(main())
    finally:
        logging.getLogger("asyncio").removeHandler(handler)
        loop.close()
    return durations
