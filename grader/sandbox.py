"""Confine a suite's pytest process, as far as the OS allows, before any student code runs in it.

Student code may fork without end, allocate without end, write anywhere its user may, open sockets, or signal
the grader itself. The parent already kills the whole process group when a check overruns; these layers bound
what can happen before that, each applied where this machine permits it and skipped quietly where it does not:

    processes   a pids cgroup that the parent makes for the run (needs a writable cgroup hierarchy with the
                pids controller: root on cgroup v1, or v2 with pids enabled); else, for a non-root user,
                RLIMIT_NPROC inside a user namespace of the run's own (the kernel counts it per namespace, so
                one student's fork bomb cannot starve another's pool). RLIMIT_NPROC alone does nothing for
                root, and a plain per-user limit would be shared by every run at once.
    network     a new, empty network namespace (root; a non-root user gets one with the user namespace), on
                top of pytest-socket, which does not reach child processes.
    filesystem  Landlock (Linux 5.13+, unprivileged): new writes only inside the run's workspace, /dev/shm
                (multiprocessing's semaphores) and /dev/null; from Landlock ABI 4 no TCP connect or bind; from
                ABI 6 no signals to processes outside the run (the grader, other students' runs).
    resources   RLIMIT_AS (memory), RLIMIT_CPU (a backstop for processes that leave the group), RLIMIT_FSIZE,
                no core files.
    orphans     the suite's process dies with the grader thread that started it (PR_SET_PDEATHSIG), so a
                grader killed outright does not leave it running; the cgroups of a dead grader are emptied
                by the next one. Without a cgroup, what a run left in a session of its own is found by
                the marker in its environment (`kill_marked`).

Output size is limited by the parent, which reads it (`suite_events.OUTPUT_LIMIT`). `python -m grader.sandbox`
prints which layers this machine grants.
"""

from __future__ import annotations

import contextlib
import ctypes
import itertools
import json
import os
import resource
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from functools import cache
from pathlib import Path

PROCESS_LIMIT = max(64, 4 * (os.cpu_count() or 1) + 32)
"""Tasks (processes and threads) one suite run may have at once: room for a pool of one worker per core."""
CPU_SECONDS = 120
FILE_BYTES = 64 * 1024**2
WRITABLE_DEVICES = ("/dev/shm", "/dev/null")

_CLONE_NEWUSER = 0x10000000
_CLONE_NEWNET = 0x40000000
_PR_SET_PDEATHSIG = 1
_PR_SET_NO_NEW_PRIVS = 38
# Landlock's system calls have the same numbers on every Linux architecture but alpha.
_LANDLOCK_CREATE_RULESET, _LANDLOCK_ADD_RULE, _LANDLOCK_RESTRICT_SELF = 444, 445, 446
_LANDLOCK_CREATE_RULESET_VERSION = 1
_LANDLOCK_RULE_PATH_BENEATH = 1
_FS_WRITE_FILE = 1 << 1
_FS_WRITES = sum(1 << bit for bit in (1, 4, 5, 6, 7, 8, 9, 10, 11, 12))
"""WRITE_FILE, REMOVE_DIR, REMOVE_FILE and MAKE_{CHAR,DIR,REG,SOCK,FIFO,BLOCK,SYM}; reading stays allowed."""
_FS_REFER, _FS_TRUNCATE = 1 << 13, 1 << 14
_NET_BIND_TCP, _NET_CONNECT_TCP = 1 << 0, 1 << 1
_SCOPE_ABSTRACT_UNIX_SOCKET, _SCOPE_SIGNAL = 1 << 0, 1 << 1


class _RulesetAttr(ctypes.Structure):
    _fields_ = (("handled_access_fs", ctypes.c_uint64), ("handled_access_net", ctypes.c_uint64),
                ("scoped", ctypes.c_uint64))  # fmt: skip


class _PathBeneathAttr(ctypes.Structure):
    _pack_ = 1
    _fields_ = (("allowed_access", ctypes.c_uint64), ("parent_fd", ctypes.c_int32))


@cache
def _libc() -> ctypes.CDLL | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(None, use_errno=True)
    except OSError:
        return None


def confine(workspace: str, cgroup: str | None = None, memory_limit: int | None = None) -> list[str]:
    """Apply every layer this process may take; return the names of those that took effect.

    Call it in the process that will run student code, while it has one thread, before that code runs.
    """
    applied = []
    libc = _libc()
    if libc is not None and libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0:
        applied.append("orphans:pdeathsig")  # a grader killed outright (SIGKILL, OOM) takes its suites along
    in_cgroup = bool(cgroup) and _join_cgroup(cgroup)
    if in_cgroup:
        applied.append("processes:cgroup")
    if os.geteuid() == 0:
        if _unshare(_CLONE_NEWNET):
            applied.append("network:namespace")
    elif _enter_user_namespace():
        applied.append("network:namespace")
        if not in_cgroup and _set_limit(resource.RLIMIT_NPROC, PROCESS_LIMIT):
            applied.append("processes:rlimit")
    _set_limit(resource.RLIMIT_CORE, 0)
    _set_limit(resource.RLIMIT_CPU, CPU_SECONDS)
    _set_limit(resource.RLIMIT_FSIZE, FILE_BYTES)
    if memory_limit:
        _set_limit(resource.RLIMIT_AS, memory_limit)
    applied.append("resources:rlimit")
    applied += _landlock([workspace, *WRITABLE_DEVICES])
    return applied


