"""Fixture course, exercise 01."""

from grader.testing import check, expect, student

ex = student("exercises.ex01_echo")


@check("awaiting echo(value) gives value")
async def test_returns_value():
    got = await ex.echo(5)
    expect(got == 5, f"await echo(5) gave {got!r}", expected="5", fix="Return the argument.", at=ex.echo)


@check("echo returns the very object it was given")
async def test_returns_same_object():
    value = [1, 2]
    got = await ex.echo(value)
    expect(got is value, f"await echo({value!r}) gave another object, {got!r}", expected="the same list object",
           fix="Return the argument itself, not a copy.", at=ex.echo)  # fmt: skip
