"""Exercise 02 of the fixture course: double.

    >>> await double(21)
    42
"""


async def double(x):
    # TODO: return 2 * x
    raise NotImplementedError("return twice the argument")
