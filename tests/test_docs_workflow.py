"""The GitHub Actions workflow that docs/batch.md hands instructors to copy: it must work as pasted.

Its clone step is run here as GitHub runs a `run:` step (`bash --noprofile --norc -eo pipefail`), with a stand-in
`gh` that records what it was asked to clone: an instructor's `students.txt` without a newline at its end silently
lost its last student, and one with a blank line at its end failed the job.
"""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
import yaml
from support import KIT

DOC = KIT / "docs" / "batch.md"
FAKE_GH = """#!/bin/sh
# gh repo clone REPO DIR -- ...: note REPO and DIR, make DIR
echo "$3 $4" >> "$CLONED"
mkdir -p "$4"
"""


def workflow() -> dict:
    section = DOC.read_text(encoding="utf-8").split("### A GitHub Actions workflow", 1)[1]
    block = re.search(r"```yaml\n(.*?)```", section, re.S)
    assert block, "docs/batch.md has no yaml block under 'A GitHub Actions workflow'"
    return yaml.safe_load(block[1])


def step(job: dict, name: str) -> dict:
    return next(s for s in job["steps"] if s.get("name") == name)


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_the_clone_step_clones_every_listed_repository(tmp_path):
    script = step(workflow()["jobs"]["grade"], "Clone the class")["run"]
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "gh").write_text(FAKE_GH)
    (bin_dir / "gh").chmod(0o755)
    # saved on Windows, a comment, blank lines, stray spaces, and no newline after the last line
    (tmp_path / "students.txt").write_bytes(
        b"org/a-alice\r\n\n# dropped the course:\n# org/a-zoe\n  org/a-bob  \n\norg/a-carol\n\norg/a-dave"
    )
    env = {"PATH": f"{bin_dir}:/usr/bin:/bin", "CLONED": str(tmp_path / "cloned.txt")}
    run = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script], cwd=tmp_path, env=env,
                         capture_output=True, text=True)  # fmt: skip
    assert run.returncode == 0, run.stderr
    cloned = (tmp_path / "cloned.txt").read_text().splitlines()
    assert cloned == [f"org/a-{name} classroom/a-{name}" for name in ("alice", "bob", "carol", "dave")]


def test_the_shards_of_the_matrix_are_the_ones_graded_and_merged():
    jobs = workflow()["jobs"]
    grade, merge = jobs["grade"], jobs["merge"]
    shards = grade["strategy"]["matrix"]["shard"]
    assert shards == list(range(1, len(shards) + 1))
    graded = step(grade, f"Grade shard ${{{{ matrix.shard }}}} of {len(shards)}")
    assert f"--shard ${{{{ matrix.shard }}}}/{len(shards)}" in graded["run"]
    upload = next(s for s in grade["steps"] if s.get("uses", "").startswith("actions/upload-artifact"))
    assert upload["if"] == "always()" and upload["with"]["name"] == "shard-${{ matrix.shard }}"
    # Re-run failed jobs uploads under the same name again: upload-artifact@v4 refuses that without overwrite
    uploads = [s for job in jobs.values() for s in job["steps"] if s.get("uses", "").startswith("actions/upload-")]
    assert len(uploads) == 2 and all(s["with"]["overwrite"] is True for s in uploads)
    download = next(s for s in merge["steps"] if s.get("uses", "").startswith("actions/download-artifact"))
    assert download["with"] == {"pattern": "shard-*", "path": "shards"}
    assert any(s.get("run") == "grader merge shards/shard-* --out gradebook" for s in merge["steps"])
    assert merge["needs"] == "grade" and merge["if"] == "always()"


def test_the_grading_job_leaves_no_token_for_students_code():
    data = workflow()
    assert data["permissions"] == {"contents": "read"}
    checkout = next(s for s in data["jobs"]["grade"]["steps"] if s.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["persist-credentials"] is False
