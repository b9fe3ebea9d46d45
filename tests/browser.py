"""Open an HTML file in headless Chromium (Debian's `chromium` package): its DOM after scripts ran, the
console's errors, and a screenshot. Used by tests/test_batch_class.py and bench/report_screenshot.py."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
         "--disable-extensions", "--disable-sync", "--hide-scrollbars")  # fmt: skip
_CONSOLE_ERROR = re.compile(r"(Uncaught .*|CONSOLE\(\d+\).*|.*ERROR:.*console.*)")


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


@dataclass
class Opened:
    body: dict[str, str]
    """The attributes of <body> after the page's scripts ran."""
    console_errors: list[str]
    screenshot: Path | None
    external: list[str]
    """Addresses the page would fetch from elsewhere (it must be self-contained: none)."""


class _Attributes(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.body: dict[str, str] = {}
        self.external: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "body":
            self.body = {k: v or "" for k, v in values.items()}
        for name in ("src", "href"):
            value = values.get(name) or ""
            if name == "src" or tag == "link":
                if value and not value.startswith(("data:", "#")):
                    self.external.append(value)
            elif value.startswith(("http:", "https:", "//")):
                self.external.append(value)


def _run(binary: str, profile: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([binary, *FLAGS, f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0", *args],
                          capture_output=True, text=True, timeout=120)  # fmt: skip


def open_page(page: Path, screenshot: Path | None = None, width: int = 1280, height: int = 2600) -> Opened:
    binary = chromium()
    if binary is None:
        raise FileNotFoundError("chromium is not installed (apt-get install chromium)")
    url = page.resolve().as_uri()
    with tempfile.TemporaryDirectory(prefix="chromium-") as profile:
        dom = _run(binary, profile, "--dump-dom", url)
        errors = [m.group(0) for line in dom.stderr.splitlines() if (m := _CONSOLE_ERROR.search(line))]
        if screenshot is not None:
            _run(binary, profile, f"--screenshot={screenshot}", f"--window-size={width},{height}", url)
    parsed = _Attributes()
    parsed.feed(dom.stdout)
    static = _Attributes()
    static.feed(page.read_text(encoding="utf-8"))
    shot = screenshot if screenshot is not None and screenshot.is_file() else None
    return Opened(parsed.body, errors, shot, static.external)
