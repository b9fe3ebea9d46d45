"""Confine a suite's pytest process, as far as the OS allows, before any student code runs in it.

Student code may fork without end, allocate without end, write anywhere its user may, open sockets, or signal
the grader itself. The parent already kills the whole process group when a check overruns; these layers bound
what can happen before that, each applied where this machine permits it and skipped quietly where it does not:

    processes   a pids cgroup that the parent makes for the run (`grader.run_processes`; needs a writable
                cgroup hierarchy with the pids controller: root on cgroup v1, or v2 with pids enabled); else,
                for a non-root user, RLIMIT_NPROC inside a user namespace of the run's own (the kernel counts
                it per namespace, so one student's fork bomb cannot starve another's pool). RLIMIT_NPROC alone
                does nothing for root, and a plain per-user limit would be shared by every run at once.
    network     a new, empty network namespace (root; a non-root user gets one with the user namespace), on
                top of pytest-socket, which does not reach child processes.
    filesystem  Landlock (Linux 5.13+, unprivileged): new writes only inside the run's workspace, /dev/shm
                (multiprocessing's semaphores) and /dev/null; from Landlock ABI 4 no TCP connect or bind; from
                ABI 6 no signals to processes outside the run (the grader, other students' runs).
    reads       the same Landlock ruleset: reads only of the system, Python, the grader package and the workspace
                (`grader.readable`), not of the kit's solutions, the other students' files or the gradebook.
    attributes  a seccomp filter (`grader.syscall_filter`): chmod and chown do nothing, utime and xattr calls are
                refused; Landlock does not govern them: a grader's output folder made unwritable, solutions opened.
    privileges  every capability dropped, from the bounding set too (root), so no `exec` brings one back: a root
                run could otherwise set the immutable flag on the grader's output folder (CAP_LINUX_IMMUTABLE,
                which Landlock does not cover) and cost a whole class its gradebook, or renice the grader.
    resources   RLIMIT_AS (memory), RLIMIT_CPU (a backstop for processes that leave the group), RLIMIT_FSIZE,
                RLIMIT_NOFILE (a leak of open files ends in a tenth of a second, not after a million of them
                where the limit is that high), no core files.
    orphans     the suite's process dies with its parent (PR_SET_PDEATHSIG): the grader thread that started
                it, or the fork server (`grader.fork_server`), which ends with the grader; so a grader killed
                outright does not leave it running; the cgroups of a dead grader are emptied
                by the next one. Without a cgroup, what a run left in a session of its own is found by
                the marker in its environment (`grader.run_processes.kill_marked`).

Output size is limited by the parent, which reads it (`suite_events.OUTPUT_LIMIT`). `python -m grader.sandbox`
prints which layers this machine grants.
"""

from __future__ import annotations

import ctypes
import json
import os
import resource
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
from functools import cache

from grader import syscall_filter
from grader.readable import Readable, readable
from grader.run_processes import PROCESS_LIMIT, PidsCgroup

CPU_SECONDS = 120
FILE_BYTES = 64 * 1024**2
OPEN_FILES = 4096
"""Four times the usual default: room for a pool's pipes and a few hundred mocked connections."""
WRITABLE_DEVICES = ("/dev/shm", "/dev/null")

_CLONE_NEWUSER = 0x10000000
_CLONE_NEWNET = 0x40000000
_PR_SET_PDEATHSIG = 1
_PR_SET_NO_NEW_PRIVS = 38
_PR_CAPBSET_DROP = 24
_PR_CAP_AMBIENT, _PR_CAP_AMBIENT_CLEAR_ALL = 47, 4
_LINUX_CAPABILITY_VERSION_3 = 0x20080522
# Landlock's system calls have the same numbers on every Linux architecture but alpha.
_LANDLOCK_CREATE_RULESET, _LANDLOCK_ADD_RULE, _LANDLOCK_RESTRICT_SELF = 444, 445, 446
_LANDLOCK_CREATE_RULESET_VERSION = 1
_LANDLOCK_RULE_PATH_BENEATH = 1
_FS_EXECUTE, _FS_WRITE_FILE, _FS_READ_FILE, _FS_READ_DIR = 1 << 0, 1 << 1, 1 << 2, 1 << 3
_FS_READS = _FS_EXECUTE | _FS_READ_FILE | _FS_READ_DIR
_FS_WRITES = sum(1 << bit for bit in (1, 4, 5, 6, 7, 8, 9, 10, 11, 12))
"""WRITE_FILE, REMOVE_DIR, REMOVE_FILE and MAKE_{CHAR,DIR,REG,SOCK,FIFO,BLOCK,SYM}; reads: _FS_READS."""
_FS_REFER, _FS_TRUNCATE = 1 << 13, 1 << 14
_FS_FILE_ACCESS = _FS_EXECUTE | _FS_WRITE_FILE | _FS_READ_FILE | _FS_TRUNCATE
"""What a rule on a file, not a folder, may grant."""
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
    _set_limit(resource.RLIMIT_NOFILE, OPEN_FILES)
    if memory_limit:
        _set_limit(resource.RLIMIT_AS, memory_limit)
    applied.append("resources:rlimit")
    applied += _landlock([workspace, *WRITABLE_DEVICES], _readable())
    if _drop_capabilities():
        applied.append("privileges:capabilities")
    if libc is not None and syscall_filter.install(libc):
        applied.append("attributes:seccomp")
    return applied


