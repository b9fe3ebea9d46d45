"""Exercise 09, written another way: the loop runs in a worker thread, joined at once; main()'s exception is kept
and raised again in the caller's thread."""

import asyncio
import logging
import threading


def slow_callbacks(main, threshold=0.1):
    durations, errors = [], []

    class H(logging.Handler):
        def emit(self, record):
            if record.msg == "Executing %s took %.3f seconds":
                durations.append(record.args[-1])

    def work():
        loop = asyncio.new_event_loop()
        try:
            loop.set_debug(True)
            loop.slow_callback_duration = threshold
            loop.run_until_complete(main())
        except BaseException as e:
            errors.append(e)
        finally:
            loop.close()

    h = H()
    log = logging.getLogger("asyncio")
    log.addHandler(h)
    try:
        t = threading.Thread(target=work)
        t.start()
        t.join()
    finally:
        log.removeHandler(h)
    if errors:
        raise errors[0]
    return durations
