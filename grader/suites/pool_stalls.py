"""Stalls of exercise 04's loop in a pool's upkeep, in the loop's thread: the first call handed to a pool starts its
worker processes, and leaving a `with ProcessPoolExecutor()` block, or calling `shutdown()`, waits for them to end.
Whether such a stall blocked the loop for the work, or only for processes to start or end (as long as a busy
machine makes that), decides the responsiveness check's verdict and its fix.
"""

from __future__ import annotations

from dataclasses import replace

from grader.probes import work
from grader.probes.loop_watch import BlockedSpan


def shuts_down(code: str) -> bool:
    """Whether the student's line that blocked the loop is the pool's shutdown: leaving its `with` block or a call
    of shutdown(), which waits for the workers to finish."""
    return code.startswith("with ") or ".shutdown(" in code


def retires_a_finished_pool(stall: BlockedSpan, record: work.Record, first_done: float, all_handed: bool) -> bool:
    """Whether the loop stalled, while `record`'s work ran, in a pool's shutdown that began once another call's work
    was over: a pool made for that call (one `with` per call), waiting for its idle workers to exit. That wait lasts
    as long as the machine takes to end a process (more than 0.1 s on a busy machine), not as long as the work: no
    claim about the student's loop. A shutdown that waits for the work itself began before any call was done (the
    heartbeat's tick before it aside), or held back the next call: handed over only once the first call's work was
    done (`all_handed` is whether every call was handed over before that). A call handed over in time may still
    start late: with spawn, at load 9, a second pool's workers began their work after the first call was done."""
    held_back = record.started >= first_done and not all_handed
    return shuts_down(stall.code or "") and stall.started >= first_done - 0.05 and not held_back


def starts_a_pool_per_call(stall: BlockedSpan, pools_made: int) -> bool:
    """Whether the loop stalled where the student's code hands a call to a pool, with a pool made per call: the
    pool's first call starts its worker processes, in the loop's thread, while the other calls' work runs; on a busy
    machine that took 0.2 s. A pool per call is the shutdown-on-error check's business, not a claim about the loop:
    `pool.submit(work, n).result()` on such a line, which waits for the work, still counts."""
    code = stall.code or ""
    hands_over = "run_in_executor(" in code or ".submit(" in code
    return pools_made > 1 and hands_over and ".result(" not in code


def from_the_shutdown(stall: BlockedSpan, shutdowns: list[tuple[float, int]], loop_thread: int) -> BlockedSpan:
    """The stall from the moment the student's shutdown began, when it is blamed on that shutdown and nothing else of
    the student's was seen during it: before that moment the loop was waiting for the pool's results with none of the
    student's code on its stack, and only a busy machine, keeping the loop's thread off the CPU, made that wait part of
    the stall (verdict runs with the other core busy saw a correct `with` block blamed for 0.23 s, most of it before
    the work was over). `shutdowns` are (`time.monotonic()` at the call, the calling thread), as `PoolSpy` records."""
    if not shuts_down(stall.code or "") or stall.elsewhere:
        return stall
    began = max((at for at, thread in shutdowns if thread == loop_thread and at <= stall.ended), default=None)
    if began is None or began <= stall.started:
        return stall
    return replace(stall, seconds=stall.ended - began, started=began)
