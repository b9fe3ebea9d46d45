"""`grader.locate`: an exercise file that is not where the grader looks, found and graded or pointed at."""

from __future__ import annotations

from pathlib import Path

import pytest

from grader import locate as locate_module
from grader.locate import anything_found, locate, moved_note, near_message

NAME = "ex01_futures.py"


def tree(root: Path, *files: str) -> Path:
    for rel in files:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(f"# {rel}\n")
    return root


def test_the_file_where_it_belongs_is_graded_without_a_search(tmp_path):
    found = locate(tree(tmp_path, f"exercises/{NAME}", f"other/{NAME}"), NAME)
    assert found.relpath == f"exercises/{NAME}" and not found.elsewhere


@pytest.mark.parametrize(
    "where", [f"exercises/ex01/{NAME}", NAME, f"Exercises/{NAME}", f"src/exercises/{NAME}", f"a/b/c/{NAME}"]
)
def test_the_very_name_elsewhere_is_graded_and_the_note_says_where_to_move_it(tmp_path, where):
    root = tree(tmp_path, where, "exercises/util.py")
    found = locate(root, NAME)
    assert found.path == root / where and found.relpath == where and found.elsewhere
    assert moved_note(root, found) == (
        f"graded {where}, found outside exercises/{NAME}, where the grader looks: move it there"
        f" (`git mv {where} exercises/{NAME}`) so that every grading finds it"
    )


def test_loose_files_without_an_exercises_folder_are_told_to_make_it_first(tmp_path):
    root = tree(tmp_path, NAME, "ex02_awaitables.py")
    assert anything_found(root, [NAME]) and "`mkdir -p exercises && git mv ex01_futures.py" in moved_note(
        root, locate(root, NAME)
    )


def test_the_shallowest_copy_is_graded(tmp_path):
    assert locate(tree(tmp_path, f"deep/er/{NAME}", f"deep/{NAME}"), NAME).relpath == f"deep/{NAME}"


@pytest.mark.parametrize(
    "near", ["exercises/ex01_future.py", "exercises/EX01_Futures.py", "exercises/ex01_futures (1).py",
             "exercises/ex01_futures.py.txt", "exercises/ex1_futures.py", "ex01/ex01-futures.py"]
)  # fmt: skip
def test_a_near_name_is_pointed_at_never_graded(tmp_path, near):
    root = tree(tmp_path, near, "exercises/ex02_awaitables.py", "exercises/ex10_other.py", "exercises/notes.txt")
    found = locate(root, NAME)
    assert found.path is None and found.near == (near,)
    message = near_message(root, found)
    assert message.startswith(f"exercises/{NAME} is missing; found {near}: rename it to exercises/{NAME} (`")
    quoted = f"'{near}'" if " " in near else near
    assert f"git mv {quoted} exercises/{NAME}`" in message


def test_two_of_the_very_name_at_one_depth_are_pointed_at_not_guessed(tmp_path):
    root = tree(tmp_path, f"a/{NAME}", f"b/{NAME}")
    found = locate(root, NAME)
    assert found.path is None and found.near == (f"a/{NAME}", f"b/{NAME}")
    assert f"found a/{NAME} and b/{NAME}: keep the one you mean to hand in, at exercises/{NAME}" in near_message(
        root, found
    )


def test_links_are_never_followed_nor_graded(tmp_path):
    outside = tree(tmp_path / "outside", NAME, f"exercises/{NAME}")
    root = tmp_path / "student"
    root.mkdir()
    (root / "linked").symlink_to(outside, target_is_directory=True)
    (root / NAME).symlink_to(outside / NAME)
    (root / "ex01_future.py").symlink_to(outside / NAME)
    assert locate(root, NAME).path is None and locate(root, NAME).near == ()
    (root / "exercises").symlink_to(outside / "exercises", target_is_directory=True)
    assert locate(root, NAME).path is None, "a linked exercises/ folder is not read either"
    assert not anything_found(root, [NAME])


def test_the_kits_own_folders_hidden_ones_and_caches_are_not_the_students_work(tmp_path):
    root = tree(tmp_path, f"grader/stubs/{NAME}", f"solutions/{NAME}", f".git/{NAME}", f"__pycache__/{NAME}",
                f"venv/lib/{NAME}", f"__MACOSX/{NAME}")  # fmt: skip
    assert locate(root, NAME).path is None and locate(root, NAME).near == ()


def test_a_students_own_solutions_folder_is_searched_when_the_submission_is_no_copy_of_the_kit(tmp_path):
    root = tree(tmp_path, f"solutions/{NAME}")
    assert locate(root, NAME).relpath == f"solutions/{NAME}"


def test_names_are_quoted_for_the_shell_and_names_that_are_not_utf8_are_left_alone(tmp_path):
    root = tree(tmp_path, "exercises/ex01_future's.py")
    message = near_message(root, locate(root, NAME))
    assert "git mv 'exercises/ex01_future'\"'\"'s.py' exercises/ex01_futures.py" in message
    odd = tmp_path / "other"
    odd.mkdir()
    with open(bytes(odd) + b"/ex01_futures\xff.py", "w") as file:  # a name in Latin-1, not UTF-8
        file.write("x")
    found = locate(odd, NAME)
    assert found.near == () and found.path is None


def test_the_search_is_bounded_in_depth_and_entries(tmp_path, monkeypatch):
    root = tree(tmp_path, f"a/b/c/d/{NAME}")
    assert locate(root, NAME).path is None, "five levels down is beyond MAX_DEPTH"
    tree(tmp_path, *(f"many/{n:03}.txt" for n in range(50)), f"z/{NAME}")
    monkeypatch.setattr(locate_module, "MAX_ENTRIES", 30)
    assert locate(root, NAME).path is None, "the entries looked at are bounded"
    monkeypatch.setattr(locate_module, "MAX_ENTRIES", 5000)
    assert locate(root, NAME).relpath == f"z/{NAME}"
