"""`grader export-template OUT`: the repository students receive, and the check that their grader is the one sent.

The template is the kit without `solutions/` and without the kit's own tests, with a README that speaks to
students and the GitHub Classroom workflow. Two shapes:

- with the grader (default): `grader/` (hidden suites included) and `pyproject.toml` travel in the template, and
  the workflow installs the grader from the student's checked-out repository (`pip install .`);
- without it (`grader_from=LOCATION`): the template holds `exercises/` only, and both the workflow and the
  README install the grader from the pip requirement the instructor names (a git URL, a wheel's URL, a package).

Either way `.grader-export.json` records the version and the fingerprint of the grader that was exported. When
`grader check` runs in a submission that has one and the running grader differs, it warns without refusing: a
student who edited or reinstalled their copy learns that their score may not be their grade.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import asdict, dataclass
from pathlib import Path

from grader import __version__
from grader.catalog import PACKAGE_DIR, Catalog, load_catalog
from grader.classroom_workflow import KIT_INSTALL, WORKFLOW_PATH, install_command, workflow
from grader.environment import SUPPORTED
from grader.errors import UsageError
from grader.identity import grader_fingerprint
from grader.invocation import python_command
from grader.messages import safe_line
from grader.pristine import is_untouched

MANIFEST = ".grader-export.json"
_IGNORED = shutil.ignore_patterns("__pycache__", "*.pyc", ".pytest_cache")


@dataclass(frozen=True)
class Manifest:
    grader_version: str
    grader_fingerprint: str
    grader_from: str
    """The pip requirement the grader is installed from: "." when it ships in the template."""

    def install(self) -> str:
        """The command that installs the exported grader into the environment this grader runs in."""
        return install_command(self.grader_from).replace("python -m pip", f"{python_command()} -m pip", 1)


def read_manifest(root: Path) -> Manifest | None:
    """The manifest of the submission at `root`, or None. It is the student's file like any other (an instructor
    may run `grader check --path` on it), so what it says is made safe to show (`grader.messages.safe_line`)."""
    try:
        data = json.loads((root / MANIFEST).read_text(encoding="utf-8"))
        fields = (data["grader_version"], data["grader_fingerprint"], data["grader_from"])
        return Manifest(*(safe_line(str(value)) for value in fields))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def drift_warning(root: Path) -> str | None:
    """Why the running grader may not grade like the instructor's, or None when it is the one exported."""
    manifest = read_manifest(root)
    if manifest is None:
        return None
    mine = grader_fingerprint()
    if mine == manifest.grader_fingerprint:
        return None
    return (
        f"this grader (version {__version__}, fingerprint {mine}) differs from the one your instructor exported "
        f"(version {manifest.grader_version}, fingerprint {manifest.grader_fingerprint}). Your instructor grades "
        f"with their own copy, so the score below may not be your grade. To grade like them, {_restore(manifest)}"
    )


def _restore(manifest: Manifest) -> str:
    if manifest.grader_from == KIT_INSTALL:  # it ships in the repository: an edit there is undone by git
        return (
            f"put the grader folder back as it came (`git checkout -- grader/`), then reinstall: {manifest.install()}"
        )
    return f"reinstall it: {manifest.install()}"


def _following(catalog: Catalog) -> str:
    """The lesson the exercises follow, named as the grader's fixes name its sections ("in the lesson")."""
    return f",\nfollowing the lesson '{catalog.lesson}'" if catalog.lesson else ""


def student_readme(catalog: Catalog, grader_from: str) -> str:
    install = install_command(grader_from).replace("python -m pip", ".venv/bin/python -m pip")
    exercises = "\n".join(f"| {e.id} | {e.title} | `{e.relpath}` | {e.max_score} |" for e in catalog)
    first = next(iter(catalog)).id
    return f"""# asyncio exercises

Welcome! Each file in `exercises/` is one small exercise on Python's asyncio{_following(catalog)}. Read the
docstring at the top of the file: it says what to build. Replace every `raise NotImplementedError(...)` with your
own code, then let the grader tell you how you are doing.

## Check your work (two commands)

In a terminal, in this folder (you need Python {SUPPORTED}, on Linux, macOS or Windows' WSL):

```
python3 -m venv .venv && {install}
.venv/bin/grader check {first}
```

The first command installs the grader once; the second grades exercise {first}. Run `.venv/bin/grader check`
alone to grade every exercise, and `.venv/bin/grader hint {first}` when you are stuck. (On Windows, work inside
WSL: the grader needs a Unix. `source .venv/bin/activate` once per terminal lets you type just `grader ...`.)
If `python3 --version` is not {SUPPORTED}, start the first command with one that is (`python3.12 -m venv --clear
.venv ...`: `--clear` replaces a `.venv` that the other Python made);
on Debian or Ubuntu, if it says `ensurepip is not available`, run `sudo apt install python3-venv` and try again.

While you work, leave `.venv/bin/grader watch` running in a terminal: it grades the exercise you are on each
time you save it, shows what changed since your last save, and moves on to the next exercise when every check
passes (`h` unfolds a hint, `q` quits). `.venv/bin/grader` alone shows your progress and what comes next;
`.venv/bin/grader hint NN` gives one more hint each time you ask; `.venv/bin/grader reset NN` puts the original
file back after saving yours in `.grader-backups/`.

For every check that does not pass yet, the grader says what your code did, what was expected, the line of your
file it points at, and what in the lesson fixes it ("not implemented yet" means that function still raises
`NotImplementedError`: you have not started it).

## The exercises

| # | exercise | your file | points |
|---|----------|-----------|--------|
{exercises}
|   | **total** |          | **{sum(e.max_score for e in catalog)}** |

## Handing in

Commit and push. Each push runs the grader on GitHub (the **Actions** tab, workflow *Autograding Tests*): every
exercise's step shows the same report as your terminal, and the last step posts your points. Only your files in
`exercises/` are graded: leave the grader and the workflow as they are. Your instructor's own copy of the grader
has the final word, and `.venv/bin/grader check` warns you when your copy of the grader was changed since your
instructor handed it out.
"""


