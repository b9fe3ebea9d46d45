"""What the student's code prints during a check: passed on as ever, and the start of it kept for the verdict.

Beginners debug with `print`. The suite process runs with pytest's capture off (its output is only watched from
outside, for floods and for where a hung check was), so without this a failing check would never show what the
student printed to find out why. Only `sys.stdout` is watched: what a worker process or a file descriptor gets
written to directly is not the student's debugging output.
"""

from __future__ import annotations

import sys
import threading
from typing import Any, TextIO

KEPT = 2000
"""Characters kept per check: a few screens' lines, never the flood a print in a loop makes."""


class PrintedDuringCheck:
    """Stands in for `sys.stdout` during one check (`install`, then `uninstall`); what is written goes on to the
    stream it replaced, and the first `KEPT` characters are kept (`text`)."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._kept: list[str] = []
        self._room = KEPT
        self._more = 0
        # Reentrant: the check's time limit (SIGALRM) may interrupt a write in this thread and then read the text.
        self._lock = threading.RLock()

    @classmethod
    def install(cls) -> PrintedDuringCheck:
        printed = cls(sys.stdout)
        sys.stdout = printed  # type: ignore[assignment]
        return printed

    def uninstall(self) -> None:
        if sys.stdout is self:  # the student's code may have put its own stream there: then it stays theirs
            sys.stdout = self._stream

    def write(self, text: str) -> int:
        if isinstance(text, str):
            with self._lock:
                self._kept.append(text[: self._room])
                self._more += max(0, len(text) - self._room)
                self._room = max(0, self._room - len(text))
        return self._stream.write(text)

    def text(self) -> str:
        """What was printed so far, its first `KEPT` characters, and how much more there was."""
        with self._lock:
            kept = "".join(self._kept)
            more = self._more
        return kept + (f"\n… and {more} more character(s)" if more else "")

    def __getattr__(self, name: str) -> Any:  # flush, encoding, fileno, isatty...: the stream's own
        return getattr(self._stream, name)


SHOWN_LINES = 6
"""Lines of it that outputs show under a failure: enough for a debugging print, never a wall."""


def shown_lines(printed: str) -> list[str]:
    """The lines of `printed` to show (blank ones left out), and a last one saying how many more there were."""
    lines = [line.rstrip() for line in printed.splitlines() if line.strip()]
    more = len(lines) - SHOWN_LINES
    return lines[:SHOWN_LINES] + ([f"… and {more} more line(s)"] if more > 0 else [])
