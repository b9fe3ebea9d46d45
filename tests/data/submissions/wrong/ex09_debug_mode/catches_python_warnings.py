# fails: reports_blocking_step, honours_threshold
"""Reads "debug mode reports it as a warning" as Python's warnings module: catch_warnings records nothing, since the
slow steps are log records on the asyncio logger."""

import asyncio
import logging
import re
import warnings


def slow_callbacks(main, threshold: float = 0.1) -> list[float]:
    loop = asyncio.new_event_loop()
    loop.set_debug(True)
    loop.slow_callback_duration = threshold
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            loop.run_until_complete(main())
    finally:
        loop.close()
    durations = []
    for w in caught:
        m = re.search(r"took (\d+\.\d+) seconds", str(w.message))
        if m:
            durations.append(float(m.group(1)))
    return durations
