# requires: python>=3.11
"""Exercise 09, written another way: asyncio.Runner(debug=True), its loop given the threshold before run()."""

import asyncio
import logging


class Grab(logging.Handler):
    def __init__(self, into):
        super().__init__(logging.DEBUG)
        self.into = into

    def emit(self, record):
        if record.msg == "Executing %s took %.3f seconds":
            _, seconds = record.args
            self.into.append(seconds)


def slow_callbacks(main, threshold: float = 0.1) -> list[float]:
    durations = []
    handler = Grab(durations)
    log = logging.getLogger("asyncio")
    log.addHandler(handler)
    try:
        with asyncio.Runner(debug=True) as runner:
            runner.get_loop().slow_callback_duration = threshold
            runner.run(main())
    finally:
        log.removeHandler(handler)
    return durations
