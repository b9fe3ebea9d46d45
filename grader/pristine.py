"""The untouched stubs, and putting one back: `grader reset` and "not started" in `grader status`.

Where a pristine stub comes from in a student's copy of the kit: the grader package carries one of each, in
`grader/stubs/` (rustlings embeds its exercises in its binary for the same reason). Git is not a reliable
source: students commit their work (GitHub Classroom needs them to), clones may be shallow, and a kit
downloaded as a zip has no history at all. The copies are kept equal to the kit's `exercises/` by
`grader verify` and the kit's tests.
"""

from __future__ import annotations

import ast
import hashlib
import os
import tempfile
import time
from functools import cache
from pathlib import Path

from grader.catalog import PACKAGE_DIR, Exercise
from grader.errors import InternalError
from grader.workspace import read_capped

STUBS_DIR = PACKAGE_DIR / "stubs"
BACKUP_DIR = ".grader-backups"
"""Where `grader reset` saves the student's version, in the submission root (git ignores it)."""


def stub_path(exercise: Exercise) -> Path:
    return STUBS_DIR / exercise.filename


def stub_text(exercise: Exercise) -> bytes:
    path = stub_path(exercise)
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InternalError(f"the kit has no pristine copy of {exercise.filename} in {STUBS_DIR}") from None


@cache
def stub_pointers() -> dict[tuple[str, str], str]:
    """What each function of the kit's stubs says when called: (file name, function) -> the message of its
    `raise NotImplementedError("...")`, the kit's pointer to the lesson. Read from `grader/stubs/`, once."""
    pointers: dict[tuple[str, str], str] = {}
    for path in sorted(STUBS_DIR.glob("*.py")):
        try:
            tree = ast.parse(path.read_bytes())
        except (OSError, SyntaxError, ValueError):
            continue  # `grader verify` reports a broken stub; the pointers of the others still hold
        for function in ast.walk(tree):
            if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            for node in ast.walk(function):
                message = _not_implemented_message(node)
                if message is not None:
                    pointers.setdefault((path.name, function.name), message)
    return pointers


@cache
def stub_functions(filename: str) -> dict[str, ast.FunctionDef | ast.AsyncFunctionDef]:
    """The top-level functions of the kit's stub `filename`, by name, as written (empty when it cannot be read)."""
    try:
        tree = ast.parse((STUBS_DIR / filename).read_bytes())
    except (OSError, SyntaxError, ValueError):
        return {}
    return {node.name: node for node in tree.body if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))}


def stub_plain_functions(filename: str) -> frozenset[str]:
    """The top-level functions that the kit's stub `filename` defines with a plain `def` (not `async def`)."""
    return frozenset(name for name, node in stub_functions(filename).items() if isinstance(node, ast.FunctionDef))


def _not_implemented_message(node: ast.AST) -> str | None:
    """The message of `raise NotImplementedError("...")`, or None for any other node."""
    raised = node.exc if isinstance(node, ast.Raise) else None
    if not (isinstance(raised, ast.Call) and isinstance(raised.func, ast.Name) and raised.args):
        return None
    first = raised.args[0]
    is_text = isinstance(first, ast.Constant) and isinstance(first.value, str)
    return first.value if raised.func.id == "NotImplementedError" and is_text else None  # type: ignore[union-attr]


def text_fingerprint(data: bytes) -> str:
    """A digest of a file's text that ignores line endings (git on Windows may turn \\n into \\r\\n)."""
    return hashlib.sha256(data.replace(b"\r\n", b"\n")).hexdigest()


def file_fingerprint(path: Path) -> str | None:
    """The `text_fingerprint` of the file at `path`, or None when it cannot be read (missing, a folder, no
    permission): grading that file then says which."""
    content = read_capped(path)  # never through a link, from a FIFO, or past the size the grader reads
    return text_fingerprint(content) if content is not None else None


def is_untouched(root: Path, exercise: Exercise) -> bool:
    """Whether the student's file is still exactly the stub (a missing file is not untouched)."""
    if not stub_path(exercise).is_file():
        return False
    return file_fingerprint(root / exercise.relpath) == text_fingerprint(stub_text(exercise))


def _backup_name(root: Path, exercise: Exercise) -> Path:
    folder = root / BACKUP_DIR
    stamp = time.strftime("%Y%m%d-%H%M%S")
    stem = exercise.filename.removesuffix(".py")
    candidate = folder / f"{stem}.{stamp}.py"
    number = 1
    while candidate.exists():
        number += 1
        candidate = folder / f"{stem}.{stamp}-{number}.py"
    return candidate


def write_atomically(path: Path, data: bytes) -> None:
    """Replace `path` in one step, so that an editor or `grader watch` never sees a half-written file."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, path)
    except BaseException as exc:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(exc, OSError) and exc.filename == temporary:  # a name the caller never saw: say theirs
            exc.filename, exc.filename2 = str(path), None
        raise


def reset(root: Path, exercise: Exercise) -> Path | None:
    """Put the untouched stub back in the student's file, saving their version first.

    Returns the backup's path, or None when there was nothing to save (the file was missing or already the stub).
    """
    target = root / exercise.relpath
    pristine = stub_text(exercise)
    backup = None
    if target.is_file() and not is_untouched(root, exercise):
        backup = _backup_name(root, exercise)
        backup.parent.mkdir(exist_ok=True)
        backup.write_bytes(target.read_bytes())
    target.parent.mkdir(exist_ok=True)
    write_atomically(target, pristine)
    return backup
