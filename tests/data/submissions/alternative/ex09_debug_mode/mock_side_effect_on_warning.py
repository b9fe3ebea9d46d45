"""Exercise 09, written another way: mock.patch.object puts a mock on the asyncio logger's warning for the run,
whose side effect, taking (msg, *args), keeps the durations."""

import asyncio
import logging
from unittest import mock


def slow_callbacks(main, threshold: float = 0.1) -> list[float]:
    durations = []

    def note(msg, *args):
        if msg.startswith("Executing"):
            durations.append(args[-1])

    loop = asyncio.new_event_loop()
    try:
        loop.set_debug(True)
        loop.slow_callback_duration = threshold
        with mock.patch.object(logging.getLogger("asyncio"), "warning", side_effect=note):
            loop.run_until_complete(main())
    finally:
        loop.close()
    return durations
