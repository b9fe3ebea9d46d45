"""Everything a batch leaves in `--out`, written from the student records (by `grader batch` and `grader merge`).

    OUT/
      grades.csv            one row per student, `not_graded` ones included (grader.batch.gradebook)
      results.json          every check of every student (schema below)
      report.html           the class at a glance (grader.batch.report)
      feedback/<id>.md      what each student reads (grader.batch.feedback)
      students/<id>.json    one record per student, saved as they are graded; what --resume reuses
      batch.json            what this folder is: the grader, the exercises, the shard, and who is not graded
                            yet ("ungraded": the ids a run stopped before, [] once it is complete)
      left-out/<id>.json    records of students --resume found gone from the ROOTs, where nothing reads them

`results.json`, version 1:

    {
      "version": 1,
      "kind": "asyncio-kit batch",
      "grader_version": "0.1.0+4f1c…",  # the release and a hash of the grader's files
      "exercises": [{"id": "01", "slug": "futures", "title": "Futures", "max_score": 10}],
      "students": [
        {                              # one per student, in name_order: the object `grader check --format json`
          ...                          # prints (version, score, max_score, passed, failed, duration, exercises
                                       # with every check), with "student" set, and:
          "status": "ok",              # ok | not_started | missing | import_error | syntax_error | timeout |
                                       # crashed | grader_error (then "exercises" is [] and "error" says why)
          "fingerprint": "9f2c…",      # digest of the student's files and the grader (--resume)
          "run": "20250101T101500-1234" # the batch run that graded this student
        }
      ]
    }
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import shutil
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from grader.batch import feedback, gradebook, report
from grader.batch.discovery import MANIFEST, name_order
from grader.batch.records import StudentRecord, not_graded
from grader.catalog import Exercise
from grader.errors import MachineRefused, UsageError
from grader.identity import grader_version
from grader.messages import safe_line

RESULTS_VERSION = 1
KIND = "asyncio-kit batch"


def results_document(records: list[StudentRecord], exercises: list[Exercise]) -> dict[str, Any]:
    return {
        "version": RESULTS_VERSION,
        "kind": KIND,
        "grader_version": grader_version(),
        "exercises": [{"id": e.id, "slug": e.slug, "title": e.title, "max_score": e.max_score} for e in exercises],
        "students": [r.to_dict() for r in records],
    }


class OutputsNotWritten(MachineRefused):
    """`--out` could not be written (a full disk, a read-only mount, a quota): the machine's problem, not a bug of
    the kit and not a student's, so it is said in one sentence rather than as a crash."""


_STORAGE_ERRORS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EROFS, errno.EACCES, errno.EPERM, errno.EIO}
"""What a write or a flush raises without a file name (a full disk is often only noticed when a file is closed)."""


@contextlib.contextmanager
def writing_to(out: Path) -> Iterator[None]:
    """Turn a failure to write a file inside `out` into `OutputsNotWritten`; any other error passes unchanged."""
    try:
        yield
    except OSError as exc:
        named = exc.filename is not None and Path(exc.filename).is_relative_to(out)
        if not named and not (exc.filename is None and exc.errno in _STORAGE_ERRORS):
            raise
        where = exc.filename if named else f"into {out}"
        raise OutputsNotWritten(f"could not write {where}: {exc.strerror or exc}") from exc


@contextlib.contextmanager
def _replacing(path: Path, encoding: str = "utf-8") -> Iterator[TextIO]:
    """A file to write instead of `path`, put in its place only once complete: an interrupted run (Ctrl-C, a
    kill) leaves the previous version whole, never half a gradebook."""
    temporary = path.with_name(f".{path.name}.tmp")
    try:
        with open(temporary, "w", encoding=encoding, newline="") as file:
            yield file
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):  # a full disk must not also leave an empty .tmp behind
            temporary.unlink()
        raise


