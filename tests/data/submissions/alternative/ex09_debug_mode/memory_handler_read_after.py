"""Exercise 09: a logging.handlers.MemoryHandler with no target keeps the records through the run; the durations are
read from getMessage() afterwards; the loop made by the default policy."""
import asyncio
import logging
import logging.handlers


def slow_callbacks(main, threshold: float = 0.1) -> list[float]:
    logger = logging.getLogger("asyncio")
    memory = logging.handlers.MemoryHandler(capacity=10**9, flushLevel=logging.CRITICAL + 1)
    logger.addHandler(memory)
    loop = asyncio.get_event_loop_policy().new_event_loop()
    try:
        loop.set_debug(True)
        loop.slow_callback_duration = threshold
        loop.run_until_complete(main())
    finally:
        loop.close()
        logger.removeHandler(memory)
    durations = []
    for record in memory.buffer:
        text = record.getMessage()
        if text.startswith("Executing ") and text.endswith(" seconds"):
            durations.append(float(text.rsplit(" ", 2)[-2]))
    memory.buffer.clear()
    return durations
