"""Exercise 08, written another way: a small Scheduler class; the module's names are bound methods of one instance."""

import asyncio


class Scheduler:
    @property
    def loop(self):
        return asyncio.get_running_loop()

    def soon(self, callback, *args):
        return self.loop.call_soon(callback, *args)

    def later(self, delay, callback, *args):
        return self.loop.call_later(delay, callback, *args)

    def loop_or_none(self):
        try:
            return self.loop
        except RuntimeError:
            return None


_scheduler = Scheduler()
schedule_soon = _scheduler.soon
schedule_later = _scheduler.later
running_loop_or_none = _scheduler.loop_or_none
