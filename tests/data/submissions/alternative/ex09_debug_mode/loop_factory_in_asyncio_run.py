# requires: python>=3.12
"""Exercise 09, written another way: asyncio.run(..., debug=True, loop_factory=...) with a loop whose threshold is set
as it is made (3.12). On an older Python, the failure says which Python it needs."""
import asyncio
import functools
import logging


class _SlowSteps(logging.Handler):
    __slots__ = ("durations",)

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.durations: list[float] = []

    def emit(self, record: logging.LogRecord) -> None:
        match record.msg, record.args:
            case str(msg), (_, float() | int() as seconds) if msg.startswith("Executing "):
                self.durations.append(float(seconds))


def _loop_factory(threshold: float) -> asyncio.AbstractEventLoop:
    loop = asyncio.new_event_loop()
    loop.slow_callback_duration = threshold
    return loop


def slow_callbacks(main, threshold: float = 0.1) -> list[float]:
    logger = logging.getLogger("asyncio")
    handler = _SlowSteps()
    logger.addHandler(handler)
    try:
        asyncio.run(main(), debug=True, loop_factory=functools.partial(_loop_factory, threshold))
    finally:
        logger.removeHandler(handler)
    return handler.durations