def _drop_capabilities() -> bool:
    """Drop every capability this process has, and every one an `exec` could give back; True when it had some and
    holds none now. Last, after the layers that need them (a network namespace needs CAP_SYS_ADMIN)."""
    libc = _libc()
    if libc is None or not _capabilities():
        return False
    try:
        with open("/proc/sys/kernel/cap_last_cap") as file:
            last = int(file.read())
    except (OSError, ValueError):
        last = 63
    for capability in range(last + 1):
        libc.prctl(_PR_CAPBSET_DROP, capability, 0, 0, 0)  # fails for one the kernel does not know: nothing to drop
    libc.prctl(_PR_CAP_AMBIENT, _PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0)
    header = _CapHeader(_LINUX_CAPABILITY_VERSION_3, 0)
    none = (_CapData * 2)()
    if libc.capset(ctypes.byref(header), none) != 0:
        return False
    return not _capabilities()


def _capabilities() -> bool:
    """Whether this process holds any capability (effective, permitted or in its bounding set)."""
    try:
        with open("/proc/self/status") as file:
            fields = dict(line.split(":", 1) for line in file if line.startswith("Cap"))
    except OSError:
        return False
    return any(int(fields.get(name, "0"), 16) for name in ("CapEff", "CapPrm", "CapBnd"))


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


class _CapHeader(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]


class _CapData(ctypes.Structure):
    _fields_ = [("effective", ctypes.c_uint32), ("permitted", ctypes.c_uint32), ("inheritable", ctypes.c_uint32)]


def landlock_abi() -> int:
    """The Landlock ABI version this kernel offers, 0 when it offers none."""
    libc = _libc()
    if libc is None:
        return 0
    version = libc.syscall(_LANDLOCK_CREATE_RULESET, None, ctypes.c_size_t(0), _LANDLOCK_CREATE_RULESET_VERSION)
    return max(version, 0)


def _readable() -> Readable | None:
    try:
        return readable()
    except Exception:  # reads stay open rather than the grading failing: the other layers still hold
        return None


def _landlock(writable: list[str], readable: Readable | None) -> list[str]:
    abi = landlock_abi()
    if abi < 1:
        return []
    libc = _libc()
    handled = _FS_WRITES | (_FS_REFER if abi >= 2 else 0) | (_FS_TRUNCATE if abi >= 3 else 0)
    size, layers = 8, ["filesystem:landlock"]
    if readable is not None:
        handled |= _FS_READS
        layers.append("reads:landlock")
    attr = _RulesetAttr(handled, 0, 0)
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
        grants = [(path, handled) for path in writable]
        if readable is not None:
            grants += [(path, _FS_READS) for path in readable.trees]
            grants += [(path, _FS_READ_DIR) for path in readable.listings]
        for path, access in grants:
            _allow(ruleset, path, access)
        if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
            return []
        if libc.syscall(_LANDLOCK_RESTRICT_SELF, ruleset, 0) != 0:
            return []
    finally:
        os.close(ruleset)
    return layers


def _allow(ruleset: int, path: str, access: int) -> None:
    """Grant `access` beneath `path` (on it alone, for a file); nothing for a path that is not there."""
    try:
        fd = os.open(path, os.O_PATH | os.O_CLOEXEC)
    except OSError:
        return
    try:
        if not stat.S_ISDIR(os.fstat(fd).st_mode):
            access &= _FS_FILE_ACCESS
        if access:
            rule = _PathBeneathAttr(access, fd)
            _libc().syscall(_LANDLOCK_ADD_RULE, ruleset, _LANDLOCK_RULE_PATH_BENEATH, ctypes.byref(rule), 0)
    finally:
        os.close(fd)


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
    missing = [name for name in ("processes", "network", "filesystem", "reads", "signals", "attributes")
               if name not in names]  # fmt: skip
    text = "isolation: " + ", ".join(layers)
    if missing:
        text += f" (not available here: {', '.join(missing)})"
    return text


if __name__ == "__main__":
    print(json.dumps(probe(), indent=2))
