"""Fixture course, exercise 02."""

from grader.testing import check, expect, student

ex = student("exercises.ex02_double")


@check("awaiting double(x) gives 2 * x")
async def test_doubles():
    got = await ex.double(21)
    expect(got == 42, f"await double(21) gave {got!r}", expected="42", at=ex.double)
