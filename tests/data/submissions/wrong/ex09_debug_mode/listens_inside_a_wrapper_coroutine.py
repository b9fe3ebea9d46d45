# fails: reports_blocking_step, honours_threshold
"""The handler is attached and removed by the coroutine that awaits main(): debug mode reports a step once it has
ended, so main()'s last step is reported after main() has returned and the `finally:` has removed the handler.
`async def main(): time.sleep(0.3)` gives []."""

import asyncio
import logging


class Collector(logging.Handler):
    def __init__(self):
        super().__init__()
        self.durations = []

    def emit(self, record):
        if record.msg.startswith("Executing"):
            self.durations.append(record.args[-1])


def slow_callbacks(main, threshold: float = 0.1) -> list[float]:
    collector = Collector()

    async def watched():
        logger = logging.getLogger("asyncio")
        asyncio.get_running_loop().slow_callback_duration = threshold
        logger.addHandler(collector)
        try:
            await main()
        finally:
            logger.removeHandler(collector)

    asyncio.run(watched(), debug=True)
    return collector.durations
