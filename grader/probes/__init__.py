"""Instruments the hidden suites share: they observe a student's code from the outside.

- `loop_watch`: did the event loop stall, for how long, and on which line of the student's file?
- `futures`: how often the loop ran while a future was pending, and who completed it when (exercise 01).
- `idle_gate`: holds tasks back until their loop waits for them, not for a timer (exercise 07).
- `processes`: start methods, a spy on process pools, leftover workers (exercise 04).
- `work`: picklable functions sent to the student's worker processes; they report where and when they ran.
- `fake_requests`, `fake_aiohttp`: mocked HTTP servers that count requests in flight (exercises 05 and 06);
  `traffic`: what they record about each request, and the wording and URLs both share.
- `upkeep`: a pool's own time in the thread that calls it (making it, starting workers, ending idle ones).
- `set_order`: sets that list the futures and tasks of one call backwards, every run (exercises 04, 05 and 06).
- `calls`: await a student's coroutine function with a time limit, saying clearly when it is not one.

The `work` module must stay importable by its dotted name: worker processes started by spawn or forkserver
import it afresh, and see nothing the suite patched.
"""
