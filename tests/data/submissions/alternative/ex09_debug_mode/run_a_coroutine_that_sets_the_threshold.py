"""asyncio.run(..., debug=True) on a coroutine that sets the threshold on its running loop, then awaits main(): the
threshold is in place before main()'s first step ends, when debug mode compares that step with it."""

import asyncio
import logging


def slow_callbacks(main, threshold: float = 0.1) -> list[float]:
    durations = []

    class Catcher(logging.Handler):
        def emit(self, record):
            if record.getMessage().startswith("Executing"):
                durations.append(record.args[-1])

    async def wrapper():
        asyncio.get_running_loop().slow_callback_duration = threshold
        await main()

    logger = logging.getLogger("asyncio")
    catcher = Catcher()
    logger.addHandler(catcher)
    try:
        asyncio.run(wrapper(), debug=True)
    finally:
        logger.removeHandler(catcher)
    return durations
