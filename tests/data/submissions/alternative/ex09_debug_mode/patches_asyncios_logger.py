"""Listens where asyncio speaks: patches the warning method of the logger base_events uses, for the run."""
import asyncio
import asyncio.base_events
from unittest import mock


def slow_callbacks(main, threshold: float = 0.1) -> list[float]:
    durations = []

    def warning(msg, *args, **kwargs):
        if msg.startswith("Executing"):
            durations.append(args[-1])

    loop = asyncio.new_event_loop()
    try:
        loop.set_debug(True)
        loop.slow_callback_duration = threshold
        with mock.patch.object(asyncio.base_events.logger, "warning", warning):
            loop.run_until_complete(main())
    finally:
        loop.close()
    return durations
