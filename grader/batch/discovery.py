"""Which student repositories a batch grades: discovery under the given roots, and deterministic shards.

A ROOT that holds `exercises/` is one student's repository; any other ROOT is a folder of them (what GitHub
Classroom's assistant or a `git clone` loop leaves), one sub-folder per student. The student id is the folder's
name, made safe to show (`grader.messages.safe_line`): a control character or a newline in it is an escape
(`ansi\\x1b[2J`) in every line, file name and output that carries the id. A ROOT that could be read both ways is
refused rather than guessed at. Nothing here reads inside a student's files; their names are looked at to find
exercise files that are not where the grader looks (`grader.locate`): a repository without `exercises/` whose
files are loose or misplaced is graded from them, as `grader check --path` grades it, and `misplaced` says so in
one line.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from grader.catalog import Exercise, load_catalog
from grader.errors import UsageError
from grader.locate import anything_found, elsewhere
from grader.messages import SYMBOLIC_LINK, safe_line

_SHARD = re.compile(r"^(?P<k>\d+)/(?P<n>\d+)$")
MANIFEST = "batch.json"
"""What every batch output folder holds (`grader.batch.outputs`): such a folder is never a student."""


@dataclass(frozen=True)
class Student:
    id: str
    """The repository's folder name, made safe to show (`grader.messages.safe_line`): also the name of its files
    in `--out`."""
    root: Path
    """The folder that holds (or should hold) `exercises/`: the repository, or its one sub-folder that has it."""
    problem: str | None = None
    """Why there is nothing to grade in this repository (no `exercises/` folder), else None."""
    folder: Path | None = None
    """The student's own folder when `root` is a sub-folder of it, else None."""

    @property
    def home(self) -> Path:
        return self.folder or self.root


@dataclass
class Discovery:
    students: list[Student]
    """In `name_order`."""
    skipped: list[str] = field(default_factory=list)
    """`frank.txt: not a folder`: the entries of a class folder that are not students, and why."""
    notes: dict[str, str] = field(default_factory=dict)
    """By student id, one line for each student found in an unusual shape (no `exercises/`, or one level down)."""
    shared: list[str] = field(default_factory=list)
    """One warning for each folder graded under two ids or more (a link in a class folder to another student)."""


def _is_batch_output(folder: Path) -> bool:
    return (folder / MANIFEST).is_file()


def _has_exercises(folder: Path) -> bool:
    exercises = folder / "exercises"
    return exercises.exists() or exercises.is_symlink()


def _nested_repositories(folder: Path) -> list[Path]:
    """Sub-folders that hold a real `exercises/` folder (a repository cloned into a folder of its own). Links
    are not followed: a link could lend a student someone else's work."""
    try:
        children = sorted(folder.iterdir())
    except OSError:
        return []
    return [
        child
        for child in children
        if not child.name.startswith(".")
        and not child.is_symlink()
        and child.is_dir()
        and (child / "exercises").is_dir()
        and not (child / "exercises").is_symlink()
    ]


def _student(folder: Path, notes: dict[str, str]) -> Student:
    name, exercises = safe_line(folder.name), folder / "exercises"
    if exercises.is_symlink():
        return Student(name, folder, f"exercises/ {SYMBOLIC_LINK}; the grader reads only a real folder")
    if exercises.is_dir():
        return Student(name, folder)
    if exercises.exists():
        notes[name] = f"{name}: exercises is a file, not a folder: listed as missing (0 points)"
        return Student(name, folder, "exercises is a file, not a folder")
    nested = _nested_repositories(folder)
    if len(nested) == 1:  # a clone inside the student's folder: grading it, under the student's name, is right
        notes[name] = (f"{name}: no exercises/ folder; graded {name}/{safe_line(nested[0].name)}/, the one sub-folder"
                       " that has one")  # fmt: skip
        return Student(name, nested[0], folder=folder)
    if nested:
        where = ", ".join(f"{name}/{safe_line(n.name)}" for n in nested)
        # Not "name it as a ROOT": that would file the grade under the sub-folder's name, not the student's.
        notes[name] = (f"{name}: no exercises/ folder, and several sub-folders have one ({where}): listed as missing "
                       f"(0 points); to grade one of them as {name}, move its contents up into {name}/, or remove "
                       "the others")  # fmt: skip
        return Student(name, folder, f"the repository has no exercises/ folder (but {where} have one)")
    if _holds_exercise_files(folder):  # loose or misplaced: graded from there; `misplaced` says it in one line
        return Student(name, folder)
    notes[name] = f"{name}: no exercises/ folder: listed as missing (0 points)"
    return Student(name, folder, "the repository has no exercises/ folder")


def _holds_exercise_files(folder: Path) -> bool:
    return anything_found(folder, [e.filename for e in load_catalog()])


