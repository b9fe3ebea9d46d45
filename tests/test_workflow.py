"""The kit's `.github/workflows/classroom.yml`: Classroom's shape, one grading step per exercise of the catalog.

The file is generated (`grader workflow`) and committed; this test fails whenever the catalog and the file part,
e.g. after a new exercise lands in exercises.toml: run `grader workflow` and commit the result.
"""

from __future__ import annotations

import re

import yaml
from support import KIT

from grader.catalog import load_catalog
from grader.classroom_workflow import REPORTER, WORKFLOW_PATH, step_id, workflow

CATALOG = load_catalog()


def load(text: str) -> dict:
    return yaml.safe_load(text)


def test_the_committed_workflow_is_generated_from_the_catalog():
    committed = (KIT / WORKFLOW_PATH).read_text(encoding="utf-8")
    assert committed == workflow(CATALOG), "the workflow is out of date: run `grader workflow` and commit it"


def test_the_workflow_has_classrooms_shape():
    data = load((KIT / WORKFLOW_PATH).read_text(encoding="utf-8"))
    assert data["name"] == "Autograding Tests"
    assert data["on"] == ["push", "repository_dispatch"]
    assert data["permissions"] == {"checks": "write", "actions": "read", "contents": "read"}
    assert list(data["jobs"]) == ["run-autograding-tests"]
    job = data["jobs"]["run-autograding-tests"]
    assert job["runs-on"] == "ubuntu-latest"
    assert job["if"] == "github.actor != 'github-classroom[bot]'"
    assert job["steps"][0] == {"name": "Checkout code", "uses": "actions/checkout@v4"}


def test_one_grading_step_per_exercise_and_the_reporter_reads_each():
    steps = load(workflow(CATALOG))["jobs"]["run-autograding-tests"]["steps"]
    grading = [s for s in steps if "id" in s]
    assert [s["id"] for s in grading] == [step_id(e) for e in CATALOG]
    for step, exercise in zip(grading, CATALOG, strict=True):
        assert re.fullmatch(r"[a-zA-Z0-9]+", step["id"]), "the reporter's runners input takes letters and digits"
        assert step["run"] == f"grader check {exercise.id} --format classroom"
        assert exercise.id in step["name"] and exercise.title in step["name"]
    reporter = steps[-1]
    assert reporter["uses"] == REPORTER
    assert reporter["with"]["runners"] == ",".join(s["id"] for s in grading)
    wanted_env = {f"{s['id'].upper()}_RESULTS": f"${{{{steps.{s['id']}.outputs.result}}}}" for s in grading}
    assert reporter["env"] == wanted_env
    install = [s for s in steps if s.get("name") == "Install the grader"]
    assert install and install[0]["run"] == "python -m pip install ."
    assert steps.index(install[0]) < steps.index(grading[0])


def test_a_named_grader_location_is_installed_quoted():
    text = workflow(CATALOG, "git+https://example.org/kit.git@v1#egg=x y")
    steps = load(text)["jobs"]["run-autograding-tests"]["steps"]
    assert "python -m pip install 'git+https://example.org/kit.git@v1#egg=x y'" in [s.get("run") for s in steps]


def test_titles_that_need_quoting_stay_valid_yaml():
    from dataclasses import replace

    odd = replace(CATALOG.exercises[0], title='Futures: "quoted" # not a comment')
    steps = load(workflow([odd]))["jobs"]["run-autograding-tests"]["steps"]
    assert steps[3]["name"] == 'Exercise 01 - Futures: "quoted" # not a comment'


def test_a_workflow_that_cannot_be_written_is_one_line_not_a_traceback(tmp_path, monkeypatch):
    from click.testing import CliRunner

    import grader.catalog
    import grader.cli.workflow  # registers the verb, as grader.cli.main does
    from grader.cli import cli

    catalog = load_catalog()  # the kit's, before its folder is pretended to be elsewhere
    monkeypatch.setattr(grader.catalog, "load_catalog", lambda: catalog)
    monkeypatch.setattr(grader.catalog, "PACKAGE_DIR", tmp_path / "grader")
    (tmp_path / ".github").write_text("a file where the folder goes")
    done = CliRunner().invoke(cli, ["workflow"])
    assert done.exit_code == 3 and "could not write" in done.output and "bug in the kit" not in done.output
