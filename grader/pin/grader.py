"""Found as `grader` first on the import path of a suite's process and of the workers multiprocessing starts from it
(`grader.suite_process.PINNED_GRADER`): it puts in its own place the package that holds this folder.

Spawn and forkserver workers import the grader afresh, from their own import path, to unpickle the probes that
ex04's pool runs; without this file they would find whichever grader is installed, which need not be the one grading
(a maintainer's second checkout, a course built on a copy of the package), and the probe could be missing or differ.
"""

import importlib.util
import sys
from pathlib import Path

_package = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location(
    "grader", _package / "__init__.py", submodule_search_locations=[str(_package)]
)
sys.modules["grader"] = _module = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_module)
