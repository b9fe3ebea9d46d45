# fails: cleans_up_when_main_raises
"""Wraps main()'s exception in a RuntimeError 'with more context'."""
import asyncio
import logging


class H(logging.Handler):
    def __init__(self):
        super().__init__()
        self.d = []

    def emit(self, record):
        if record.msg.startswith("Executing"):
            self.d.append(record.args[-1])


def slow_callbacks(main, threshold=0.1):
    h = H()
    logger = logging.getLogger("asyncio")
    logger.addHandler(h)
    loop = asyncio.new_event_loop()
    try:
        loop.set_debug(True)
        loop.slow_callback_duration = threshold
        loop.run_until_complete(main())
    except Exception as e:
        raise RuntimeError(f"main() failed: {e}") from e
    finally:
        loop.close()
        logger.removeHandler(h)
    return h.d
