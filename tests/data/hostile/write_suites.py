# expect: status=ok score=10
# requires: filesystem
"""A correct solution that, when imported, tries to replace the grader's suite with one that passes everything
and to plant a conftest.py beside it. The writes must fail; the grade is its own (full marks, it is correct)."""
import asyncio
import pathlib

SUITES = pathlib.Path("__SUITES__")
for name in ("test_ex01_futures.py", "conftest.py"):
    try:
        (SUITES / name).write_text("def test_everything():\n    pass\n")
    except OSError:
        pass


def make_request(value, delay=1.0):
    future = asyncio.get_running_loop().create_future()
    asyncio.ensure_future(set_future_value(future, value, delay))
    return future


async def set_future_value(future, value, delay):
    await asyncio.sleep(delay)
    if not future.done():
        future.set_result(value)


async def _fail_later(future, exc, delay):
    await asyncio.sleep(delay)
    if not future.done():
        future.set_exception(exc)


def make_failing_request(exc, delay=1.0):
    future = asyncio.get_running_loop().create_future()
    asyncio.ensure_future(_fail_later(future, exc, delay))
    return future
