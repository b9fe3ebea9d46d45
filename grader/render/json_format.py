"""`--format json`: the results model as one JSON object, for machines.

Schema, version 1 (fields are never removed within a version; new ones may appear):

    {
      "version": 1,                  # bumped on any incompatible change
      "grader_version": "0.1.0+4f1c2a9e7b3d5c60",  # the release, then a hash of the grader's files
      "student": null,               # set by batch grading
      "score": 7, "max_score": 10,   # points, summed over the exercises graded
      "passed": 6, "failed": 4,      # checks
      "duration": 0.84,              # seconds, wall clock
      "exercises": [{
        "id": "01", "slug": "futures", "title": "Futures", "file": "exercises/ex01_futures.py",
        "outcome": "ok",             # ok | missing | syntax_error | import_error | timeout | crashed
        "message": "",               # why it could not be graded normally, when outcome is not ok
        "location": null,            # {"file", "line", "function"} of that problem, when known
        "score": 7, "max_score": 10, "duration": 0.42,
        "found": [],                 # the file found outside "file" and graded (outcome not missing), or the
                                     # near matches to rename (outcome missing); see grader/locate.py
        "note": "",                  # for a file graded from elsewhere: where to move it
        "checks": [{
          "name": "returns_pending_future",
          "title": "make_request returns a future of the running loop that is not done yet",
          "status": "passed",        # passed | failed | skipped | timeout | error | crashed
          "score": 1, "max_score": 1,
          "message": "",             # what happened, when it did not pass
          "expected": null,          # what was expected instead
          "fix": null,               # what in the lesson fixes it
          "location": null,          # {"file", "line", "function"} in the student's file, 1-based
          "duration": 0.012,
          "printed": ""              # what the student's code printed during it, when it did not pass (the
                                     # first 2000 characters, then how many more there were)
        }]
      }]
    }
"""

from __future__ import annotations

import json
from typing import TextIO

from grader.model import SubmissionResult
from grader.render import writes_utf8


def render(result: SubmissionResult, stream: TextIO) -> None:
    json.dump(result.to_dict(), stream, indent=2, ensure_ascii=not writes_utf8(stream))
    stream.write("\n")
