# fails: runs_main_in_debug_mode, honours_threshold
"""asyncio.run(main(), debug=True), and the threshold applied by the handler: the loop keeps the default 0.1 s."""
import asyncio
import logging


def slow_callbacks(main, threshold: float = 0.1) -> list[float]:
    durations = []

    class Handler(logging.Handler):
        def emit(self, record):
            if record.getMessage().startswith("Executing"):
                if record.args[1] >= threshold:
                    durations.append(record.args[1])

    logger = logging.getLogger("asyncio")
    handler = Handler()
    logger.addHandler(handler)
    try:
        asyncio.run(main(), debug=True)
    finally:
        logger.removeHandler(handler)
    return durations
