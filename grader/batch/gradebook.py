"""`grades.csv`: one row per student, for a spreadsheet or an LMS import.

Columns: `student`, one column of points per exercise (`ex01`, ...), `total`, `max`, `status` and `problems`.
`status` is the worst thing that happened to any exercise (`crashed`, `timeout`, `syntax_error`,
`import_error`, `missing`, else `ok`), `not_started` instead of `ok` when no exercise was started, or
`grader_error` when the grader failed, or `not_graded` for a student an interrupted run did not reach (the points
are then empty). `problems` lists which exercises, e.g. `01 timeout; 05 missing` (`every exercise missing` when
all share one; `the repository has no exercises/ folder` for a student who pushed nothing), and where a file was
not where the grader looks: `01 graded from exercises/ex01/ex01_futures.py`, `03 missing (found
exercises/ex03_timed.py)`, `02 missing (a symbolic link)`.

The file is UTF-8 with a byte order mark (`ENCODING`): Excel on Windows needs the mark to read names such as
"José Müller 李" as UTF-8 rather than in the local ANSI code page, and pandas, LibreOffice, Google Sheets and
Moodle's CSV import skip it. A Python script reads it with `open(path, encoding="utf-8-sig", newline="")`
(which also reads a file without the mark); with "utf-8", the first column would be called "\ufeffstudent".
"""

from __future__ import annotations

import csv
from typing import TextIO

from grader.batch.records import StudentRecord
from grader.catalog import Exercise

ENCODING = "utf-8-sig"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(text: str) -> str:
    """Text a spreadsheet will not run as a formula (folder names and messages come from students)."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def header(exercises: list[Exercise]) -> list[str]:
    return ["student", *(f"ex{e.id}" for e in exercises), "total", "max", "status", "problems"]


def row(record: StudentRecord, exercises: list[Exercise]) -> list[str]:
    points = {e.id: e.score for e in record.result.exercises}
    max_score = sum(e.max_score for e in exercises)
    if record.error:
        cells = ["" for _ in exercises] + ["", str(max_score)]
    else:
        cells = [str(points.get(e.id, 0)) for e in exercises] + [str(record.result.score), str(max_score)]
    return [_cell(record.student), *cells, record.status, _cell(record.problems)]


def write(records: list[StudentRecord], exercises: list[Exercise], file: TextIO) -> None:
    """`grades.csv` into `file`, opened with `newline=""` as the csv module wants."""
    writer = csv.writer(file)
    writer.writerow(header(exercises))
    for record in records:
        writer.writerow(row(record, exercises))
