"""Exercise 09, written another way: ExitStack for the clean-ups; run_forever, stopped by main's task when it is done."""

import asyncio
import logging
from contextlib import ExitStack


class Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.seen = []

    def emit(self, record):
        if "took" in record.msg and isinstance(record.args, tuple):
            self.seen.append(record.args[1])


def slow_callbacks(main, threshold=0.1):
    logger = logging.getLogger("asyncio")
    collect = Collect()
    with ExitStack() as stack:
        logger.addHandler(collect)
        stack.callback(logger.removeHandler, collect)
        loop = asyncio.new_event_loop()
        stack.callback(loop.close)
        loop.set_debug(True)
        loop.slow_callback_duration = threshold
        task = loop.create_task(main())
        task.add_done_callback(lambda _: loop.stop())
        loop.run_forever()
        task.result()
    return collect.seen
