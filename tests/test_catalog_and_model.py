"""The catalog rejects a malformed exercises.toml loudly; the results model survives a round trip to JSON."""

from __future__ import annotations

import json

import pytest

from grader.catalog import load_catalog, parse_catalog
from grader.errors import CatalogError, UnknownExercise
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
