# fails: cleans_up_when_main_raises
"""Cleans up in `except Exception:` and after a return, instead of in `finally:`: when main() ends cancelled
(CancelledError is a BaseException, as a Ctrl-C's KeyboardInterrupt is), the handler stays and the loop stays open."""

import asyncio
import logging


class _Collector(logging.Handler):
    def __init__(self):
        super().__init__()
        self.durations = []

    def emit(self, record):
        if record.msg == "Executing %s took %.3f seconds":
            self.durations.append(record.args[-1])


def slow_callbacks(main, threshold: float = 0.1) -> list[float]:
    logger = logging.getLogger("asyncio")
    collector = _Collector()
    logger.addHandler(collector)
    loop = asyncio.new_event_loop()
    loop.set_debug(True)
    loop.slow_callback_duration = threshold

    def clean_up():
        loop.close()
        logger.removeHandler(collector)

    try:
        loop.run_until_complete(main())
    except Exception:
        clean_up()
        raise
    clean_up()
    return collector.durations
