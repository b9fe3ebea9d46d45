"""The state file (hints, remembered verdicts) and the pristine stubs that `grader reset` puts back."""

from __future__ import annotations

import ast
import threading

import pytest
from support import KIT

from grader import state
from grader.catalog import load_catalog
from grader.hints import reveal, shown
from grader.pristine import STUBS_DIR, is_untouched, reset, text_fingerprint

CATALOG = load_catalog()
FIRST = CATALOG.exercises[0]


@pytest.mark.parametrize("exercise", list(CATALOG), ids=lambda e: e.id)
def test_the_package_carries_an_exact_copy_of_every_stub(exercise):
    copy = STUBS_DIR / exercise.filename
    assert copy.is_file(), f"cp exercises/{exercise.filename} grader/stubs/  (grader reset needs the pristine stub)"
    assert copy.read_bytes() == (KIT / "exercises" / exercise.filename).read_bytes(), (
        f"grader/stubs/{exercise.filename} differs from exercises/: cp exercises/{exercise.filename} grader/stubs/"
    )


def test_untouched_ignores_line_endings(tmp_path):
    (tmp_path / "exercises").mkdir()
    stub = (STUBS_DIR / FIRST.filename).read_bytes()
    (tmp_path / FIRST.relpath).write_bytes(stub.replace(b"\n", b"\r\n"))
    assert is_untouched(tmp_path, FIRST)
    (tmp_path / FIRST.relpath).write_bytes(stub + b"# started\n")
    assert not is_untouched(tmp_path, FIRST)
    assert text_fingerprint(b"a\r\nb") == text_fingerprint(b"a\nb")


def test_reset_of_an_untouched_file_makes_no_backup(tmp_path):
    (tmp_path / "exercises").mkdir()
    (tmp_path / FIRST.relpath).write_bytes((STUBS_DIR / FIRST.filename).read_bytes())
    assert reset(tmp_path, FIRST) is None
    assert not (tmp_path / ".grader-backups").exists()


def test_two_resets_in_the_same_second_keep_both_backups(tmp_path):
    (tmp_path / "exercises").mkdir()
    for text in ("one", "two"):
        (tmp_path / FIRST.relpath).write_text(text)
        reset(tmp_path, FIRST)
    assert sorted(p.read_text() for p in (tmp_path / ".grader-backups").iterdir()) == ["one", "two"]


@pytest.mark.parametrize("content", ["{not json", '{"version": 99}', "[]", '{"version": 1, "exercises": 3}', ""])
def test_an_unreadable_state_is_a_fresh_start(tmp_path, content):
    (tmp_path / state.STATE_FILE).write_text(content)
    assert state.load(tmp_path).exercises == {}
    assert reveal(tmp_path, FIRST) == (1, True)
    assert shown(tmp_path, FIRST) == 1


def test_hints_stop_at_the_last_and_all_reveals_every_one(tmp_path):
    total = len(FIRST.hints)
    assert reveal(tmp_path, FIRST, everything=True) == (total, True)
    assert reveal(tmp_path, FIRST) == (total, False)


def test_concurrent_updates_lose_nothing(tmp_path):
    """A watcher and `grader hint` in two terminals write the same file: every change must survive."""
    exercises = [f"{n:02}" for n in range(20)]

    def bump(exercise_id: str) -> None:
        for _ in range(5):
            with state.updating(tmp_path) as current:
                current.of(exercise_id).hints_shown += 1

    threads = [threading.Thread(target=bump, args=(e,)) for e in exercises]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    saved = state.load(tmp_path)
    assert {e: saved.of(e).hints_shown for e in exercises} == dict.fromkeys(exercises, 5)


@pytest.mark.parametrize("exercise", list(CATALOG), ids=lambda e: e.id)
def test_every_stub_teaches_its_topic_with_an_example(exercise):
    """`grader list` gives the topic; the stub's docstring must explain it, with a short example to read."""
    docstring = ast.get_docstring(ast.parse((KIT / exercise.relpath).read_text(encoding="utf-8"))) or ""
    assert len(docstring.splitlines()) >= 5, f"{exercise.relpath} needs a docstring that explains the task"
    example = [line for line in docstring.splitlines() if line.startswith(("    ", ">>>"))]
    assert example, f"{exercise.relpath}: the docstring needs a short example (an indented block or >>> lines)"
