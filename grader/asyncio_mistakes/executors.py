"""Work handed to an executor the wrong way: a pool's own future awaited, something that is no executor, a whole
list unpacked into one call."""

from __future__ import annotations

import concurrent.futures
import linecache
import re
import traceback

from grader.asyncio_mistakes.frames import innermost

SUBMITTED = (
    "pool.submit(...) gives a concurrent.futures.Future, which asyncio cannot await. Hand the call to the pool"
    " through the running loop, `loop.run_in_executor(pool, work, n)`, whose future you can await (or wrap one,"
    " `asyncio.wrap_future(pool.submit(work, n))`)."
)


def executors_own_future(exc: BaseException) -> str | None:
    """For a concurrent.futures.Future (what `pool.submit` gives) awaited or handed to asyncio.gather: the way to an
    asyncio future. Python names it only "Future" when awaited (asyncio's own Future is awaitable, so it is not
    that one); gather's refusal names nothing, so the value is looked for in the frame that refused it."""
    if isinstance(exc, TypeError) and "object Future can't be used in 'await' expression" in str(exc):
        return SUBMITTED
    if not isinstance(exc, TypeError) or "awaitable is required" not in str(exc) or (tb := innermost(exc)) is None:
        return None
    refused = tb.tb_frame.f_locals.values()
    return SUBMITTED if any(isinstance(v, concurrent.futures.Future) for v in refused) else None


def executor_class_handed(exc: BaseException) -> str | None:
    """For `run_in_executor(ProcessPoolExecutor, work, n)`, the pool's class where a pool belongs: the class's
    `submit` is then called with work as its `self`, which fails deep inside concurrent.futures with a message about
    a private attribute of the pool. Read from run_in_executor's own frame, whatever that message says."""
    for frame, _ in traceback.walk_tb(exc.__traceback__):
        handed = frame.f_locals.get("executor") if frame.f_code.co_name == "run_in_executor" else None
        if isinstance(handed, type) and issubclass(handed, concurrent.futures.Executor):
            name = handed.__name__
            default = " (or None, for the loop's own thread pool)" if name == "ThreadPoolExecutor" else ""
            return (
                f"`{name}` is the class itself, not a pool: make one by calling it, `with {name}() as pool:`, and"
                f" hand that pool to `loop.run_in_executor(pool, func, arg)`{default}."
            )
    return None


def not_an_executor(exc: BaseException) -> str | None:
    """For run_in_executor handed, as its executor, something that is neither a function (the arguments swapped,
    which the generic fix speaks of) nor an executor: multiprocessing's Pool above all, the other pool the standard
    library offers, whose methods are not the ones asyncio calls. Python 3.10+ keeps the object on the exception."""
    if not isinstance(exc, AttributeError) or getattr(exc, "name", None) != "submit":
        return None
    handed = getattr(exc, "obj", None)
    if handed is None or callable(handed):
        return None
    kind = type(handed)
    if kind.__module__.startswith("multiprocessing"):
        return (
            f"multiprocessing's {kind.__name__} is not an executor: run_in_executor takes one of"
            " concurrent.futures' (it calls the executor's `submit`). Make the pool with"
            " `with ProcessPoolExecutor() as pool:`, then `loop.run_in_executor(pool, work, n)`."
        )
    return (
        f"run_in_executor takes an executor from concurrent.futures (a ProcessPoolExecutor, a ThreadPoolExecutor)"
        f" or None for the loop's own thread pool; it was handed a {kind.__name__}, which has no `submit`."
    )


_WRONG_COUNT = re.compile(
    r"takes (?:from \d+ to )?\d+ positional arguments? but \d+ (?:were|was) given|got multiple values for argument"
)
"""Too many arguments for the function: counted, or landing on a parameter that a keyword also set (a partial's)."""
_STARRED_INTO_THE_EXECUTOR = re.compile(r"run_in_executor\((?:[^#]*,)?\s*\*\s*\w")
_EXECUTOR_CALL = re.compile(
    r"run_in_executor\(\s*(?P<pool>[\w.]+)\s*,\s*(?P<func>[\w.]+)\s*,\s*\*\s*(?P<items>[\w.]+)\s*\)"
)
"""`run_in_executor(pool, work, *ns)`: a star that opens an argument (after the parenthesis or a comma), not the
one of a product (`work, n * 2, n`), whose wrong count of arguments is another mistake."""


def one_call_for_many(exc: BaseException) -> str | None:
    """The fix for `loop.run_in_executor(pool, work, *ns)`: one call of work with every item as an argument, which
    work refuses; read from the student's line that handed them over, wherever the call itself failed."""
    if not isinstance(exc, TypeError) or not _WRONG_COUNT.search(str(exc)):
        return None
    for frame, lineno in traceback.walk_tb(exc.__traceback__):
        line = linecache.getline(frame.f_code.co_filename, lineno)
        if _STARRED_INTO_THE_EXECUTOR.search(line):
            # In the student's own names when the call reads plainly (`run_in_executor(None, get_status, *urls)`).
            named = _EXECUTOR_CALL.search(line)
            pool, func, items = (named["pool"], named["func"], named["items"]) if named else ("pool", "work", "ns")
            last = items.rpartition(".")[2]  # `*self.urls` gives `url`: `for self.url in ...` would assign an attribute
            item = "item" if last in ("item", "one") else (last[:-1] if last.endswith("s") else "one")
            return (
                "run_in_executor(pool, func, *args) makes one call, func(*args): unpacking the whole list there hands"
                " every item to a single call. Submit one call per item and gather them:"
                f" `await asyncio.gather(*(loop.run_in_executor({pool}, {func}, {item}) for {item} in {items}))`."
            )
    return None
