"""Raises exceptions that cannot be printed (`str()` returns a number, `.args` raises; or `str()` raises SystemExit):
the grader cannot word what happened, yet each check still gets its own verdict, pointing at the line, and the
process lives on."""


class Unprintable(Exception):
    @property
    def args(self):
        raise RuntimeError("no args")

    def __str__(self):
        return 42


class Unspeakable(BaseException):
    def __str__(self):
        raise SystemExit(0)


def make_request(value, delay=1.0):
    raise Unprintable()


async def set_future_value(future, value, delay):
    raise Unprintable()


def make_failing_request(exc, delay=1.0):
    raise Unspeakable()
