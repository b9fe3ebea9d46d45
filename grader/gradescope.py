"""Gradescope: the autograder zip an instructor uploads, and what it runs for each submission.

Gradescope's specification: the zip holds `setup.sh` (run once, as root, when the image is built) and
`run_autograder` (run for every submission, in `/autograder`); the zip is unpacked to `/autograder/source`, the
student's files arrive in `/autograder/submission`, and `/autograder/results/results.json` must be written.

Our zip:

    setup.sh            installs Python and this grader into /autograder/venv
    run_autograder      `python -m grader gradescope-run`: grade the submission, write results.json
    gradescope.json     which exercises, and what students see of hidden checks (`Visibility`)
    kit/                the grader package (with its suites) to install, and exercises/util.py

Students may upload their files loose (`ex01_futures.py`) or their whole repository (`exercises/ex01_futures.py`,
GitHub upload): each exercise's file is looked for at `exercises/<file>`, then by its very name elsewhere in the
submission, by the rule `grader check` and `grader batch` follow too (`grader.locate`: bounded, no links).
A missing `exercises/util.py` (given, not graded) is taken from the kit. Both scripts read `AUTOGRADER_ROOT`
(default `/autograder`), and `run_autograder` reads `GRADER_PYTHON`, so the zip can be tried in a fake tree.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from grader import __version__
from grader.catalog import PACKAGE_DIR, Catalog, Exercise, load_catalog
from grader.errors import InternalError, UsageError
from grader.locate import locate
from grader.model import Outcome, SubmissionResult
from grader.render.gradescope_format import Visibility, results_json
from grader.workspace import copy_file

CONFIG = "gradescope.json"
_FIXED_TIME = (2024, 1, 1, 0, 0, 0)
"""Zip entries' timestamp: the same kit gives the same zip, byte for byte."""

SETUP_SH = """\
#!/usr/bin/env bash
# Gradescope runs this once, as root, while it builds the autograder's image: install Python and the grader.
set -euo pipefail
AUTOGRADER_ROOT="${AUTOGRADER_ROOT:-/autograder}"
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3 python3-venv python3-pip >/dev/null
fi
if ! python3 -c 'import sys; sys.exit(sys.version_info < (3, 10))'; then
    echo "asyncio-kit's grader needs Python 3.10 to 3.13, and this image has $(python3 -V 2>&1):" >&2
    echo "choose Ubuntu 22.04 or newer as the autograder's base image." >&2
    exit 1
fi
python3 -m venv "$AUTOGRADER_ROOT/venv"
"$AUTOGRADER_ROOT/venv/bin/python" -m pip install --quiet --upgrade pip
"$AUTOGRADER_ROOT/venv/bin/python" -m pip install --quiet "$AUTOGRADER_ROOT/source/kit"
"$AUTOGRADER_ROOT/venv/bin/python" -m grader --version
"""

RUN_AUTOGRADER = """\
#!/usr/bin/env bash
# Gradescope runs this for every submission: grade $AUTOGRADER_ROOT/submission into results/results.json.
AUTOGRADER_ROOT="${AUTOGRADER_ROOT:-/autograder}"
cd "$AUTOGRADER_ROOT" || exit 1
exec "${GRADER_PYTHON:-$AUTOGRADER_ROOT/venv/bin/python}" -m grader gradescope-run --root "$AUTOGRADER_ROOT"
"""

KIT_README = "asyncio-kit's grader, packed for Gradescope by `grader gradescope`.\n"


@dataclass(frozen=True)
class Config:
    exercises: tuple[str, ...]
    visibility: Visibility
    grader_version: str = __version__

    def to_json(self) -> str:
        data = {"grader_version": self.grader_version, "exercises": list(self.exercises),
                **self.visibility.to_dict()}  # fmt: skip
        return json.dumps(data, indent=2) + "\n"

    @classmethod
    def from_json(cls, text: str) -> Config:
        data = json.loads(text)
        return cls(tuple(data["exercises"]), Visibility.from_dict(data), data.get("grader_version", ""))


def parse_hidden(
    catalog: Catalog, selectors: tuple[str, ...] | list[str], selected: list[Exercise] | None = None
) -> frozenset[str]:
    """Normalise `--hide` selectors: "1" or "01" (a whole exercise), "01:check_name" (one check); each must name an
    exercise of `selected` (default: all), or the instructor is hiding something the zip does not grade."""
    hidden = set()
    for selector in selectors:
        exercise_id, _, check = selector.partition(":")
        exercise = catalog.get(exercise_id)
        if selected is not None and exercise not in selected:
            chosen = ", ".join(e.id for e in selected)
            raise UsageError(f"--hide {selector}: exercise {exercise.id} is not in this autograder ({chosen})")
        if check and check not in {c.name for c in exercise.checks}:
            names = ", ".join(c.name for c in exercise.checks)
            raise UsageError(f"exercise {exercise.id} has no check {check!r}; its checks are {names}")
        hidden.add(f"{exercise.id}:{check}" if check else exercise.id)
    return frozenset(hidden)


