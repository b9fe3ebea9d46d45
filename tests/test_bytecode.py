"""The parent writes the grader's bytecode for the suites' processes, which may not write it themselves."""

from __future__ import annotations

import sys

from grader import suite_process


def test_the_grader_is_compiled_once_and_only_where_python_may_write_bytecode(monkeypatch):
    compiled = []
    monkeypatch.setattr(suite_process.compileall, "compile_dir", lambda folder, **_: compiled.append(folder))
    monkeypatch.setattr(suite_process, "_bytecode_checked", False)
    monkeypatch.setattr(sys, "dont_write_bytecode", True)  # PYTHONDONTWRITEBYTECODE, python -B: the user's choice
    suite_process.ensure_bytecode()
    assert compiled == []
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    suite_process.ensure_bytecode()
    suite_process.ensure_bytecode()
    assert compiled == [suite_process.SUITES_DIR.parent]


def test_a_cache_that_cannot_be_written_never_stops_grading(monkeypatch):
    def read_only(folder, **_):
        raise PermissionError(13, "Permission denied", str(folder))

    monkeypatch.setattr(suite_process.compileall, "compile_dir", read_only)
    monkeypatch.setattr(suite_process, "_bytecode_checked", False)
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    suite_process.ensure_bytecode()


def test_every_file_of_the_kit_compiles_on_this_python():
    # Python versions differ in what source they accept (3.13 refuses a lone surrogate in a string literal): the
    # 3.13 leg of CI runs this file too.
    kit = suite_process.SUITES_DIR.parent.parent
    files = [p for folder in ("grader", "exercises", "solutions") for p in sorted((kit / folder).rglob("*.py"))]
    assert len(files) > 50
    for path in files:
        compile(path.read_text(encoding="utf-8"), str(path), "exec")