def _set_limit(which: int, value: int) -> bool:
    """Soft and hard limit both: student code may not raise it again."""
    _, hard = resource.getrlimit(which)
    if hard != resource.RLIM_INFINITY:
        value = min(value, hard)
    try:
        resource.setrlimit(which, (value, value))
    except (ValueError, OSError):
        return False
    return True


def _join_cgroup(path: str) -> bool:
    try:
        with open(os.path.join(path, "cgroup.procs"), "w") as procs:
            procs.write(str(os.getpid()))
    except OSError:
        return False
    return True


def _unshare(flags: int) -> bool:
    libc = _libc()
    return libc is not None and libc.unshare(flags) == 0


def _enter_user_namespace() -> bool:
    """A user and network namespace of our own, with our own uid and gid mapped to themselves."""
    uid, gid = os.getuid(), os.getgid()
    if not _unshare(_CLONE_NEWUSER | _CLONE_NEWNET):
        return False
    try:
        for name, text in (("setgroups", "deny"), ("uid_map", f"{uid} {uid} 1"), ("gid_map", f"{gid} {gid} 1")):
            with open(f"/proc/self/{name}", "w") as file:
                file.write(text)
    except OSError:
        pass  # unmapped ids only change what os.getuid() says inside; access checks use the real ids
    return True


def landlock_abi() -> int:
    """The Landlock ABI version this kernel offers, 0 when it offers none."""
    libc = _libc()
    if libc is None:
        return 0
    version = libc.syscall(_LANDLOCK_CREATE_RULESET, None, ctypes.c_size_t(0), _LANDLOCK_CREATE_RULESET_VERSION)
    return max(version, 0)


def _landlock(writable: list[str]) -> list[str]:
    abi = landlock_abi()
    if abi < 1:
        return []
    libc = _libc()
    handled = _FS_WRITES | (_FS_REFER if abi >= 2 else 0) | (_FS_TRUNCATE if abi >= 3 else 0)
    attr = _RulesetAttr(handled, 0, 0)
    size, layers = 8, ["filesystem:landlock"]
    if abi >= 4:
        attr.handled_access_net, size = _NET_BIND_TCP | _NET_CONNECT_TCP, 16
        layers.append("network:landlock")
    if abi >= 6:
        attr.scoped, size = _SCOPE_SIGNAL | _SCOPE_ABSTRACT_UNIX_SOCKET, 24
        layers.append("signals:landlock")
    ruleset = libc.syscall(_LANDLOCK_CREATE_RULESET, ctypes.byref(attr), ctypes.c_size_t(size), 0)
    if ruleset < 0:
        return []
    try:
        for path in writable:
            try:
                fd = os.open(path, os.O_PATH | os.O_CLOEXEC)
            except OSError:
                continue
            try:
                is_dir = stat.S_ISDIR(os.fstat(fd).st_mode)
                allowed = handled if is_dir else handled & (_FS_WRITE_FILE | _FS_TRUNCATE)
                rule = _PathBeneathAttr(allowed, fd)
                libc.syscall(_LANDLOCK_ADD_RULE, ruleset, _LANDLOCK_RULE_PATH_BENEATH, ctypes.byref(rule), 0)
            finally:
                os.close(fd)
        if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
            return []
        if libc.syscall(_LANDLOCK_RESTRICT_SELF, ruleset, 0) != 0:
            return []
    finally:
        os.close(ruleset)
    return layers


@dataclass
class PidsCgroup:
    """A pids cgroup for one suite run, made by the parent; the run's process moves itself in (`confine`)."""

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


def probe() -> dict[str, object]:
    """Which layers a suite run gets on this machine: confines a throwaway Python process and asks it."""
    workspace = tempfile.mkdtemp(prefix="grader-probe-")
    cgroup = PidsCgroup.create()
    code = "import json, sys; from grader.sandbox import confine; print(json.dumps(confine(*sys.argv[1:])))"
    args = [workspace, str(cgroup.path)] if cgroup else [workspace]
    try:
        done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=30)
        layers = json.loads(done.stdout or "[]")
    except (subprocess.SubprocessError, ValueError):
        layers = []
    finally:
        if cgroup:
            cgroup.destroy()
        shutil.rmtree(workspace, ignore_errors=True)
    return {
        "layers": layers,
        "landlock_abi": landlock_abi(),
        "process_limit": PROCESS_LIMIT if any(layer.startswith("processes:") for layer in layers) else None,
    }


def describe(report: dict[str, object]) -> str:
    """One line for instructors: which protections are in force."""
    layers = report["layers"]
    names = {layer.split(":")[0] for layer in layers}
    missing = [name for name in ("processes", "network", "filesystem", "signals") if name not in names]
    text = "isolation: " + ", ".join(layers)
    if missing:
        text += f" (not available here: {', '.join(missing)})"
    return text


if __name__ == "__main__":
    print(json.dumps(probe(), indent=2))
