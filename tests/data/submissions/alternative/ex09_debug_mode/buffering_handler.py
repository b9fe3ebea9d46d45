"""Right, written another way: logging.handlers.BufferingHandler keeps the records, read after the run."""

import asyncio
import logging
import logging.handlers


def slow_callbacks(main, threshold: float = 0.1) -> list[float]:
    buffer = logging.handlers.BufferingHandler(capacity=10_000)
    logger = logging.getLogger("asyncio")
    logger.addHandler(buffer)
    loop = asyncio.new_event_loop()
    loop.set_debug(True)
    loop.slow_callback_duration = threshold
    try:
        loop.run_until_complete(main())
    finally:
        logger.removeHandler(buffer)
        loop.close()
    return [
        float(record.args[1])
        for record in buffer.buffer
        if record.msg.startswith("Executing") and record.msg.endswith("took %.3f seconds")
    ]