def misplaced(student: Student, exercises: list[Exercise]) -> str | None:
    """One line for a student whose exercise files are not where the grader looks (`grader.locate`): which were
    graded from elsewhere, and which were only found under a near name (not graded); None when there are none."""
    graded, pointed = [], []
    for exercise in exercises:
        found = None if student.problem else elsewhere(student.root, exercise.filename)
        if found is None:
            continue
        if found.path is not None:
            graded.append(f"{exercise.id} from {safe_line(found.relpath or '')}")
        elif found.near:
            pointed.append(f"{exercise.id} ({', '.join(map(safe_line, found.near))})")
    parts = ([f"graded {', '.join(graded)}"] if graded else []) + (
        [f"not graded, found only under another name: {', '.join(pointed)}"] if pointed else []
    )
    if not parts:
        return None
    where = "; ".join(parts)
    return f"{student.id}: exercise files not where the grader looks: {where}; their feedback says what to rename"


def _skip_reason(entry: Path, out: Path | None) -> str | None:
    """Why an entry of a class folder is not a student, or None when it is one."""
    if entry.name.startswith("."):
        return "a hidden entry"
    if not entry.is_dir():
        return "not a folder"
    if out is not None and entry.resolve() == out:
        return "the --out folder"
    if _is_batch_output(entry):
        return f"a batch output folder (it holds {MANIFEST})"
    if entry.name == "__pycache__":
        return "Python's cache folder"
    return None


def _ambiguous(root: Path, students: list[Path], others: list[Path]) -> UsageError:
    """`others`: the sub-folders that would be students too, read as a folder of students, although they hold no
    exercises/ (a clone one level down, loose or misnamed files, nothing pushed): naming only `students` as ROOTs
    would leave them out of the gradebook without a word."""
    exercises = root / "exercises"
    if not exercises.is_dir():
        what = "exercise files of its own"
    elif not any(exercises.iterdir()):
        what = "an empty exercises/ folder"
    else:
        what = "exercises/"
    names = [safe_line(s.name) for s in students]  # as `others` below: a folder's name may hold a newline
    shown = " ".join(str(root / name) for name in names[:3]) + (" …" if len(names) > 3 else "")
    also = ""
    if others:
        also = (
            f", and the other sub-folders that are students too ({', '.join(safe_line(o.name) for o in others)}: a"
            " folder of students grades them, or lists them as missing)"
        )
    return UsageError(
        f"{root} holds {what}, as one student's repository does, and {len(names)} sub-folder(s) that hold"
        f" exercise files too ({', '.join(names)}), as a folder of students does: which one it is cannot be guessed."
        f" To grade the students, name their folders as ROOTs (grader batch {shown} --out …){also}; to grade"
        f" {root.name} as one student, move those sub-folders out of it."
    )


def _folders(root: Path, out: Path | None, found: Discovery) -> list[Path]:
    """The student folders a ROOT stands for: itself, or its sub-folders."""
    if _is_batch_output(root):
        raise UsageError(f"{root} is the output folder of a batch ({MANIFEST}), not a class: name the students' folder")
    entries = sorted(root.iterdir())
    if _has_exercises(root):
        candidates = [e for e in entries if e.name != "exercises" and not _skip_reason(e, out)]
        students = [e for e in candidates if _has_exercises(e)]
        if students:
            raise _ambiguous(root, students, [e for e in candidates if e not in students])
        return [root]
    folders = []
    for entry in entries:
        reason = _skip_reason(entry, out)
        if reason:
            found.skipped.append(f"{safe_line(entry.name)}: {reason}")
        else:
            folders.append(entry)
    if not any(_has_exercises(folder) for folder in folders) and _holds_loose_exercise_files(root):
        # One student's repository with its files loose at the top, unless its sub-folders hold exercise files
        # too (a class of students with loose files, and a stray copy at the top): then it cannot be guessed.
        students = [folder for folder in folders if _holds_exercise_files(folder)]
        if students:
            raise _ambiguous(root, students, [folder for folder in folders if folder not in students])
        found.skipped.clear()  # the entries beside the files are the student's own, not skipped students
        return [root]
    if not folders:
        raise UsageError(f"{root} holds no student repositories (and no exercises/ folder of its own)")
    return folders


def _holds_loose_exercise_files(folder: Path) -> bool:
    return any((folder / e.filename).is_file() and not (folder / e.filename).is_symlink() for e in load_catalog())


def _file_name_key(student_id: str) -> str:
    """What macOS and Windows compare file names by, near enough: letters in one case and one Unicode form (a
    name typed on a Mac arrives decomposed, NFD; the same name elsewhere composed, NFC)."""
    return unicodedata.normalize("NFC", student_id).lower()


