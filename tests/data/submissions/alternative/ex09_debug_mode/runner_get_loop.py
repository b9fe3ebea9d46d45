# requires: python>=3.11
"""Exercise 09: asyncio.Runner(debug=True); the threshold set on runner.get_loop() before run(main())."""
import asyncio
import logging


class _Durations(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.found = []

    def emit(self, record):
        if record.msg.startswith("Executing ") and record.args:
            self.found.append(float(record.args[-1]))


def slow_callbacks(main, threshold: float = 0.1) -> list[float]:
    handler = _Durations()
    logger = logging.getLogger("asyncio")
    logger.addHandler(handler)
    try:
        with asyncio.Runner(debug=True) as runner:
            runner.get_loop().slow_callback_duration = threshold
            runner.run(main())
    finally:
        logger.removeHandler(handler)
    return handler.found
