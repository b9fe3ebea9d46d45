"""Every process of one suite run, from the parent's side: a pids cgroup that bounds and then kills them all, or,
where this machine lets no cgroup be made, the marker in their environment that finds what left the run's process
group. The run's process moves itself into its cgroup (`grader.sandbox.confine`).
"""

from __future__ import annotations

import contextlib
import itertools
import os
import signal
import threading
import time
from dataclasses import dataclass
from functools import cache
from pathlib import Path

PROCESS_LIMIT = max(64, 4 * (os.cpu_count() or 1) + 32)
"""Tasks (processes and threads) one suite run may have at once: room for a pool of one worker per core."""


@dataclass
class PidsCgroup:
    """A pids cgroup for one suite run, made by the parent; the run's process moves itself in
    (`grader.sandbox.confine`)."""

    path: Path

    _counter = itertools.count()
    _lock = threading.Lock()

    @classmethod
    def create(cls, limit: int = PROCESS_LIMIT) -> PidsCgroup | None:
        """A fresh cgroup allowing `limit` tasks, or None where this machine does not let us make one."""
        base = _cgroup_base()
        if base is None:
            return None
        with cls._lock:
            number = next(cls._counter)
        path = base / f"run-{os.getpid()}-{number}"
        try:
            path.mkdir()
            (path / "pids.max").write_text(str(limit))
        except OSError:
            return None
        return cls(path)

    def destroy(self) -> None:
        """Kill whatever still runs in the cgroup (forked, detached or not), then remove it."""
        _empty_and_remove(self.path)


def _empty_and_remove(path: Path, patience: float = 5.0) -> None:
    kill_file = path / "cgroup.kill"
    end = time.monotonic() + patience
    while time.monotonic() < end:
        try:
            pids = [int(p) for p in (path / "cgroup.procs").read_text().split()]
        except (OSError, ValueError):
            return
        if not pids:
            try:
                path.rmdir()
            except OSError:
                time.sleep(0.01)  # the last task is still leaving
                continue
            return
        if kill_file.exists():
            try:
                kill_file.write_text("1")
            except OSError:
                pass
        for pid in pids:
            try:
                os.kill(pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
        time.sleep(0.005)


@cache
def _cgroup_base() -> Path | None:
    """Where to make per-run pids cgroups: `asyncio-kit` under this process's own pids cgroup, if writable.

    Verified on cgroup v1 (a pids hierarchy of its own); the v2 path (our own cgroup when pids is delegated to
    it, else the root's, which only root may use) follows the kernel's documentation but was not run here.
    Any failure leaves the run without a cgroup, never without grading."""
    candidate = _pids_hierarchy()
    if candidate is None:
        return None
    base = candidate / "asyncio-kit"
    try:
        base.mkdir(exist_ok=True)
    except OSError:
        return None
    if not os.access(base, os.W_OK):
        return None
    _sweep_stale(base)
    return base


def _pids_hierarchy() -> Path | None:
    try:
        mounts = Path("/proc/self/mounts").read_text().splitlines()
        own = Path("/proc/self/cgroup").read_text().splitlines()
    except OSError:
        return None
    for line in mounts:  # cgroup v1: a hierarchy of its own for pids
        _, mount, fstype, options, *_ = line.split()
        if fstype == "cgroup" and "pids" in options.split(","):
            path = next((entry.split(":", 2)[2] for entry in own if "pids" in entry.split(":")[1].split(",")), "/")
            return Path(mount + path)
    for line in mounts:  # cgroup v2: our own cgroup if pids is delegated to its children, else the root (root)
        _, mount, fstype, *_ = line.split()
        if fstype == "cgroup2":
            path = next((entry.split(":", 2)[2] for entry in own if entry.startswith("0::")), "/")
            for folder in (Path(mount + path), Path(mount)):
                try:
                    if "pids" in (folder / "cgroup.subtree_control").read_text().split():
                        return folder
                except OSError:
                    continue
    return None


def _sweep_stale(base: Path) -> None:
    """Empty the cgroups of graders that died without cleaning up (a killed machine, SIGKILL)."""
    for path in base.glob("run-*-*"):
        owner = path.name.split("-")[1]
        if not owner.isdigit():  # not a run's (`PidsCgroup.create` names them): someone else's to remove
            continue
        if int(owner) != os.getpid() and not _alive(int(owner)):
            _empty_and_remove(path)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


RUN_MARKER_ENV = "GRADER_RUN"
"""The environment variable that marks every process of one suite run (`kill_marked`): the parent sets it, and
a fork, or a program the student's code starts, inherits it."""


def kill_marked(marker: str, patience: float = 2.0) -> None:
    """SIGKILL every process whose environment holds `GRADER_RUN=<marker>`, until none is left (or `patience` runs
    out): where no pids cgroup holds a run, what its student's code left in a session of its own (a double fork and
    `setsid`, a daemon) escapes the kill of the run's process group, and slept on for as long as it liked.

    A process's initial environment, which /proc shows, is the one it started with: a fork keeps it whatever the
    code does to `os.environ`. Code that starts a program with an emptied environment escapes this; that takes
    intent, which the cgroup alone stops. Linux only (elsewhere there is no /proc to look in).
    """
    needle = f"\0{RUN_MARKER_ENV}={marker}\0".encode()
    end = time.monotonic() + patience
    while True:
        found = []
        try:
            entries = [entry.name for entry in os.scandir("/proc") if entry.name.isdigit()]
        except OSError:
            return
        for pid in entries:
            try:
                with open(f"/proc/{pid}/environ", "rb") as file:
                    environment = b"\0" + file.read() + b"\0"
            except OSError:  # gone meanwhile, or another user's (not ours to kill either)
                continue
            if needle in environment:
                found.append(int(pid))
        for pid in found:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(pid, signal.SIGKILL)
        if not found or time.monotonic() > end:
            return
        time.sleep(0.01)  # let the killed go before looking again: what they forked meanwhile is found then
