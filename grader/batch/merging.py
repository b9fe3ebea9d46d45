"""`grader merge`: the output folders of several batches (the shards of one class) joined into one.

The shards must fit together: each folder's `batch.json` says which shard it graded, so a merge refuses shards of
different N, the same shard twice or a missing one (unless `allow_partial`, which merges what is there and says
what is not); batches graded without `--shard` (sections of a class, graded apart) merge only with each other.
A folder whose run was stopped before it graded everyone (a cancelled CI job uploads what it has) is refused in the
same way: its gradebook looks whole but lacks students.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from grader.batch import outputs, refuse_out_inside_a_student
from grader.batch.discovery import MANIFEST, discover, name_order
from grader.batch.records import RecordStore, StudentRecord
from grader.catalog import load_catalog
from grader.errors import UsageError
from grader.identity import grader_version


@dataclass
class Merged:
    students: int
    warnings: list[str] = field(default_factory=list)
    """What an instructor must know about the merged gradebook (shards left out by `allow_partial`)."""


def _check_folders(folders: list[Path], out: Path) -> None:
    seen: dict[Path, Path] = {}
    for folder in folders:
        resolved = folder.resolve()
        if resolved in seen:
            same = seen[resolved]
            raise UsageError(f"{folder} is given twice" if str(same) == str(folder) else
                             f"{same} and {folder} are the same folder, given twice")  # fmt: skip
        seen[resolved] = folder
        if resolved == out:
            raise UsageError(f"--out {folder} is one of the folders to merge: choose a new folder for the merge")


def _shard(folder: Path) -> tuple[int, int] | None:
    manifest = outputs.read_manifest(folder)
    if manifest is None:
        raise UsageError(f"{folder} has no readable {MANIFEST}, so which shard it holds is unknown: it is not the "
                         f"whole output folder of a batch")  # fmt: skip
    shard = manifest.get("shard")
    if shard is None:
        return None
    k, _, n = str(shard).partition("/")
    if not (k.isdigit() and n.isdigit()):
        raise UsageError(f"{folder}/{MANIFEST} names shard {shard!r}, which is not K/N")
    return int(k), int(n)


def missing_shards(folders: list[Path]) -> list[str]:
    """The shards (`"2/3"`) that `folders` lack; refuses shards that cannot make up one class at all."""
    shards = {folder: _shard(folder) for folder in folders}
    whole = [f for f, s in shards.items() if s is None]
    sharded = [(f, s) for f, s in shards.items() if s is not None]
    if whole and sharded:
        folder, (k, n) = sharded[0]
        raise UsageError(f"{whole[0]} was graded without --shard but {folder} is shard {k}/{n}: merge the shards of "
                         f"one class together, or whole batches together, not both")  # fmt: skip
    if whole:
        return []  # sections graded apart: nothing says how many there are
    first, (_, n) = sharded[0]
    owner: dict[int, Path] = {}
    for folder, (k, other) in sharded:
        if other != n:
            raise UsageError(f"{first} is shard {shards[first][0]}/{n} but {folder} is shard {k}/{other}: the "
                             f"shards of one class all split it into the same number N")  # fmt: skip
        if k in owner:
            raise UsageError(f"{owner[k]} and {folder} both hold shard {k}/{n}: name each shard's folder once")
        owner[k] = folder
    return [f"{k}/{n}" for k in range(1, n + 1) if k not in owner]


def _unfinished(folders: list[Path]) -> list[str]:
    """A sentence for each folder whose run stopped before it graded all of its students."""
    sentences = []
    for folder in folders:
        left = outputs.ungraded(outputs.read_manifest(folder) or {})
        if left:
            names = ", ".join(left[:3]) + (", …" if len(left) > 3 else "")
            sentences.append(f"{folder} is unfinished: its run stopped before it graded {len(left)} student(s) "
                             f"({names})")  # fmt: skip
    return sentences


def _missing_sentence(missing: list[str]) -> str:
    many = len(missing) > 1
    return f"shard{'s' if many else ''} {', '.join(missing)} {'are' if many else 'is'} missing"


def merge(folders: list[Path], out: Path, allow_partial: bool = False) -> Merged:
    """Join the outputs of several batches (the shards of one class) into `out`; a failure to write `out` raises
    `outputs.OutputsNotWritten`."""
    if not folders:
        raise UsageError("nothing to merge: name the output folders of the shards")
    out = out.resolve()
    with outputs.writing_to(out):
        return _merge(folders, out, allow_partial)


def _check_out_outside_students(folders: list[Path], out: Path) -> None:
    """Refuse an `out` inside a student's repository, as `grader batch` does, for the classes that the folders
    were graded from and that are on this machine (a CI runner's paths are not, and are not checked)."""
    roots = {Path(r) for f in folders for r in (outputs.read_manifest(f) or {}).get("roots") or [] if Path(r).is_dir()}
    for root in sorted(roots):
        try:
            students = discover([root], out).students
        except UsageError:
            continue  # the class has changed since it was graded: nothing to compare with
        refuse_out_inside_a_student(out, students)


def _read_records(folders: list[Path]) -> tuple[dict[str, tuple[StudentRecord, Path]], list[str]]:
    """Every student's record in `folders` with the folder it came from, and the exercises they graded; refused
    when the folders graded other exercises, with other graders, or a student twice."""
    records: dict[str, tuple[StudentRecord, Path]] = {}
    exercise_ids: list[str] | None = None
    versions = set()
    for folder in folders:
        data = outputs.read_results(folder)
        ids = [e["id"] for e in data["exercises"]]
        versions.add(data.get("grader_version"))
        if exercise_ids is None:
            exercise_ids = ids
        elif ids != exercise_ids:
            raise UsageError(f"{folder} graded exercises {', '.join(ids)}, the others {', '.join(exercise_ids)}")
        if len(versions) > 1:
            raise UsageError(f"the folders were graded by different graders ({', '.join(map(str, versions))})")
        for entry in data["students"]:
            try:
                record = StudentRecord.from_dict(entry)
            except (KeyError, TypeError, ValueError) as exc:
                raise UsageError(f"{folder}/results.json has a malformed student entry ({exc})") from exc
            if record.student in records:
                raise UsageError(f"{record.student} is in both {records[record.student][1]} and {folder}")
            records[record.student] = (record, folder)
    assert exercise_ids is not None  # `merge` refuses an empty `folders`
    return records, exercise_ids


def _merge(folders: list[Path], out: Path, allow_partial: bool) -> Merged:
    _check_folders(folders, out)
    _check_out_outside_students(folders, out)
    outputs.check_folder(out)
    missing = missing_shards(folders)
    warnings = []
    if missing and not allow_partial:
        raise UsageError(f"{_missing_sentence(missing)}: name every shard's folder, or pass --allow-partial to "
                         f"merge these anyway")  # fmt: skip
    if missing:
        warnings.append(f"{_missing_sentence(missing)}: the merged gradebook lacks their students (merged anyway, "
                        f"as --allow-partial asks)")  # fmt: skip
    unfinished = _unfinished(folders)
    if unfinished and not allow_partial:
        which = "it" if len(unfinished) == 1 else "each"
        raise UsageError(f"{'; '.join(unfinished)}: finish {which} with its `grader batch` command and --resume, "
                         f"or pass --allow-partial to merge without them")  # fmt: skip
    warnings += [f"{sentence}: the merged gradebook lacks them (merged anyway, as --allow-partial asks)"
                 for sentence in unfinished]  # fmt: skip
    ungraded = sorted({s for f in folders for s in outputs.ungraded(outputs.read_manifest(f) or {})}, key=name_order)
    records, exercise_ids = _read_records(folders)
    exercises = load_catalog().select(exercise_ids)
    outputs.prepare(out, {"grader_version": grader_version(), "exercises": exercise_ids, "shard": None,
                          "merged": [str(f.resolve()) for f in folders], "missing_shards": missing,
                          "ungraded": ungraded})  # fmt: skip
    store = RecordStore(out / "students")
    store.clear()
    for record, _ in records.values():
        store.save(record)
    # The class graded, by the names of its folders as the shards recorded them; else the shards' own folders.
    classes = dict.fromkeys(Path(r).name for f in folders for r in (outputs.read_manifest(f) or {}).get("roots") or [])
    names = ", ".join(classes) or "merged from " + ", ".join(f.resolve().name for f in folders)
    gaps = ([_missing_sentence(missing)] if missing else []) + (
        [f"{len(ungraded)} student(s) not graded yet"] if ungraded else []
    )
    incomplete = f" (incomplete: {'; '.join(gaps)})" if gaps else ""
    title = f"Class report · {names}{incomplete}"
    outputs.write_all(out, [r for r, _ in records.values()], exercises, title, ungraded=ungraded)
    return Merged(len(records), warnings)
