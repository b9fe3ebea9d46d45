"""Where a submission's exercise file is when it is not at `exercises/<file>`: one rule for `grader check`,
`grader batch` and Gradescope.

The rule: a file with the exercise's very name (`ex01_futures.py`) elsewhere in the submission is the student's
work put in the wrong place (loose at the root, one folder too deep, `Exercises/`, `src/exercises/`): it is
GRADED, from the shallowest place that has it, and the student is told where to move it. Anything else that
looks like the exercise (`ex01_future.py`, `EX01_Futures.py`, `ex01_futures (1).py`, `ex01_futures.py.txt`) is
only POINTED AT: which of several near names a student meant is a guess, and a guess must not decide a grade.
Two files of the very name at the same depth are pointed at too, for the same reason.

The search is bounded, because a submission may be anyone's repository: it goes `MAX_DEPTH` folders down and
looks at `MAX_ENTRIES` entries at most, in name order (the same tree always gives the same answer). It never
follows a symbolic link, to a file or a folder (a link could lend someone else's work, or reach outside the
submission), skips hidden entries and caches, and skips the kit's own `grader/` and `solutions/` folders, which
hold files of the very names (the stubs, the reference solutions) that are not the student's work.
"""

from __future__ import annotations

import itertools
import os
import re
import shlex
import stat
from dataclasses import dataclass
from pathlib import Path

MAX_DEPTH = 4
"""Path components of a file found at most: `a/b/c/ex01_futures.py`."""
MAX_ENTRIES = 5000
"""Directory entries looked at, at most, in one submission."""
SKIPPED_FOLDERS = frozenset({"__pycache__", "__MACOSX", "node_modules", "site-packages", "venv"})
"""Folders never searched: caches and environments. Hidden folders are skipped too."""
KIT_FOLDERS = frozenset({"grader", "solutions"})
"""The kit's own folders, which hold files named as the exercises (`grader/stubs/`, `solutions/`) that are not the
student's work: skipped at the top of a submission that is a copy of the kit (it has `grader/stubs/`), searched
anywhere else (a student's own `solutions/` folder is theirs)."""
PER_FOLDER = 20_000
"""Entries read from one folder at most, then sorted by name before any counts against `MAX_ENTRIES`: so what is
looked at does not depend on the order the file system lists a folder in (short of a folder this large)."""

_NUMBER = re.compile(r"^ex0*(?P<number>\d+)(?=\D|$)", re.IGNORECASE)


@dataclass(frozen=True)
class Located:
    """Where one exercise's file is in a submission."""

    filename: str
    """The exercise's file name (`ex01_futures.py`)."""
    path: Path | None
    """The file to grade: `exercises/<filename>` when it is there, else the one file of that very name found
    elsewhere; None when there is none to grade."""
    relpath: str | None
    """`path` relative to the submission's root (`exercises/ex01/ex01_futures.py`)."""
    near: tuple[str, ...] = ()
    """Files that look like the exercise's but are not graded (relative to the root), when `path` is None."""

    @property
    def elsewhere(self) -> bool:
        """The file graded is not at `exercises/<filename>`."""
        return self.relpath is not None and self.relpath != f"exercises/{self.filename}"


def _listing(root: Path) -> list[tuple[str, Path]]:
    """Regular files under `root`, as (path relative to root, path), shallowest first and in name order within a
    folder; bounded by `MAX_DEPTH` and `MAX_ENTRIES`; no link is followed or listed."""
    found: list[tuple[str, Path]] = []
    budget = MAX_ENTRIES
    level: list[tuple[str, Path]] = [("", root)]
    kit = (root / "grader" / "stubs").is_dir()
    for _ in range(MAX_DEPTH):
        deeper: list[tuple[str, Path]] = []
        for prefix, folder in level:
            try:
                with os.scandir(folder) as entries:
                    read = sorted(itertools.islice(entries, PER_FOLDER), key=lambda e: e.name)
            except OSError:  # unreadable, or gone meanwhile: as if empty
                continue
            for entry in read[: max(budget, 0)]:
                budget -= 1
                if entry.name.startswith(".") or (kit and not prefix and entry.name in KIT_FOLDERS):
                    continue
                if not _utf8(entry.name):  # no exercise has such a name, and messages and files carry what is found
                    continue
                try:
                    mode = entry.stat(follow_symlinks=False).st_mode
                except OSError:
                    continue
                rel = prefix + entry.name
                if stat.S_ISREG(mode):
                    found.append((rel, Path(entry.path)))
                elif stat.S_ISDIR(mode) and entry.name not in SKIPPED_FOLDERS:
                    deeper.append((rel + "/", Path(entry.path)))
        level = deeper
    return found


