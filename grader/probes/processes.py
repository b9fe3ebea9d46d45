"""Process pools seen from the grader's side: which start method, which pools a student built, what is left.

A pool a student forgets to shut down is garbage-collected when their coroutine returns, and its workers then
stop in the background within milliseconds: looking for live workers afterwards would race with that. The spy
keeps every pool alive until the check has looked, so a forgotten `shutdown()` is seen every time.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from multiprocessing.process import BaseProcess

import pytest

START_METHOD_ENV = "GRADER_MP_START"
"""Set to fork, forkserver or spawn to grade exercise 04 under that start method (Python 3.14 defaults to
forkserver on Linux, earlier versions to fork): the kit's tests run its suite under all three."""


def use_start_method_from_env() -> str:
    """Apply `$GRADER_MP_START` if set; return the start method the student's pools will use."""
    method = os.environ.get(START_METHOD_ENV)
    if method:
        multiprocessing.set_start_method(method, force=True)
    return multiprocessing.get_start_method()


class PoolSpy:
    """Records every `ProcessPoolExecutor` created while installed, and the worker processes that appear."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.pools: list[ProcessPoolExecutor] = []
        self._before = set(multiprocessing.active_children())
        original = ProcessPoolExecutor.__init__
        pools = self.pools

        def spy(pool: ProcessPoolExecutor, *args, **kwargs) -> None:
            pools.append(pool)
            original(pool, *args, **kwargs)

        # Patching the class reaches `from concurrent.futures import ProcessPoolExecutor` and subclasses alike.
        monkeypatch.setattr(ProcessPoolExecutor, "__init__", spy)

    def live_workers(self) -> list[BaseProcess]:
        """Child processes started since the spy was installed that are still alive."""
        return [p for p in multiprocessing.active_children() if p not in self._before]

    def clean_up(self) -> None:
        """Stop whatever the student left running, so that the next check starts from nothing."""
        for pool in self.pools:
            try:
                pool.shutdown(wait=False, cancel_futures=True)
            except Exception:  # a half-built or broken pool: its workers are killed below anyway
                pass
        for process in self.live_workers():
            process.kill()
        for process in self.live_workers():
            process.join(timeout=2)
