# expect: status=ok score=0
# requires: reads
"""The stub, made to pass by code that runs at import: it takes the reference solution from the kit beside the
grader, or else a classmate's file (their repositories sit beside its own), and runs it as its own. Neither can be
read; the stub stays what it is, worth nothing."""
import pathlib

import grader


def make_request(value, delay=1.0):
    raise NotImplementedError("make_request: not implemented yet")


def make_failing_request(exc, delay=1.0):
    raise NotImplementedError("make_failing_request: not implemented yet")


for borrowed in (
    pathlib.Path(grader.__file__).resolve().parent.parent / "solutions" / "ex01_futures.py",
    pathlib.Path("__REPO__").parent / "correct-1" / "exercises" / "ex01_futures.py",
):
    try:
        exec(borrowed.read_text())
        break
    except OSError:
        pass
