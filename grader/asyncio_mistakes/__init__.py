"""The errors asyncio (and aiohttp) raise for a learner's classic mistakes, each with the fix in the lesson's words.

asyncio's messages say what went wrong in asyncio's terms ("This event loop is already running"), not which
habit caused it (`run_until_complete` inside a coroutine). When the student's code raised one of these,
`grader.diagnose` adds the fix below to "make_request() raised RuntimeError: ...". The texts are the same on
Python 3.10 to 3.13 (but for a plain `with` on an asynchronous context manager, which 3.10 reports as
`AttributeError: __enter__`, naming no object, and `async with` on a plain one, `AttributeError: __aenter__`: the
object is then read from the student's line, so that 3.10 gets the same fix); one that changes wording in a later
Python just goes without a fix, as any other error does.

`table` holds the telling errors and their general fixes. The recognizers, one module per kind of mistake
(`handed`, `loops`, `executors`, `context_managers`, `attributes`, `newer_python`, `shadowed`, `unbound`), read
the student's line and frame (`frames`) for a fix in their own names; `asyncio_fix` below asks them in turn.
"""

from __future__ import annotations

from grader.asyncio_mistakes.attributes import awaited_after_the_attribute, read_before_awaiting, read_from_an_awaitable
from grader.asyncio_mistakes.context_managers import NOT_A_CONTEXT_MANAGER, refused_by_with_on_310, with_fix
from grader.asyncio_mistakes.executors import (
    executor_class_handed,
    executors_own_future,
    not_an_executor,
    one_call_for_many,
)
from grader.asyncio_mistakes.frames import raised_in
from grader.asyncio_mistakes.handed import awaited_a_value, function_not_called, generator_not_unpacked
from grader.asyncio_mistakes.loops import (
    drove_the_running_loop_from_plain_code,
    kept_closed_loop,
    kept_other_loop,
    returned_a_result,
    waited_on_nothing,
)
from grader.asyncio_mistakes.newer_python import (
    newer_asyncio_import,
    newer_syntax,
    newer_than_this_python,
    newer_use,
)
from grader.asyncio_mistakes.shadowed import shadowed_helper
from grader.asyncio_mistakes.table import MISTAKES
from grader.asyncio_mistakes.unbound import unbound_in_finally

__all__ = ["asyncio_fix", "newer_asyncio_import", "newer_syntax", "newer_use", "read_from_an_awaitable"]


def asyncio_fix(exc: BaseException) -> str | None:
    """The fix for the mistake `exc` betrays, or None when it is not one of asyncio's telling errors."""
    message = str(exc)
    for mistake in MISTAKES:
        if isinstance(exc, mistake.kind) and mistake.says in message and raised_in(exc, mistake.raised_in):
            return (
                function_not_called(exc)
                or generator_not_unpacked(exc)
                or returned_a_result(exc)
                or kept_closed_loop(exc)
                or kept_other_loop(exc)
                or executors_own_future(exc)
                or awaited_a_value(exc)
                or waited_on_nothing(exc)
                or not_an_executor(exc)
                or drove_the_running_loop_from_plain_code(exc)
                or mistake.fix
            )
    if isinstance(exc, TypeError) and (refused := NOT_A_CONTEXT_MANAGER.match(message)):
        return with_fix(exc, refused)
    if isinstance(exc, AttributeError):
        return (
            executor_class_handed(exc)
            or refused_by_with_on_310(exc)
            or newer_than_this_python(exc)
            or awaited_after_the_attribute(exc, message)
            or read_before_awaiting(exc)
        )
    return executor_class_handed(exc) or one_call_for_many(exc) or shadowed_helper(exc) or unbound_in_finally(exc)