_MAINTAINERS_ONLY = ("[project.optional-dependencies]", "[tool.pytest", "[tool.ruff")
"""Sections of the kit's pyproject.toml about its own tests and lint: in a student's repository a bare `pytest`
would read them and complain about options and test folders that are not there."""


def students_pyproject(kit_pyproject: Path) -> str:
    """The kit's pyproject.toml without the sections that serve only the kit's maintainers."""
    kept, skipping = [], False
    for line in kit_pyproject.read_text(encoding="utf-8").splitlines(keepends=True):
        if line.startswith("["):
            skipping = line.startswith(_MAINTAINERS_ONLY)
        if not skipping:
            kept.append(line)
    return "".join(kept).rstrip("\n") + "\n"


def _copy(source: Path, target: Path) -> None:
    if source.is_dir():
        shutil.copytree(source, target, ignore=_IGNORED)
    else:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)


def _check_stubs(kit: Path, catalog: Catalog) -> None:
    """Refuse to export exercise files that are not the pristine stubs: an instructor who tried the exercises in
    their own copy of the kit would otherwise hand their solutions to the whole class."""
    changed = [e for e in catalog if not is_untouched(kit, e)]
    if not changed:
        return
    one = len(changed) == 1
    resets = " and ".join(f"`grader reset {e.id}`" for e in changed)
    raise UsageError(
        f"{', '.join(e.relpath for e in changed)} in {kit} {'is' if one else 'are'} not the stub students start "
        f"from (grader/stubs/), so the template would hand out what is in {'it' if one else 'them'}. If it is your "
        f"own work, {resets}, run in {kit}, put{'s' if one else ''} the stub{'' if one else 's'} back (your "
        f"version is saved in .grader-backups/); if you meant to change a stub, copy it into grader/stubs/ too "
        f"(see grader/stubs/README.md)"
    )


def export_template(out: Path, *, grader_from: str | None = None, kit: Path | None = None) -> Manifest:
    """Write the students' repository to `out` (which must not exist or be empty); return its manifest."""
    kit = kit or PACKAGE_DIR.parent
    if not (kit / "exercises").is_dir() or not (kit / "pyproject.toml").is_file():
        raise UsageError(f"export-template runs in the kit's own repository; {kit} has no exercises/ or pyproject.toml")
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise UsageError(f"{out} already exists and is not empty: name a new folder")
    catalog = load_catalog()
    _check_stubs(kit, catalog)
    source = grader_from or KIT_INSTALL
    out.mkdir(parents=True, exist_ok=True)
    _copy(kit / "exercises", out / "exercises")
    if kit.joinpath(".gitignore").is_file():
        _copy(kit / ".gitignore", out / ".gitignore")
    if grader_from is None:
        _copy(PACKAGE_DIR, out / "grader")
        (out / "pyproject.toml").write_text(students_pyproject(kit / "pyproject.toml"), encoding="utf-8")
        for licence in kit.glob("LICEN[CS]E*"):
            _copy(licence, out / licence.name)
    (out / "README.md").write_text(student_readme(catalog, source), encoding="utf-8")
    workflow_file = out / WORKFLOW_PATH
    workflow_file.parent.mkdir(parents=True)
    workflow_file.write_text(workflow(catalog, source), encoding="utf-8")
    manifest = Manifest(__version__, grader_fingerprint(), source)
    (out / MANIFEST).write_text(json.dumps(asdict(manifest), indent=2) + "\n", encoding="utf-8")
    return manifest
