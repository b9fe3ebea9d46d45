"""Exercise 09, written another way: unittest's assertLogs captures the asyncio logger's records and puts the logger
back (handlers, level, propagate) itself; its AssertionError for "no logs" means no slow step, and main()'s own
exception is kept aside meanwhile, so that an AssertionError of main()'s is never mistaken for it."""

import asyncio
import contextlib
import unittest


def slow_callbacks(main, threshold: float = 0.1) -> list[float]:
    raised = None
    loop = asyncio.new_event_loop()
    try:
        loop.set_debug(True)
        loop.slow_callback_duration = threshold
        with contextlib.suppress(AssertionError):  # "no logs of level WARNING or higher triggered on asyncio"
            with unittest.TestCase().assertLogs("asyncio", level="WARNING") as captured:
                try:
                    loop.run_until_complete(main())
                except BaseException as error:
                    raised = error
    finally:
        loop.close()
    if raised is not None:
        raise raised
    return [r.args[-1] for r in captured.records if r.msg == "Executing %s took %.3f seconds"]