def _utf8(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:  # bytes that are not UTF-8, which Python holds as lone surrogates
        return False
    return True


def _looks_like(name: str, filename: str) -> bool:
    """`name` is a near match of `filename` (never the very name): the same name in other letter case, with what
    a browser or an editor adds (`ex01_futures (1).py`, `ex01_futures.py.txt`), or the same exercise number
    (`ex01_future.py`, `ex1_futures.py`)."""
    if name == filename:
        return False
    lowered, stem = name.lower(), filename.lower().removesuffix(".py")
    if lowered.startswith(stem) and ".py" in lowered:
        return True
    ours, theirs = _NUMBER.match(filename), _NUMBER.match(name)
    return bool(ours and theirs and ours["number"] == theirs["number"] and ".py" in lowered)


def _in_place(root: Path, filename: str) -> Path | None:
    """`exercises/<filename>` when it is a regular file in a real folder, where the grader looks first."""
    direct = root / "exercises" / filename
    return direct if not direct.parent.is_symlink() and direct.is_file() and not direct.is_symlink() else None


def locate(root: Path, filename: str) -> Located:
    """Where `filename`'s exercise file is in the submission at `root` (see the module's docstring for the rule)."""
    if (direct := _in_place(root, filename)) is not None:
        return Located(filename, direct, f"exercises/{filename}")
    listing = _listing(root)
    exact = [(rel, path) for rel, path in listing if path.name == filename]  # too large: the runner says so
    if exact:
        depth = exact[0][0].count("/")
        shallowest = [(rel, path) for rel, path in exact if rel.count("/") == depth]
        if len(shallowest) == 1:
            return Located(filename, shallowest[0][1], shallowest[0][0])
        return Located(filename, None, None, tuple(rel for rel, _ in shallowest))
    return Located(filename, None, None, tuple(rel for rel, path in listing if _looks_like(path.name, filename)))


def elsewhere(root: Path, filename: str) -> Located | None:
    """Where `filename`'s exercise file is when nothing at all is at `exercises/<filename>` (not even a link or a
    file too large: those are told as they are); None when something is there. Where the runner, `grader batch`
    and the `--resume` fingerprint all start from."""
    usual = root / "exercises" / filename
    return None if usual.exists() or usual.is_symlink() else locate(root, filename)


def anything_found(root: Path, filenames: list[str]) -> bool:
    """Some of `filenames`, or files like them, are in `root`, which may have no `exercises/` folder (its files
    loose, say): worth grading, if only to say what to rename. `locate`'s rule, with the tree listed once."""
    if any(_in_place(root, name) is not None for name in filenames):
        return True
    names = [path.name for _, path in _listing(root)]
    return any(name == wanted or _looks_like(name, wanted) for name in names for wanted in filenames)


def _listed(paths: tuple[str, ...] | list[str]) -> str:
    return paths[0] if len(paths) == 1 else f"{', '.join(paths[:-1])} and {paths[-1]}"


def _git_mv(root: Path, source: str, target: str) -> str:
    make = "" if (root / Path(target).parent).is_dir() else f"mkdir -p {Path(target).parent.as_posix()} && "
    return f"`{make}git mv {shlex.quote(source)} {shlex.quote(target)}`"


def moved_note(root: Path, located: Located) -> str:
    """What a student reads whose file was graded from elsewhere: where it was, and how to move it."""
    target = f"exercises/{located.filename}"
    assert located.relpath is not None
    return (
        f"graded {located.relpath}, found outside {target}, where the grader looks: move it there"
        f" ({_git_mv(root, located.relpath, target)}) so that every grading finds it"
    )


def near_message(root: Path, located: Located) -> str:
    """Why nothing was graded although files like the exercise's are there: what was found, and what to rename."""
    target = f"exercises/{located.filename}"
    found = located.near
    if len(found) == 1:
        what = f"rename it to {target} ({_git_mv(root, found[0], target)})"
    elif all(Path(rel).name == located.filename for rel in found):
        what = f"keep the one you mean to hand in, at {target}"
    else:
        what = f"rename the one you mean to hand in to {target}"
    exact = "only a file of that very name is graded"
    return f"{target} is missing; found {_listed(found)}: {what}, and grade again ({exact})"
