# expect: status=not_started score=0
# requires: filesystem
"""Tries, at import, to rewrite the batch's outputs (the gradebook, another student's record, the report) and
its own repository; the functions are not written. The writes must fail and change nothing."""
import pathlib

OUT = pathlib.Path("__OUT__")
TARGETS = [OUT / "grades.csv", OUT / "students" / "correct-1.json", OUT / "report.html", OUT / "pwned.txt",
           pathlib.Path("__REPO__") / "pwned.txt"]
for target in TARGETS:
    try:
        target.write_text("student,ex01,total\nhostile-write-out,10,10\n")
    except OSError:
        pass


def make_request(value, delay=1.0):
    raise NotImplementedError("not yet")


async def set_future_value(future, value, delay):
    raise NotImplementedError("not yet")


def make_failing_request(exc, delay=1.0):
    raise NotImplementedError("not yet")
