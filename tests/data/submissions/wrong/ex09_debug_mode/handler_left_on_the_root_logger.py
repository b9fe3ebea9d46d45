# fails: leaves_logger_as_found, cleans_up_when_main_raises
"""Puts its handler on the root logger, which hears every logger, and never removes it: one more handler at every
call, each keeping every later record of the program."""

import asyncio
import logging


class Collector(logging.Handler):
    def __init__(self):
        super().__init__()
        self.durations = []

    def emit(self, record):
        if record.name == "asyncio" and record.msg.startswith("Executing"):
            self.durations.append(float(record.args[-1]))


def slow_callbacks(main, threshold: float = 0.1) -> list[float]:
    handler = Collector()
    logging.getLogger().addHandler(handler)  # the root logger hears every logger
    loop = asyncio.new_event_loop()
    try:
        loop.set_debug(True)
        loop.slow_callback_duration = threshold
        loop.run_until_complete(main())
    finally:
        loop.close()
    return handler.durations
