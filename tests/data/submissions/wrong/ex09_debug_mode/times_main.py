# fails: runs_main_in_debug_mode, reports_blocking_step, awaiting_main_gives_empty_list, honours_threshold
"""Times main() as a whole instead of listening to debug mode: waiting counts as slow, blocking is mis-measured."""

import asyncio
import time


def slow_callbacks(main, threshold: float = 0.1) -> list[float]:
    started = time.perf_counter()
    asyncio.run(main())
    total = time.perf_counter() - started
    return [total] if total > threshold else []
