"""Exercise 09: no handler at all: a LogRecord factory, put in for the run and put back after, sees every record
made, the asyncio logger's slow-step warnings among them; the loop is a subclass that sets its own debug mode."""

import asyncio
import logging


class _DebugLoop(asyncio.SelectorEventLoop):
    def __init__(self, threshold: float) -> None:
        super().__init__()
        self.set_debug(True)
        self.slow_callback_duration = threshold


def slow_callbacks(main, threshold: float = 0.1) -> list[float]:
    durations: list[float] = []
    previous = logging.getLogRecordFactory()

    def factory(*args, **kwargs) -> logging.LogRecord:
        record = previous(*args, **kwargs)
        if record.name == "asyncio" and record.msg == "Executing %s took %.3f seconds":
            durations.append(float(record.args[-1]))
        return record

    logging.setLogRecordFactory(factory)
    loop = _DebugLoop(threshold)
    try:
        loop.run_until_complete(main())
    finally:
        loop.close()
        logging.setLogRecordFactory(previous)
    return durations
