"""`grader watch` with its output in a pipe (a log, an editor's panel): plain text, and it survives anything."""

from __future__ import annotations

import queue
import signal
import subprocess
import sys
import threading
import time

from course import build_course

ESCAPE = "\x1b"


class Output:
    """A process's output read line by line in a thread, so that waiting for a line can time out."""

    def __init__(self, proc: subprocess.Popen) -> None:
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._read, args=(proc,), daemon=True).start()

    def _read(self, proc: subprocess.Popen) -> None:
        with proc.stdout:  # closed here, at its end, not by the garbage collector (a ResourceWarning)
            for line in proc.stdout:
                self.lines.put(line)

    def until(self, text: str, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while True:
            try:
                line = self.lines.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                raise AssertionError(f"no {text!r} within {timeout} s:\n{''.join(self.seen)}") from None
            self.seen.append(line)
            if text in line:
                return


def test_a_failure_of_the_grader_itself_is_shown_and_survived(tmp_path):
    course = build_course(tmp_path)
    suite = course.package_root / "grader" / "suites" / "test_ex02_double.py"
    suite.write_text(suite.read_text().replace("def test_doubles", "def test_renamed"))  # suite and catalog disagree
    # Ctrl-C as a terminal sends it: SIGINT with its default disposition, even where this test was started as a
    # background job (which a shell starts with SIGINT ignored, and the watcher would inherit that).
    restore = "import signal, runpy; signal.signal(signal.SIGINT, signal.default_int_handler)"
    interruptible = [sys.executable, "-c", f"{restore}; runpy.run_module('grader', run_name='__main__')"]
    proc = subprocess.Popen(
        [*interruptible, "watch", "02"], cwd=course.student, env=course.env(), text=True,
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )  # fmt: skip
    output = Output(proc)
    try:
        output.until("watching exercises/ex02_double.py")
        course.exercise("ex02_double.py").write_text(course.solution("ex02_double.py"))
        output.until("watching exercises/ex02_double.py")
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=30)
        output.until("Stopped watching.")
    finally:
        proc.kill()
    text = "".join(output.seen)
    flat = " ".join(text.split())  # lines are folded to 80 columns
    assert proc.returncode == 0
    assert flat.count("the grader failed on exercises/ex02_double.py") == 2
    assert "bug in the kit, not in your code" in flat
    assert "Traceback" not in text and ESCAPE not in text
    assert "-" * 40 in text, "runs are separated when the screen cannot be cleared"
