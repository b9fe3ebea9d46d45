"""What a suite's process may still read once confined (`grader.sandbox`): the system, Python and its import path,
the grader package, its own workspace; nothing of the kit's checkout that holds the grader, nor anything else.

Without it, student code could read whatever the grader's user can, and say it in a failure message that lands in
its own feedback: in `grader batch`, the kit's `solutions/` and its history beside the grader, the classmates'
repositories, their workspaces under /tmp, the gradebook being written; or simply run the reference solution in
its own place. Landlock grants by subtree and cannot take a part of one back, so a subtree that holds the kit is
granted around it: listing along the way, each other child in full.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
SYSTEM = ("/usr", "/lib", "/lib32", "/lib64", "/libx32", "/bin", "/sbin", "/etc", "/dev", "/proc", "/sys")
STORES = ("/nix/store", "/gnu/store")
"""Where Nix and Guix keep a Python's shared libraries, outside its prefix."""


@dataclass
class Readable:
    trees: list[str] = field(default_factory=list)
    """Everything beneath each of these may be read (and a file among them executed)."""
    listings: list[str] = field(default_factory=list)
    """Each of these (and the folders beneath) may be listed, no file beneath read: the way to a private folder."""


def readable() -> Readable:
    """What this process may read once confined, computed from its own import path and interpreter."""
    kit = _kit_checkout()
    found = Readable()
    for root in sorted(_python_and_system()):
        _grant_around(root, kit, found)
    found.trees = _outermost([*found.trees, str(PACKAGE_DIR)])
    return found


def _outermost(paths: list[str]) -> list[str]:
    """`paths` without those beneath another of them, which a rule on that one covers already."""
    kept: list[str] = []
    for path in sorted(set(paths), key=lambda path: Path(path).parts):
        if not kept or os.path.commonpath([kept[-1], path]) != kept[-1]:
            kept.append(path)
    return kept


def _kit_checkout() -> Path | None:
    """The kit's repository when the grader runs from one (an editable install, a maintainer's checkout): its
    solutions/, tests/ and .git are nobody's to read. An installed grader sits in site-packages, among others."""
    kit = PACKAGE_DIR.parent
    return kit if (kit / "pyproject.toml").is_file() else None


def _python_and_system() -> set[Path]:
    prefixes = {sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix}
    interpreter = {os.path.dirname(sys.executable), os.path.dirname(os.path.realpath(sys.executable))}
    places = [*SYSTEM, *STORES, *prefixes, *interpreter, *sys.path, *_mapped_library_folders()]
    roots = set()
    for place in places:
        if not place or not os.path.isabs(place):
            continue  # the working folder: the workspace, granted with its writes
        try:
            roots.add(Path(place).resolve(strict=True))
        except (OSError, RuntimeError):
            continue
    return roots


def _mapped_library_folders() -> set[str]:
    """The folders of the shared libraries loaded so far: a Python from Homebrew or Conda loads some from outside
    its prefix, and the workers multiprocessing starts load them again."""
    try:
        with open("/proc/self/maps") as maps:
            lines = maps.read().splitlines()
    except OSError:
        return set()
    files = {fields[5] for fields in (line.split(None, 5) for line in lines) if len(fields) == 6}
    return {os.path.dirname(name) for name in files if name.startswith("/") and not name.endswith(" (deleted)")}


def _grant_around(root: Path, private: Path | None, found: Readable) -> None:
    if private is not None and (root == private or private in root.parents):
        return
    if private is None or root not in private.parents:
        found.trees.append(str(root))
        return
    found.listings.append(str(root))
    try:
        children = list(os.scandir(root))
    except OSError:
        return
    for child in children:
        if not child.is_symlink():  # a link's target is granted, or not, as what it is
            _grant_around(Path(child.path), private, found)
