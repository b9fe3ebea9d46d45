"""The sandbox's layers hold on this machine: each test confines a throwaway Python process and attacks it.

A layer this machine does not grant (see `python -m grader.sandbox`) is skipped, saying so.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import pytest
from classroom import KIT, layer_names

from grader.catalog import SUITES_DIR
from grader.run_processes import PROCESS_LIMIT, PidsCgroup, _sweep_stale
from grader.sandbox import probe

REPORT = probe()
LAYERS = set(REPORT["layers"])
NAMES = layer_names(REPORT)


def needs(layer: str):
    return pytest.mark.skipif(layer not in LAYERS and layer not in NAMES, reason=f"this machine grants no {layer}")


_GROUPS: list[int] = []


@pytest.fixture(autouse=True)
def _kill_what_the_code_left():
    """As the runner does: the confined process leads a process group, killed when the test ends (a fork bomb's
    sleepers would otherwise outlive the test where no cgroup holds them)."""
    yield
    while _GROUPS:
        try:
            os.killpg(_GROUPS.pop(), signal.SIGKILL)
        except ProcessLookupError:
            pass


def confined(workspace, code: str, cgroup: PidsCgroup | None = None, timeout: float = 30) -> dict:
    """Run `code` in a Python process confined to `workspace`; the code sets `result`, returned as JSON."""
    script = "import json, sys\nfrom grader.sandbox import confine\n"
    script += "layers = confine(sys.argv[1], sys.argv[2] or None, 3 * 1024**3)\nresult = {}\n"
    script += textwrap.dedent(code) + "\nopen('result.json', 'w').write(json.dumps({'layers': layers, **result}))\n"
    # Output goes to files: processes the code leaves behind would keep a pipe open, and `run` would wait on it.
    with open(workspace / "stderr.txt", "w") as stderr:
        proc = subprocess.Popen(
            [sys.executable, "-c", script, str(workspace), str(cgroup.path) if cgroup else ""],
            stdin=subprocess.DEVNULL, stdout=stderr, stderr=stderr, cwd=workspace, start_new_session=True,
        )  # fmt: skip
        _GROUPS.append(proc.pid)
        returncode = proc.wait(timeout=timeout)
    assert returncode == 0, (workspace / "stderr.txt").read_text()
    return json.loads((workspace / "result.json").read_text())


@needs("filesystem:landlock")
def test_writes_only_inside_the_workspace(tmp_path):
    workspace, outside = tmp_path / "workspace", tmp_path / "outside"
    workspace.mkdir()
    outside.mkdir()
    (outside / "grades.csv").write_text("original\n")
    result = confined(
        workspace,
        f"""
        import os
        def attempt(action):
            try:
                action()
                return "allowed"
            except OSError as exc:
                return type(exc).__name__
        result["inside"] = attempt(lambda: open("inside.txt", "w").write("x"))
        result["devnull"] = attempt(lambda: open("/dev/null", "w").write("x"))
        result["new_file"] = attempt(lambda: open({str(outside / "new.txt")!r}, "w").write("x"))
        result["overwrite"] = attempt(lambda: open({str(outside / "grades.csv")!r}, "w").write("x"))
        result["remove"] = attempt(lambda: os.remove({str(outside / "grades.csv")!r}))
        result["tmp"] = attempt(lambda: open("/tmp/grader-sandbox-test-escape", "w").write("x"))
    """,
    )
    assert result["inside"] == result["devnull"] == "allowed"
    assert result["new_file"] == result["overwrite"] == result["remove"] == result["tmp"] == "PermissionError"
    assert (outside / "grades.csv").read_text() == "original\n"
    assert not (outside / "new.txt").exists() and not os.path.exists("/tmp/grader-sandbox-test-escape")


@needs("reads")
def test_reads_only_python_the_grader_and_the_workspace(tmp_path):
    """Student code may not read the kit's solutions beside the grader, nor another student's files, and still
    imports what the suites import and starts process pools of every kind."""
    # A short path, as the runner's are: a forkserver's socket goes to the workspace, and a Unix socket's path
    # may not be longer than 107 bytes (the one in tmp_path would be, under xdist).
    workspace, classmate = Path(tempfile.mkdtemp(prefix="grader-test-")), tmp_path / "classmate"
    classmate.mkdir()
    (classmate / "ex01_futures.py").write_text("ANSWER = 42\n")
    (workspace / "mine.txt").write_text("mine\n")
    result = confined(
        workspace,
        f"""
        import os
        def attempt(action):
            try:
                action()
                return "allowed"
            except OSError as exc:
                return type(exc).__name__
        result["classmate"] = attempt(lambda: open({str(classmate / "ex01_futures.py")!r}).read())
        result["solution"] = attempt(lambda: open({str(KIT / "solutions" / "ex01_futures.py")!r}).read())
        result["kit_tests"] = attempt(lambda: os.listdir({str(KIT / "tests")!r}))
        result["own"] = attempt(lambda: open("mine.txt").read())
        result["suite"] = attempt(lambda: open({str(SUITES_DIR / "test_ex01_futures.py")!r}).read())
        import aiohttp, aioresponses, freezegun, requests, requests_mock, ssl
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor
        for method in multiprocessing.get_all_start_methods():
            with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context(method)) as pool:
                result[method] = pool.submit(abs, -3).result(timeout=20)
    """,
    )
    shutil.rmtree(workspace)
    kit_is_checkout = (KIT / "pyproject.toml").is_file()
    assert result["classmate"] == "PermissionError", result
    assert result["solution"] == result["kit_tests"] == ("PermissionError" if kit_is_checkout else "FileNotFoundError")
    assert result["own"] == result["suite"] == "allowed", result
    assert all(result[method] == 3 for method in ("fork", "forkserver", "spawn") if method in result), result


@needs("network")
def test_no_network_not_even_loopback(tmp_path):
    with socket.create_server(("127.0.0.1", 0)) as server:
        port = server.getsockname()[1]
        result = confined(
            tmp_path,
            f"""
            import socket
            try:
                socket.create_connection(("127.0.0.1", {port}), timeout=2).close()
                result["connect"] = "connected"
            except OSError as exc:
                result["connect"] = type(exc).__name__
        """,
        )
    assert result["connect"] != "connected"


@needs("signals")
def test_cannot_signal_processes_outside(tmp_path):
    victim = subprocess.Popen(["sleep", "30"])
    try:
        result = confined(
            tmp_path,
            f"""
            import os, signal
            outcome = {{}}
            for name, pid in (("victim", {victim.pid}), ("parent", os.getppid())):
                try:
                    os.kill(pid, signal.SIGKILL)
                    outcome[name] = "sent"
                except OSError as exc:
                    outcome[name] = type(exc).__name__
            result.update(outcome)
        """,
        )
        assert result == {"layers": result["layers"], "victim": "PermissionError", "parent": "PermissionError"}
        assert victim.poll() is None
    finally:
        victim.kill()
        victim.wait()


@needs("privileges")
def test_no_capability_is_left_not_even_for_a_program_it_runs(tmp_path):
    """Run as root, the code could set the immutable flag on the grader's output folder (CAP_LINUX_IMMUTABLE, which
    Landlock does not cover) and cost a whole class its gradebook."""
    workspace = tmp_path / "ws"
    outside = workspace / "out"  # beyond it the code could not even open the folder (Landlock, for reads)
    outside.mkdir(parents=True)
    result = confined(
        workspace,
        f"""
        import fcntl, os, struct, subprocess
        fd = os.open({str(outside)!r}, os.O_RDONLY)
        try:
            fcntl.ioctl(fd, 0x40086602, struct.pack("l", 0x10))  # FS_IOC_SETFLAGS, FS_IMMUTABLE_FL
            result["immutable"] = "set"
        except OSError as exc:
            result["immutable"] = type(exc).__name__
        status = subprocess.run(["cat", "/proc/self/status"], capture_output=True, text=True).stdout
        result["child"] = [line.split()[1] for line in status.splitlines() if line.startswith(("CapEff", "CapBnd"))]
    """,
    )
    assert result["immutable"] == "PermissionError" and result["child"] == ["0" * 16] * 2, result


def test_ten_gigabytes_is_a_memory_error(tmp_path):
    result = confined(
        tmp_path,
        """
        try:
            bytearray(10 * 1024**3)
            result["allocation"] = "allowed"
        except MemoryError:
            result["allocation"] = "MemoryError"
    """,
    )
    assert result["allocation"] == "MemoryError"


@needs("processes")
def test_fork_bomb_is_bounded_and_cleaned_up(tmp_path):
    cgroup = PidsCgroup.create()
    started = time.monotonic()
    try:
        result = confined(tmp_path, """
            import os, time
            forked = failures = 0
            while failures < 50:
                try:
                    if os.fork() == 0:
                        while True:
                            time.sleep(60)
                    forked += 1
                except OSError:
                    failures += 1
            result["forked"] = forked
        """, cgroup=cgroup)  # fmt: skip
        assert 0 < result["forked"] < PROCESS_LIMIT
        if cgroup:  # the sleepers outlived their parent: the cgroup still holds them
            pids = (cgroup.path / "cgroup.procs").read_text().split()
            assert len(pids) == result["forked"]
    finally:
        if cgroup:
            cgroup.destroy()
    assert time.monotonic() - started < 20
    if cgroup:
        assert not cgroup.path.exists()


@needs("processes:cgroup")
def test_destroying_the_cgroup_kills_processes_that_left_the_group(tmp_path):
    cgroup = PidsCgroup.create()
    result = confined(tmp_path, """
        import os, time
        pid = os.fork()
        if pid == 0:
            os.setsid()
            while True:
                time.sleep(60)
        result["escaped"] = pid
    """, cgroup=cgroup)  # fmt: skip
    escaped = result["escaped"]
    os.kill(escaped, 0)  # alive, in a session of its own
    cgroup.destroy()
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        try:
            os.kill(escaped, 0)
        except ProcessLookupError:
            break
        time.sleep(0.05)
    else:
        os.kill(escaped, signal.SIGKILL)
        pytest.fail("the escaped process survived the cgroup")


def test_a_folder_no_run_made_does_not_stop_the_sweep_of_stale_cgroups(tmp_path):
    # The sweep runs before a suite's first start; "any failure leaves the run without a cgroup, never without
    # grading", so a folder of another name under the kit's cgroup must not raise there.
    (tmp_path / "run-backup-1").mkdir()
    _sweep_stale(tmp_path)
    assert (tmp_path / "run-backup-1").is_dir()


def test_what_is_readable_leaves_out_the_kit_but_not_a_virtual_environment_made_in_it(tmp_path, monkeypatch):
    from grader import readable

    kit, other = tmp_path / "kit", tmp_path / "other"
    for path in ("pyproject.toml", "solutions/ex01.py", "tests/t.py", ".git/HEAD", ".venv/lib/site.py", "docs/a.md"):
        (kit / path).parent.mkdir(parents=True, exist_ok=True)
        (kit / path).write_text("")
    (other / "lib").mkdir(parents=True)
    roots = {str(tmp_path), str(kit / ".venv"), str(kit / "solutions"), "/usr"}  # tmp_path: a PYTHONPATH entry
    monkeypatch.setattr(readable, "_kit_checkout", lambda: str(kit))
    monkeypatch.setattr(readable, "_python_and_system", lambda: roots)
    found = readable.readable()
    assert str(kit / ".venv") in found.trees and str(other) in found.trees and "/usr" in found.trees
    assert str(tmp_path) in found.listings
    hidden = [kit / "solutions", kit / "tests", kit / ".git", kit / "docs"]
    granted = [Path(path) for path in found.trees]
    assert not [path for path in granted for folder in hidden if path == folder or folder in path.parents]
    assert str(kit) not in found.trees
    assert "/etc/shadow" not in found.trees and "/dev/null" in found.trees and "/dev" not in found.trees


@needs("attributes")
def test_modes_owners_timestamps_and_attributes_stay_as_they_were(tmp_path):
    """Landlock does not govern chmod: student code could make the grader's output folder unwritable to it, open
    the solutions to every local user, or (as root) set the setuid bit on root's programs."""
    outside, workspace = tmp_path / "out", tmp_path / "ws"
    workspace.mkdir()
    outside.mkdir()
    target = outside / "grades.csv"
    target.write_text("")
    before, folder = target.stat(), outside.stat().st_mode
    result = confined(
        workspace,
        f"""
        import os, subprocess
        target = {str(target)!r}
        for name, call in [("chmod", lambda: os.chmod(target, 0o4777)), ("utime", lambda: os.utime(target, (0, 0))),
                           ("touch", lambda: __import__("pathlib").Path("made.txt").touch()),
                           ("xattr", lambda: os.setxattr(target, "user.planted", b"1")),
                           ("folder", lambda: os.chmod({str(outside)!r}, 0))]:
            try:
                call()
            except OSError as exc:
                result[name] = type(exc).__name__
        result["child"] = subprocess.run(["chmod", "000", target]).returncode
    """,
    )
    after = target.stat()
    assert (after.st_mode, after.st_mtime_ns) == (before.st_mode, before.st_mtime_ns), result
    assert os.listxattr(target) == [] and outside.stat().st_mode == folder
    assert (workspace / "made.txt").is_file()  # Path.touch still makes a file: its utime fails, then it opens one


