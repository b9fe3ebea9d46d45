"""A fresh, private copy of the only files the grader reads from a submission: `exercises/*.py`.

Suites never run in the student's folder: a `conftest.py`, a `pytest.ini`, a `sitecustomize.py` or an
`exercises/__init__.py` of theirs could otherwise rewrite the verdicts. Symbolic links are not followed (they
could point anywhere), and files too large to be an exercise are left out.
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from pathlib import Path

MAX_FILE_BYTES = 1_000_000


def submission_files(root: Path) -> list[Path]:
    """The files of `root/exercises` that the grader reads: regular `*.py` files of a sane size, no links (none
    without the folder: a file found elsewhere is `grader.locate`'s to find)."""
    folder = root / "exercises"
    if not folder.is_dir():
        return []
    return [
        path
        for path in sorted(folder.iterdir())
        if path.suffix == ".py"
        and path.stem.isidentifier()
        and path.name != "__init__.py"
        and not path.is_symlink()
        and file_size(path) <= MAX_FILE_BYTES
    ]


def file_size(path: Path) -> float:
    """The size of a regular file; infinity for anything else, or a file gone since the folder was listed."""
    try:
        return path.stat().st_size if path.is_file() else float("inf")
    except OSError:
        return float("inf")


def new_workspace() -> Path:
    """An empty temporary submission root (just `exercises/__init__.py`); the caller removes it."""
    # Resolved: where the temporary folder sits behind a symbolic link (macOS: /var -> /private/var), tracebacks
    # name the real path, and the student's frames are recognised by it.
    target = Path(tempfile.mkdtemp(prefix="grader-")).resolve()
    try:
        (target / "exercises").mkdir()
        (target / "exercises" / "__init__.py").write_text("")
    except BaseException:
        remove(target)
        raise
    return target


def fill_workspace(target: Path, root: Path) -> Path:
    """Copy the submission's files (`submission_files`) into `target`, made by `new_workspace()`; returns it."""
    for path in submission_files(root):
        # None: saved over or deleted this instant, unreadable, or a link or FIFO by now: graded as missing, and said so
        if (content := read_capped(path)) is not None:
            (target / "exercises" / path.name).write_bytes(content)
    return target


def copy_submission(root: Path) -> Path:
    """A temporary submission root holding a copy of `root/exercises/*.py`; the caller removes it."""
    target = new_workspace()
    try:
        return fill_workspace(target, root)
    except BaseException:  # an unreadable file, a vanished folder, Ctrl-C: leave no copy behind
        remove(target)
        raise


def read_capped(source: Path) -> bytes | None:
    """The content of the regular file `source`, read never through a link (it could point at /dev/zero, or at
    anyone's file), never from a FIFO or a device (which could block forever or never end), and never past
    MAX_FILE_BYTES; None for anything else, or a file that cannot be read (gone, unreadable, too big)."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        descriptor = os.open(source, flags)
    except OSError:
        return None
    try:
        # Before open(): it refuses a directory's descriptor (IsADirectoryError, and the descriptor left open), and a
        # folder named `ex01_futures.py` took `grader check` down.
        regular = stat.S_ISREG(os.fstat(descriptor).st_mode)
    except OSError:
        regular = False
    if not regular:
        os.close(descriptor)
        return None
    with open(descriptor, "rb") as file:
        try:
            content = file.read(MAX_FILE_BYTES + 1)
        except OSError:
            return None
    return content if len(content) <= MAX_FILE_BYTES else None


def copy_file(source: Path, target: Path) -> bool:
    """Copy the regular file `source` to `target` (`read_capped`); False when it cannot be read that way."""
    content = read_capped(source)
    if content is None:
        return False
    target.write_bytes(content)
    return True


def remove(workspace: Path) -> None:
    shutil.rmtree(workspace, ignore_errors=True)
