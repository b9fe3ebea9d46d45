"""What feeds `grader watch`'s queue besides its gradings: the file watcher and the keyboard, each a daemon thread.

Neither draws anything: each turns what it sees into an `Event` on the session's queue, and the session's main
thread decides what to do with it (`grader.watch`).
"""

from __future__ import annotations

import contextlib
import os
import queue
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

STEP_MS = 50
"""A save is graded once its file has been quiet this long (editors write in several steps)."""
POLL_DELAY_MS = 150
"""How often the polling fallback looks at the files."""
QUIET_MS = 300
"""The file watcher reports in at least this often. Each quiet report, the current file is compared with the one
last graded: the polling fallback misses saves made soon after it starts (it notices only later changes), and
no event source is perfect, so this is what makes "saved, so graded" hold."""


@dataclass
class Event:
    kind: str
    """quiet | changed | key | graded | failed | watcher_failed"""
    value: Any = None


def start_file_watcher(folder: Path, events: queue.Queue[Event], stop: threading.Event, poll: bool | None) -> None:
    """Report the saves in `folder` as "changed" events (the names of the files), and each quiet spell as a "quiet"
    one, until `stop` is set; a watcher that fails reports "watcher_failed" with the error and `poll`."""

    def work() -> None:
        import watchfiles

        try:
            for changes in watchfiles.watch(
                folder, stop_event=stop, step=STEP_MS, recursive=False, force_polling=poll,
                poll_delay_ms=POLL_DELAY_MS, raise_interrupt=False, rust_timeout=QUIET_MS, yield_on_timeout=True,
            ):  # fmt: skip
                if not changes:  # a quiet spell: a save that no event reported is graded now
                    events.put(Event("quiet"))
                else:
                    events.put(Event("changed", {Path(path).name for _, path in changes}))
        except Exception as exc:  # e.g. the system's limit on inotify watches: fall back to polling
            if not stop.is_set():
                events.put(Event("watcher_failed", (exc, poll)))

    threading.Thread(target=work, name="file-watcher", daemon=True).start()


@contextlib.contextmanager
def keyboard(events: queue.Queue[Event], stop: threading.Event) -> Iterator[bool]:
    """Single-key commands while stdin is a terminal: no Enter needed, nothing echoed, Ctrl-C still works. Each key
    is a "key" event until `stop` is set; yields whether keys are read at all."""
    try:
        import termios
        import tty

        descriptor = sys.stdin.fileno()
        if not os.isatty(descriptor):
            raise OSError("stdin is not a terminal")
        saved = termios.tcgetattr(descriptor)
        tty.setcbreak(descriptor)
    except (ImportError, OSError, ValueError, AttributeError):
        yield False
        return

    def work() -> None:
        while not stop.is_set():
            try:
                key = os.read(descriptor, 1)
            except OSError:
                return
            if not key:
                return
            events.put(Event("key", key.decode(errors="replace")))

    threading.Thread(target=work, name="keyboard", daemon=True).start()
    try:
        yield True
    finally:
        with contextlib.suppress(termios.error, OSError):  # a closed terminal (SIGHUP) has no settings to restore
            termios.tcsetattr(descriptor, termios.TCSADRAIN, saved)
