"""Drive a program in a real terminal: tmux runs it, send-keys types, capture-pane reads the screen.

Each `Terminal` has its own tmux server (`-L`), so tests never touch a tmux the developer is using.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import time
import uuid
from collections.abc import Callable
from pathlib import Path

TMUX = shutil.which("tmux")


class Terminal:
    def __init__(self, width: int = 100, height: int = 50) -> None:
        self.socket = f"grader-test-{uuid.uuid4().hex[:10]}"
        self.width, self.height = width, height

    def _tmux(self, *args: str, check: bool = True) -> str:
        done = subprocess.run([TMUX, "-L", self.socket, *args], capture_output=True, text=True, check=check)
        return done.stdout

    def start(self, argv: list[str], cwd: Path, env: dict[str, str]) -> None:
        """Run `argv` in a new session; when it ends, the pane says `[exited N]` and stays for reading."""
        # The shell survives Ctrl-C (a trap that runs a command is reset in the child, which gets the signal).
        command = f'trap true INT; {shlex.join(argv)}; echo "[exited $?]"; sleep 600'
        environment = {**env, "TERM": "xterm-256color"}
        subprocess.run(
            [TMUX, "-L", self.socket, "-f", os.devnull, "new-session", "-d", "-s", "main",
             "-x", str(self.width), "-y", str(self.height), "-c", str(cwd), "sh", "-c", command],
            env=environment, check=True,
        )  # fmt: skip
        self._tmux("set-option", "-g", "history-limit", "10000")

    def screen(self) -> str:
        """What the pane shows now (wrapped lines joined)."""
        return self._tmux("capture-pane", "-p", "-J", "-t", "main")

    def history(self) -> str:
        """Everything the pane has shown, scrollback included."""
        return self._tmux("capture-pane", "-p", "-J", "-S", "-", "-t", "main")

    def raw_screen(self) -> str:
        """The pane with its escape sequences (colours, bold)."""
        return self._tmux("capture-pane", "-p", "-e", "-t", "main")

    def type(self, keys: str) -> None:
        self._tmux("send-keys", "-t", "main", "-l", keys)

    def press(self, key: str) -> None:
        """A named key, such as `C-c`."""
        self._tmux("send-keys", "-t", "main", key)

    def wait_for(self, condition: Callable[[str], bool] | str, timeout: float = 20.0) -> tuple[str, float]:
        """Poll the screen until `condition` holds (a regex, or a function of the screen); (screen, seconds)."""
        test = (lambda text: re.search(condition, text) is not None) if isinstance(condition, str) else condition
        started = time.perf_counter()
        while True:
            text = self.screen()
            if test(text):
                return text, time.perf_counter() - started
            if time.perf_counter() - started > timeout:
                raise AssertionError(f"timed out after {timeout} s waiting for {condition!r}; the screen:\n{text}")
            time.sleep(0.02)

    def close(self) -> None:
        self._tmux("kill-server", check=False)
