"""Puts its handler on the root logger, where asyncio's records propagate; the asyncio logger itself is untouched."""

import asyncio
import logging
import re

_TOOK = re.compile(r"^Executing .* took (\d+\.\d+) seconds$", re.S)


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.durations: list[float] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.name == "asyncio":
            m = _TOOK.match(record.getMessage())
            if m:
                self.durations.append(float(m.group(1)))


def slow_callbacks(main, threshold: float = 0.1) -> list[float]:
    root = logging.getLogger()
    collector = _Collector()
    root.addHandler(collector)
    loop = asyncio.new_event_loop()
    try:
        loop.set_debug(True)
        loop.slow_callback_duration = threshold
        loop.run_until_complete(main())
    finally:
        loop.close()
        root.removeHandler(collector)
    return collector.durations
