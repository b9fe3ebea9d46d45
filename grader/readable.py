"""What a suite's process may still read once confined (`grader.sandbox`): the system, Python and its import path,
the grader package, its own workspace; nothing else of the kit's checkout that holds the grader (a virtual
environment made in it is Python's), nor anything else.

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
SYSTEM = ("/usr", "/lib", "/lib32", "/lib64", "/libx32", "/bin", "/sbin", "/etc", "/proc", "/sys")
STORES = ("/nix/store", "/gnu/store")
"""Where Nix and Guix keep a Python's shared libraries, outside its prefix."""
DEVICES = ("/dev/null", "/dev/zero", "/dev/full", "/dev/random", "/dev/urandom", "/dev/tty", "/dev/ptmx", "/dev/pts",
           "/dev/shm")  # fmt: skip
"""What of /dev programs open by name; not the disks, which root could read past every other rule."""
SECRETS = ("/etc/shadow", "/etc/shadow-", "/etc/gshadow", "/etc/gshadow-", "/etc/ssh", "/etc/ssl/private",
           "/etc/sudoers", "/etc/sudoers.d", "/etc/security")  # fmt: skip
"""What root may read in /etc that no student's program needs: password hashes, host and TLS keys."""
KIT_SECRETS = ("solutions", "tests", ".git")
"""Of the kit's checkout, what is never readable, even where Python's own files sit in the checkout (a `.venv`)."""


@dataclass
class Readable:
    trees: list[str] = field(default_factory=list)
    """Everything beneath each of these may be read (and a file among them executed)."""
    listings: list[str] = field(default_factory=list)
    """Each of these (and the folders beneath) may be listed, no file beneath read: the way to a private folder."""


def readable() -> Readable:
    """What this process may read once confined, computed from its own import path and interpreter."""
    kit = _kit_checkout()
    private = [*SECRETS, kit] if kit else list(SECRETS)
    found = Readable(trees=[str(PACKAGE_DIR), *DEVICES], listings=["/dev"])
    for root in sorted(_python_and_system()):
        if kit is not None and _beneath(root, kit):  # a virtual environment made in the checkout, say
            if not _within(root, [os.path.join(kit, name) for name in KIT_SECRETS]):
                found.trees.append(root)
            continue
        _grant_around(root, private, found)
    found.trees = _outermost(found.trees)
    return found


def _beneath(path: str, folder: str) -> bool:
    """Whether `path` lies strictly beneath `folder` (both absolute and resolved)."""
    return path.startswith(folder.rstrip("/") + "/") and path != folder


def _within(path: str, folders: list[str]) -> bool:
    return any(path == folder or _beneath(path, folder) for folder in folders)


def _outermost(paths: list[str]) -> list[str]:
    """`paths` without those beneath another of them, which a rule on that one covers already."""
    kept: list[str] = []
    for path in sorted(set(paths), key=lambda path: path.split(os.sep)):
        if not kept or os.path.commonpath([kept[-1], path]) != kept[-1]:
            kept.append(path)
    return kept


def _kit_checkout() -> str | None:
    """The kit's repository when the grader runs from one (an editable install, a maintainer's checkout): its
    solutions/, tests/ and .git are nobody's to read. An installed grader sits in site-packages, among others."""
    kit = PACKAGE_DIR.parent
    return str(kit) if (kit / "pyproject.toml").is_file() else None


def _python_and_system() -> set[str]:
    prefixes = {sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix}
    interpreter = {os.path.dirname(sys.executable), os.path.dirname(os.path.realpath(sys.executable))}
    places = [*SYSTEM, *STORES, *prefixes, *interpreter, *sys.path, *_mapped_library_folders()]
    roots = set()
    for place in places:
        if place and os.path.isabs(place) and os.path.exists(place):  # not "": the working folder, the workspace
            roots.add(os.path.realpath(place))
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
    return {os.path.dirname(name) for name in files if name.startswith("/") and os.path.isfile(name)}


def _grant_around(root: str, private: list[str], found: Readable) -> None:
    """Grant `root` but what of `private` lies in it: whole when nothing does, else child by child, listing the
    folders on the way."""
    if _within(root, private):
        return
    inside = [folder for folder in private if _beneath(folder, root)]
    if not inside:
        found.trees.append(root)
        return
    found.listings.append(root)
    try:
        children = list(os.scandir(root))
    except OSError:
        return
    for child in children:
        if not child.is_symlink():  # a link's target is granted, or not, as what it is
            _grant_around(child.path, inside, found)