def name_order(student_id: str) -> tuple[str, str]:
    """How students are listed everywhere (progress, grades.csv, results.json, the report): by name whatever its
    letter case, as a person looks for one (`bigfile` before `Zed`), then by the id itself, so that the order is
    the same in every run and every merge (`strauss` and `strauß` are one name to casefold)."""
    return student_id.casefold(), student_id


LONGEST_ID = 200
"""Bytes of a student id at most: its files in --out add up to 10 bytes to it, and file names end at 255."""


def discover(roots: Sequence[Path], out: Path | None = None) -> Discovery:
    """Every student repository under `roots` (never `out`, the batch's output folder), sorted by id; an id seen
    twice, or a ROOT that may be one student or a folder of them, is an error."""
    found = Discovery([])
    by_id: dict[str, Student] = {}
    by_case: dict[str, Student] = {}
    out = out.resolve() if out is not None else None
    named: dict[Path, Path] = {}
    for given in roots:
        root = given.resolve()
        if not root.is_dir():
            raise UsageError(f"{root} is not a folder")
        if root in named:  # said of the ROOT, not of the first student found in it twice
            raise UsageError(_named_twice(named[root], given, root))
        named[root] = given
        _refuse_an_exercises_folder(root)
        for folder in _folders(root, out, found):
            student = _student(folder, found.notes)
            if (size := len(student.id.encode("utf-8", "surrogateescape"))) > LONGEST_ID:
                raise UsageError(
                    f"the repository {folder} has a name of {size} bytes, too long for its files in --out"
                    f" (students/<id>.json.tmp, feedback/<id>.md): at most {LONGEST_ID}; rename it"
                )
            if student.id in by_id:
                if by_id[student.id].home == student.home:
                    raise UsageError(f"{folder} is named twice (as a ROOT, or inside one): name each student once")
                raise UsageError(f"two repositories are called {student.id!r}: {by_id[student.id].home} and {folder}")
            if (twin := by_case.get(_file_name_key(student.id))) is not None:
                # feedback/Alice.md and feedback/alice.md are one file on macOS and Windows, where --out may be read
                raise UsageError(
                    f"two repositories are called {twin.id!r} and {student.id!r}, one name to macOS and Windows"
                    f" (letter case, or Unicode form): {twin.home} and {folder}; rename one, as their feedback"
                    " files would be one file there"
                )
            by_id[student.id] = by_case[_file_name_key(student.id)] = student
    found.students = [by_id[key] for key in sorted(by_id, key=name_order)]
    found.shared = _shared_folders(found.students)
    return found


def _named_twice(first: Path, again: Path, root: Path) -> str:
    if first == again:
        return f"the ROOT {again} is named twice: name each ROOT once"
    return f"the ROOTs {first} and {again} are one folder ({root}): name each ROOT once"


def _refuse_an_exercises_folder(root: Path) -> None:
    """A ROOT that is a student's `exercises/` folder (`grader batch class/alice/exercises`) would grade a student
    called "exercises": the repository around it is what was meant."""
    if root.name == "exercises" and not _has_exercises(root) and any(root.glob("ex[0-9][0-9]_*.py")):
        raise UsageError(
            f"the ROOT {root} is a student's exercises/ folder: name the repository that holds it ({root.parent})"
        )


def _shared_folders(students: list[Student]) -> list[str]:
    """A warning for each folder that two ids or more grade: a student's folder in a class folder may be a link
    (the instructor's own, as only they write there), and one to another student's folder of the same run grades
    the same work twice, under two names."""
    by_folder: dict[Path, list[str]] = {}
    for student in students:
        by_folder.setdefault(student.root.resolve(), []).append(student.id)
    return [
        f"{' and '.join(ids)} are one folder ({safe_line(str(folder))}, through a link): {len(ids)} ids grade the"
        " same work"
        for folder, ids in by_folder.items()
        if len(ids) > 1
    ]


def parse_shard(text: str) -> tuple[int, int]:
    """`"2/5"` -> (2, 5): the second of five shards, numbered from 1 like a CI matrix."""
    match = _SHARD.match(text.strip())
    if not match or not 1 <= int(match["k"]) <= int(match["n"]):
        raise UsageError(f"--shard takes K/N with 1 <= K <= N, e.g. 1/4; not {text!r}")
    return int(match["k"]), int(match["n"])


def shard_of(student_id: str, shards: int) -> int:
    """The shard (1..shards) a student belongs to: a hash of the id alone, so that every runner agrees on it
    whatever else its copy of the class holds, and a student is never graded by two shards or by none."""
    digest = hashlib.sha256(student_id.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % shards + 1


def select_shard(students: list[Student], shard: tuple[int, int] | None) -> list[Student]:
    if shard is None:
        return students
    k, n = shard
    return [s for s in students if shard_of(s.id, n) == k]
