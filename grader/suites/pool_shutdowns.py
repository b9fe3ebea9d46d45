"""Stalls of exercise 04's loop in a pool's shutdown: leaving a `with ProcessPoolExecutor()` block, or calling
`shutdown()`, waits in the loop's thread for the pool's workers. Whether that wait blocked the loop for the work, or
only for idle workers to exit, decides the responsiveness check's verdict and its fix.
"""

from __future__ import annotations

from grader.probes import work
from grader.probes.loop_watch import BlockedSpan


def shuts_down(code: str) -> bool:
    """Whether the student's line that blocked the loop is the pool's shutdown: leaving its `with` block or a call
    of shutdown(), which waits for the workers to finish."""
    return code.startswith("with ") or ".shutdown(" in code


def retires_a_finished_pool(stall: BlockedSpan, record: work.Record, first_done: float) -> bool:
    """Whether the loop stalled, while `record`'s work ran, in a pool's shutdown that began once another call's work
    was over: a pool made for that call (one `with` per call), waiting for its idle workers to exit. That wait lasts
    as long as the machine takes to end a process (more than 0.1 s on a busy machine), not as long as the work: no
    claim about the student's loop. A shutdown that waits for the work itself began before any call was done (the
    heartbeat's tick before it aside), or held back the start of the next call's work."""
    return shuts_down(stall.code or "") and stall.started >= first_done - 0.05 and record.started < first_done
