"""The channel between a suite's pytest process (our plugin) and the grader that judges it.

Student code runs inside that pytest process, so nothing it can print is trusted: events travel on a private
pipe, one JSON object per line, and each carries a nonce that the parent handed to the plugin on stdin (which
the plugin reads and closes before any student code runs). A line without the nonce is ignored.

Events, in order:
    {"event": "importing"}                      about to import the student's module
    {"event": "imported"}                       it imported cleanly
    {"event": "import_error", "outcome", "message", "location"}
    {"event": "collect_error", "message"}       pytest could not load the suite after the import
    {"event": "begin", "name"}                  a check starts
    {"event": "result", "name", "status", "message", "expected", "fix", "location", "duration", "printed"}
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from typing import Any

EVENTS_FD_ENV = "GRADER_EVENTS_FD"


@dataclass
class RunSetup:
    """What the parent tells the plugin, on stdin, before anything else happens."""

    nonce: str
    module: str
    """Dotted name of the student's module, e.g. `exercises.ex01_futures`."""
    root: str
    """The temporary submission root: the folder that holds the copied `exercises/`."""
    time_limit: float
    failed_before: list[str] = field(default_factory=list)
    """Checks that failed in an earlier process of the same grading (for dependencies)."""
    memory_limit: int | None = None
    """Bytes of address space the process may use, or None for no limit."""
    cgroup: str | None = None
    """A pids cgroup the parent made for this run, which the process joins before student code runs."""

    def to_json(self) -> str:
        return json.dumps(self.__dict__)

    @classmethod
    def from_json(cls, line: str) -> RunSetup:
        return cls(**json.loads(line))


class EventWriter:
    def __init__(self, fd: int, nonce: str) -> None:
        os.set_inheritable(fd, False)  # the student's subprocesses must not inherit our channel
        self._file = os.fdopen(fd, "w", buffering=1, encoding="utf-8")
        self._nonce = nonce
        # A fork (a process pool's worker, the student's os.fork) inherits the channel, and while any such child
        # holds it open the parent never sees it close when this process dies.
        os.register_at_fork(after_in_child=self._file.close)

    def send(self, event: str, **fields: Any) -> None:
        self._file.write(json.dumps({"nonce": self._nonce, "event": event, **fields}) + "\n")
        self._file.flush()


def parse_event(line: bytes, nonce: str) -> dict[str, Any] | None:
    """The event on `line`, or None for anything that is not a genuine event of this run."""
    try:
        data = json.loads(line)
    except (ValueError, RecursionError):  # "[[[[..." 100 kB deep, written to the channel by the student's code
        return None
    if not isinstance(data, dict) or data.get("nonce") != nonce or not isinstance(data.get("event"), str):
        return None
    return _encodable(data)


def _encodable(value: Any) -> Any:
    """`value` with every string made writable as UTF-8: what a student's code prints or puts in an exception may
    hold lone surrogates (`"\\udc80"`), which JSON carries but no UTF-8 file, terminal or pipe accepts."""
    if isinstance(value, str):
        return value.encode("utf-8", "replace").decode("utf-8")
    if isinstance(value, dict):
        return {key: _encodable(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_encodable(item) for item in value]
    return value