def write_all(
    out: Path, records: list[StudentRecord], exercises: list[Exercise], title: str, ungraded: Sequence[str] = ()
) -> None:
    """(Re)write the gradebook, results, report and feedback files from `records`. The `ungraded` students (a run
    stopped before them) get a `not_graded` row in grades.csv and the report, and nothing else: no results, no
    feedback, no record."""
    records = sorted(records, key=lambda r: name_order(r.student))
    graded_ids = {r.student for r in records}
    rows = sorted(
        records + [not_graded(s) for s in ungraded if s not in graded_ids], key=lambda r: name_order(r.student)
    )
    out.mkdir(parents=True, exist_ok=True)
    # With a byte order mark, or Excel on Windows reads the names (José, 李) as ANSI (see grader.batch.gradebook)
    with _replacing(out / "grades.csv", encoding=gradebook.ENCODING) as file:
        gradebook.write(rows, exercises, file)
    with _replacing(out / "results.json") as file:
        json.dump(results_document(records, exercises), file, indent=1, ensure_ascii=False)
    fresh, folder = out / ".feedback.tmp", out / "feedback"
    shutil.rmtree(fresh, ignore_errors=True)
    fresh.mkdir()
    for record in records:
        with open(fresh / f"{record.student}.md", "w", encoding="utf-8") as file:
            feedback.render(record, file)
    shutil.rmtree(folder, ignore_errors=True)
    os.replace(fresh, folder)
    with _replacing(out / "report.html") as file:
        report.render(rows, exercises, file, title)


def read_manifest(out: Path) -> dict[str, Any] | None:
    try:
        data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and data.get("kind") == KIND else None


def check_folder(out: Path) -> None:
    """Refuse an `out` that is a file, a folder that holds anything but an earlier batch output, or one that this
    process cannot write (checked before grading, or a whole class would be graded for nothing)."""
    if out.exists() and not out.is_dir():
        raise UsageError(f"--out {out} is a file")
    if out.is_dir() and any(out.iterdir()) and read_manifest(out) is None:
        raise UsageError(f"--out {out} is not empty and holds no earlier batch output: choose an empty or new folder")
    existing = next(folder for folder in (out, *out.parents) if folder.exists())
    if not existing.is_dir():
        raise UsageError(f"--out {out} cannot be created: {existing} is a file: choose another folder")
    if not os.access(existing, os.W_OK | os.X_OK):
        problem = "is not writable" if existing == out else f"cannot be created: {existing} is not writable"
        raise UsageError(f"--out {out} {problem} (read-only or not yours): choose a folder you can write to")
    if not out.exists():
        # Tried now, and taken down again (a refused command leaves nothing): some folders refuse what access(2)
        # allows (/proc, a full disk), and that must be a usage error before grading, not a failure after it.
        try:
            out.mkdir(parents=True)
        except OSError as error:
            raise UsageError(
                f"--out {out} cannot be created ({error.strerror}): choose a folder you can write to"
            ) from None
        for folder in (out, *out.parents):
            if folder == existing:
                break
            folder.rmdir()


def prepare(out: Path, manifest: dict[str, Any]) -> None:
    """Make `out` a batch output folder; refuse a folder that holds anything else."""
    check_folder(out)
    out.mkdir(parents=True, exist_ok=True)
    write_manifest(out, manifest)


def write_manifest(out: Path, manifest: dict[str, Any]) -> None:
    with _replacing(out / MANIFEST) as file:
        json.dump({"kind": KIND, **manifest}, file, indent=1)


def ungraded(manifest: dict[str, Any]) -> list[str]:
    """The students an interrupted or killed run did not grade (a manifest from before this field: none), their ids
    made safe to show as every id is (`grader.messages.safe_line`): `grader merge` names them in its warnings."""
    students = manifest.get("ungraded")
    return [safe_line(str(s)) for s in students] if isinstance(students, list) else []


def read_results(folder: Path) -> dict[str, Any]:
    path = folder / "results.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise UsageError(f"{folder} has no readable results.json ({exc.strerror})") from exc
    except ValueError as exc:
        raise UsageError(f"{path} is not valid JSON: {exc}") from exc
    if not isinstance(data, dict) or data.get("kind") != KIND or data.get("version") != RESULTS_VERSION:
        raise UsageError(f"{path} is not the results.json of a batch (version {RESULTS_VERSION})")
    return data