def _run_filter(code: list[tuple[int, int, int, int]], arch: int, number: int) -> int:
    """What the seccomp filter `code` returns for a call `number` of `arch`: the kernel's BPF, for its four opcodes."""
    accumulator, pc = 0, 0
    while True:
        op, jump_true, jump_false, k = code[pc]
        if op == 0x20:  # load a word of seccomp_data: the call's number at 0, its architecture at 4
            accumulator = {0: number, 4: arch}[k]
        elif op in (0x15, 0x35):  # jump if equal / at least
            taken = accumulator == k if op == 0x15 else accumulator >= k
            pc += jump_true if taken else jump_false
        else:
            return k
        pc += 1


@pytest.mark.parametrize(
    ("machine", "arch", "calls"),
    [
        ("x86_64", 0xC000003E, {90: "ignored", 268: "ignored", 280: "EPERM", 188: "EPERM", 0: "allowed"}),
        ("aarch64", 0xC00000B7, {53: "ignored", 55: "ignored", 88: "EPERM", 5: "EPERM", 63: "allowed", 221: "allowed"}),
    ],
)
def test_the_attribute_filter_ignores_mode_changes_refuses_timestamps_and_foreign_calls(machine, arch, calls):
    from grader.syscall_filter import program

    code = program(machine)
    said = {0x7FFF0000: "allowed", 0x00050000: "ignored", 0x00050001: "EPERM"}
    assert {number: said[_run_filter(code, arch, number)] for number in calls} == calls
    assert said[_run_filter(code, 0x40000003, 15)] == "EPERM"  # i386's chmod, through int 0x80
    if machine == "x86_64":
        assert said[_run_filter(code, arch, 0x40000000 | 90)] == "EPERM"  # x32's chmod
