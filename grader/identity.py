"""Which grader graded: its release and a hash of the files that decide verdicts.

A release number alone is not enough: the grader changes between releases (an instructor edits a suite, a fix lands
on main), and results graded by two different graders must neither be kept by `--resume` nor merged as one class.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

from grader import __version__
from grader.catalog import PACKAGE_DIR

_FINGERPRINTED = (".py", ".toml", ".ini")
"""What decides a verdict: the grader's code, the catalog and the suites' configuration."""


def grader_fingerprint(package_dir: Path = PACKAGE_DIR) -> str:
    """A short hash of the files of the grader at `package_dir` that decide verdicts."""
    digest = hashlib.sha256()
    files = sorted(
        p for p in package_dir.rglob("*")
        if p.is_file() and p.suffix in _FINGERPRINTED and "__pycache__" not in p.parts
    )  # fmt: skip
    for path in files:
        digest.update(path.relative_to(package_dir).as_posix().encode() + b"\0")
        digest.update(path.read_bytes().replace(b"\r\n", b"\n") + b"\0")
    return digest.hexdigest()[:16]


@functools.cache
def grader_version() -> str:
    """This grader as results name it: the release and the fingerprint, as a local version (`0.1.0+1a2b...`)."""
    return f"{__version__}+{grader_fingerprint()}"
