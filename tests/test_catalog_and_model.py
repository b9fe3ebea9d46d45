"""The catalog rejects a malformed exercises.toml loudly; the results model survives a round trip to JSON, and
no text in it, whoever wrote it, can carry a control character to an output."""

from __future__ import annotations

import json

import pytest

from grader.catalog import load_catalog, parse_catalog
from grader.errors import CatalogError, UnknownExercise
from grader.messages import safe_line, safe_text
from grader.model import CheckResult, ExerciseResult, Location, Outcome, Status, SubmissionResult
from grader.suite_index import read_suite

EXERCISE = """
[[exercise]]
id = "{id}"
slug = "{slug}"
title = "T"
topic = "A topic."
hints = ["A hint?"]
[exercise.checks]
does_a_thing = 2
"""


def test_the_kit_catalog_loads_and_agrees_with_its_suites():
    catalog = load_catalog()
    assert len(catalog) >= 1
    for exercise in catalog:
        assert exercise.hints and exercise.topic
        assert {c.name for c in read_suite(exercise.suite)} == {c.name for c in exercise.checks}


def test_what_the_catalog_says_to_students_is_ascii():
    # A terminal that cannot show ✓ gets + from the text format, but a dash in a topic reached it as "\u2014".
    for exercise in load_catalog():
        for text in (exercise.title, exercise.topic, *exercise.hints):
            assert text.isascii(), f"exercise {exercise.id}: {text!r}"


@pytest.mark.parametrize(
    "name", ["1", "01", "ex01", "futures", "01_futures", "ex01_futures.py", "exercises/ex01_futures.py", "./ex01"]
)
def test_an_exercise_can_be_named_several_ways(name):
    assert load_catalog().get(name).id == "01"


def test_unknown_exercise_lists_the_known_ones():
    with pytest.raises(UnknownExercise, match="the exercises are 01"):
        load_catalog().get("77")


@pytest.mark.parametrize(
    ("text", "error"),
    [
        (EXERCISE.format(id="01", slug="a") + EXERCISE.format(id="01", slug="b"), "duplicate"),
        (EXERCISE.format(id="02", slug="a") + EXERCISE.format(id="01", slug="b"), "course order"),
        (EXERCISE.format(id="1", slug="a"), "two digits"),
        (EXERCISE.format(id="01", slug="Bad Slug"), "slug"),
        (EXERCISE.format(id="01", slug="a").replace('hints = ["A hint?"]', "hints = []"), "no hints"),
        (EXERCISE.format(id="01", slug="a").replace("does_a_thing = 2", "does_a_thing = 0"), "positive points"),
        (EXERCISE.format(id="01", slug="a").replace('title = "T"\n', ""), "title"),
        ("[[exercise]\n", "exercises.toml"),
    ],
)
def test_malformed_catalogs_are_rejected(text, error):
    with pytest.raises(CatalogError, match=error):
        parse_catalog(text)


def test_results_round_trip_through_json():
    check = CheckResult(
        "does_a_thing", "It does a thing", Status.FAILED, 0, 2, "it did not", "it does", "do it",
        Location("exercises/ex01_futures.py", 12, "make_request"), 0.25,
    )  # fmt: skip
    exercise = ExerciseResult("01", "futures", "Futures", "exercises/ex01_futures.py", [check], Outcome.TIMEOUT)
    result = SubmissionResult([exercise], grader_version="0.1.0", duration=1.5, student="ada")
    data = json.loads(json.dumps(result.to_dict()))
    assert SubmissionResult.from_dict(data).to_dict() == data
    assert data["score"] == 0 and data["max_score"] == 2 and data["failed"] == 1


def test_results_of_another_version_are_refused():
    with pytest.raises(ValueError, match="unsupported results version"):
        SubmissionResult.from_dict({"version": 99, "exercises": []})


HOSTILE = "a\x1b[2J\x1b]0;title\x07b\x00c\x7f\x9b\u202eexe.txt\u2066\u2028d\re\r\nf\tg\n"
"""A screen clear, a window title, a bell, NUL, DEL, a C1 control, bidi controls, a line separator, a carriage
return, a Windows line end, a tab and a newline."""
CONTROL = [chr(c) for c in [*range(0x20), *range(0x7F, 0xA0)] if chr(c) not in "\t\n"]
BIDI = [*"\u061c\u200e\u200f", *map(chr, range(0x202A, 0x202F)), *map(chr, range(0x2066, 0x206A))]


def test_control_characters_become_escapes_a_student_can_read():
    assert safe_text(HOSTILE) == (
        "a\\x1b[2J\\x1b]0;title\\x07b\\x00c\\x7f\\x9b\\u202eexe.txt\\u2066\\u2028d\\re\nf\tg\n"
    )
    assert safe_line(HOSTILE).endswith("\\re\\r\\nf\\tg\\n") and "\n" not in safe_line(HOSTILE)
    for char in CONTROL + BIDI + ["\u2028", "\u2029", "\ud800"]:
        assert char not in safe_text(f"x{char}y") and char not in safe_line(f"x{char}y"), repr(char)
    assert safe_line("caf\udce9") == "caf\\xe9"  # a folder name that is not UTF-8: the byte, and writable
    plain = "José's `future` <b>[1]</b> & C:\\Users\\x 李 ✓ — é\u0301 \U0001f600"
    assert safe_text(plain) == safe_line(plain) == plain  # markup is for each format's own escaping


def test_every_text_of_the_model_is_safe_however_it_is_set():
    check = CheckResult("c", "title", Status.FAILED, 0, 1, HOSTILE, HOSTILE, HOSTILE, Location(HOSTILE, 3, HOSTILE),
                        printed=HOSTILE)  # fmt: skip
    exercise = ExerciseResult("01", "futures", "Futures", HOSTILE, [check], Outcome.MISSING, HOSTILE,
                              found=[HOSTILE], note=HOSTILE)  # fmt: skip
    result = SubmissionResult([exercise], grader_version=HOSTILE, student=HOSTILE)
    check.fix, exercise.found = HOSTILE, [HOSTILE]  # assigned later, as the runner does
    texts = [check.message, check.expected, check.fix, check.printed, exercise.message, exercise.note]
    names = [check.location.file, check.location.function, exercise.file, *exercise.found, result.student,
             result.grader_version]  # fmt: skip
    assert texts == [safe_text(HOSTILE)] * 6 and names == [safe_line(HOSTILE)] * 6
    assert check.status is Status.FAILED and exercise.outcome is Outcome.MISSING  # enums are text too: untouched
    data = result.to_dict()
    data["exercises"][0]["checks"][0]["message"] = data["student"] = HOSTILE  # written by an earlier grader, say
    again = SubmissionResult.from_dict(data)
    assert again.exercises[0].checks[0].message == safe_text(HOSTILE) and again.student == safe_line(HOSTILE)