def _add(archive: zipfile.ZipFile, name: str, data: bytes, executable: bool = False) -> None:
    info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = (0o100755 if executable else 0o100644) << 16
    archive.writestr(info, data)


def build_zip(out: Path, exercises: list[Exercise], visibility: Visibility, kit: Path | None = None) -> None:
    """Write the autograder zip for `exercises` to `out`."""
    kit = kit or PACKAGE_DIR.parent
    util = kit / "exercises" / "util.py"
    if not util.is_file() or not (kit / "pyproject.toml").is_file():
        raise UsageError(f"grader gradescope runs in the kit's repository; {kit} has no exercises/util.py or pyproject")
    config = Config(tuple(e.id for e in exercises), visibility)
    out.parent.mkdir(parents=True, exist_ok=True)
    # Written aside, then renamed: a failure (a full disk) leaves neither half a zip to upload nor a lost older one.
    partial = out.with_name(f".{out.name}.{os.getpid()}.partial")
    try:
        _write_zip(partial, kit, util, config)
        os.replace(partial, out)
    except OSError as exc:
        if exc.filename in (str(partial), partial):  # the instructor asked for `out`, and never saw this name
            exc.filename = str(out)
        raise
    finally:
        partial.unlink(missing_ok=True)


def _write_zip(out: Path, kit: Path, util: Path, config: Config) -> None:
    with zipfile.ZipFile(out, "w") as archive:
        _add(archive, "setup.sh", SETUP_SH.encode(), executable=True)
        _add(archive, "run_autograder", RUN_AUTOGRADER.encode(), executable=True)
        _add(archive, CONFIG, config.to_json().encode())
        _add(archive, "kit/pyproject.toml", (kit / "pyproject.toml").read_bytes())
        _add(archive, "kit/README.md", KIT_README.encode())
        _add(archive, "kit/exercises/util.py", util.read_bytes())
        for path in sorted(PACKAGE_DIR.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
                _add(archive, f"kit/grader/{path.relative_to(PACKAGE_DIR).as_posix()}", path.read_bytes())


def gather_submission(submission: Path, exercises: list[Exercise], util: Path) -> Path:
    """A temporary submission root whose exercises/ holds the student's exercise files; the caller removes it."""
    root = Path(tempfile.mkdtemp(prefix="grader-gradescope-"))
    target = root / "exercises"
    try:
        target.mkdir()
        for exercise in exercises:
            found = locate(submission, exercise.filename).path
            if found is not None and not copy_file(found, target / exercise.filename):
                # Too large for copy_file (or unreadable): copied as it is, so that the runner says how large,
                # rather than that nothing was uploaded. A link by now is copied as a link, which it refuses.
                with contextlib.suppress(OSError):
                    shutil.copyfile(found, target / exercise.filename, follow_symlinks=False)
        student_util = locate(submission, "util.py").path
        if student_util is None or not copy_file(student_util, target / "util.py"):
            shutil.copyfile(util, target / "util.py")
    except BaseException:
        shutil.rmtree(root, ignore_errors=True)
        raise
    return root


def _say_what_to_upload(result: SubmissionResult, submission: Path) -> None:
    """A missing file on Gradescope is a file not uploaded, not a stub to put back into a clone of the kit; a file
    of a near name that was uploaded instead is named, with the name to give it."""
    for exercise in result.exercises:
        if exercise.outcome is Outcome.MISSING and "is missing" in exercise.message:
            filename = exercise.file.rpartition("/")[2]
            near = locate(submission, filename).near
            exercise.found = list(near)
            if near:
                message = (f"your submission has no {filename}, but has {', '.join(near)}: rename it to {filename}"
                           " and upload again (only a file of that very name is graded)")  # fmt: skip
            else:
                message = f"your submission has no {filename}: upload it, on its own or as {exercise.file}"
            exercise.message = message
            for check in exercise.checks:
                check.message = message


def run(root: Path) -> SubmissionResult:
    """Grade `root`/submission as configured in `root`/source/gradescope.json; write `root`/results/results.json."""
    from grader.runner import grade

    config_file = root / "source" / CONFIG
    try:
        config = Config.from_json(config_file.read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError) as exc:
        raise InternalError(f"cannot read the autograder's configuration {config_file}: {exc}") from exc
    exercises = load_catalog().select(config.exercises)
    submission = gather_submission(root / "submission", exercises, root / "source" / "kit" / "exercises" / "util.py")
    try:
        result = grade(exercises, submission)
    finally:
        shutil.rmtree(submission, ignore_errors=True)
    _say_what_to_upload(result, root / "submission")
    results = root / "results"
    results.mkdir(parents=True, exist_ok=True)
    partial = results / "results.json.partial"
    partial.write_text(json.dumps(results_json(result, config.visibility), indent=2, ensure_ascii=False) + "\n",
                       encoding="utf-8")  # fmt: skip
    partial.replace(results / "results.json")
    if config.grader_version != __version__:
        print(f"note: the zip was built with grader {config.grader_version}, this is {__version__}", file=sys.stderr)
    return result
