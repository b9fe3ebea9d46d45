"""Exercise 01 of the fixture course: echo.

    >>> await echo(5)
    5
"""


async def echo(value):
    # TODO: return value
    raise NotImplementedError("return the argument")
