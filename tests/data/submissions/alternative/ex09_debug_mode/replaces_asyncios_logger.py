"""Puts a mock in the place of the logger base_events uses, for the run, and keeps the durations of its slow steps."""
import asyncio
from unittest import mock

SLOW_STEP = "Executing %s took %.3f seconds"


def slow_callbacks(main, threshold: float = 0.1) -> list[float]:
    durations = []

    def warning(msg, *args, **kwargs):
        if msg == SLOW_STEP:
            durations.append(float(args[-1]))

    loop = asyncio.new_event_loop()
    with mock.patch("asyncio.base_events.logger") as fake_logger:
        fake_logger.warning.side_effect = warning
        try:
            loop.set_debug(True)
            loop.slow_callback_duration = threshold
            loop.run_until_complete(main())
        finally:
            loop.close()
    return durations
