"""What the checks of exercises 05 and 06 tell the student about plausible wrong solutions: what happened, the fix
in the lesson's words, and the student's line where the slip can be found."""

from __future__ import annotations

import asyncio
import concurrent.futures
import gc
import sys
import warnings

import aiohttp
import pytest
from support import KIT, SUBMISSIONS, grade_source

from grader.asyncio_mistakes import asyncio_fix
from grader.model import CheckResult

WRONG = SUBMISSIONS / "wrong"


def failed(result) -> dict[str, CheckResult]:
    return {c.name: c for c in result.checks if not c.passed}


def test_errors_other_than_a_refused_connection_must_come_through_too(tmp_path):
    checks = failed(grade_source(tmp_path, "05", WRONG / "ex05_blocking_io" / "raises_connection_errors_only.py"))
    verdict = checks["fetch_all_propagates_errors"]
    assert verdict.message.endswith("returned [200, None, 200] although http://status.test/read-timed-out timed out")
    assert verdict.expected == "the requests.ReadTimeout raised (or an ExceptionGroup holding it)"
    assert verdict.location.function == "fetch_all"


def test_a_session_left_open_by_the_way_out_for_no_urls_is_named(tmp_path):
    checks = failed(grade_source(tmp_path, "06", WRONG / "ex06_aiohttp" / "session_left_open_for_no_urls.py"))
    assert set(checks) == {"closes_the_session"}, {n: c.message for n, c in checks.items()}
    verdict = checks["closes_the_session"]
    assert verdict.message.startswith("fetch_all([]) returned with its ClientSession still open"), verdict.message
    assert "`if not urls: return []` first" in verdict.fix and "async with aiohttp.ClientSession()" in verdict.fix
    assert verdict.location.line == 15 and verdict.location.function == "fetch_all"  # where the session is made


def test_a_request_with_another_method_than_get_is_told_what_the_server_answers(tmp_path):
    checks = failed(grade_source(tmp_path, "06", WRONG / "ex06_aiohttp" / "head_instead_of_get.py"))
    verdict = checks["returns_status_codes"]
    assert "answers GET requests only, not HEAD http://" in verdict.message, verdict.message
    assert "session.get(url)" in verdict.message and "Connection refused" not in verdict.message
    assert verdict.location.function == "fetch_status"


def test_a_plain_with_for_an_aiohttp_request_is_told_to_use_async_with(tmp_path):
    checks = failed(grade_source(tmp_path, "06", WRONG / "ex06_aiohttp" / "plain_with_for_the_request.py"))
    verdict = checks["returns_status_codes"]
    if sys.version_info >= (3, 11):  # 3.10 says only "AttributeError: __enter__": the call is read from the line
        assert verdict.message.startswith("fetch_status() raised TypeError: '_") and verdict.message.endswith(
            "RequestContextManager' object does not support the context manager protocol"
        ), verdict.message
    assert verdict.fix.startswith("aiohttp's session.get(...) is an asynchronous context manager: write `async with")
    assert verdict.location.line == 10 and verdict.location.function == "fetch_status"
    assert all(c.fix == verdict.fix for c in checks.values()), {n: c.fix for n, c in checks.items()}


def raised(coroutine) -> BaseException:
    try:
        asyncio.run(coroutine)
    except BaseException as error:
        return error
    raise AssertionError("nothing was raised")


async def plain_with_session() -> None:
    session = aiohttp.ClientSession()
    try:
        with session:  # type: ignore[attr-defined]
            pass
    finally:
        await session.close()


async def plain_with(manager) -> None:
    with manager:
        pass


class OwnAsyncOnly:
    async def __aenter__(self) -> None:
        pass

    async def __aexit__(self, *exc: object) -> None:
        pass


def test_a_plain_with_for_an_asynchronous_context_manager_gets_the_fix_of_async_with():
    session = asyncio_fix(raised(plain_with_session()))
    assert session.startswith("aiohttp's ClientSession is an asynchronous context manager: write `async with aiohttp")
    lock = asyncio_fix(raised(plain_with(asyncio.Lock())))
    assert lock == "asyncio's Lock is an asynchronous context manager: write `async with`, inside a coroutine."
    assert asyncio_fix(raised(plain_with(OwnAsyncOnly()))) is None  # an object of the student's: no guess
    assert asyncio_fix(TypeError("Use async with instead")) is None  # the words alone, not raised by aiohttp


async def in_a_task_group() -> None:
    async with asyncio.TaskGroup():
        pass


def test_asyncio_names_newer_than_this_python_are_told_so_with_what_to_use_instead(monkeypatch):
    # On 3.10 the exercises' own texts lead to TaskGroup, and Python says only that asyncio has no such attribute.
    # Removing the name shows that Python on every version; where the name exists, nothing is guessed.
    present = AttributeError("module 'asyncio' has no attribute 'TaskGroup'", name="TaskGroup", obj=asyncio)
    assert hasattr(asyncio, "TaskGroup") == (sys.version_info >= (3, 11))
    assert (asyncio_fix(present) is None) == hasattr(asyncio, "TaskGroup")
    monkeypatch.delattr(asyncio, "TaskGroup", raising=False)
    fix = asyncio_fix(raised(in_a_task_group()))
    this = ".".join(map(str, sys.version_info[:2]))
    assert fix is not None and fix.startswith(f"asyncio.TaskGroup is new in Python 3.11, and this is Python {this}:")
    assert "`asyncio.gather`" in fix and fix.endswith("or grade with Python 3.11 or newer."), fix
    monkeypatch.delattr(asyncio, "timeout", raising=False)
    assert "asyncio.wait_for" in (asyncio_fix(raised(getattr_of_asyncio("timeout"))) or "")


async def getattr_of_asyncio(name: str) -> None:
    getattr(asyncio, name)


def test_an_attribute_read_from_the_executors_future_before_the_await_is_explained(tmp_path):
    checks = failed(grade_source(tmp_path, "05", WRONG / "ex05_blocking_io" / "awaits_the_attribute_of_the_future.py"))
    for verdict in checks.values():
        assert verdict.message == (
            "fetch_status() raised AttributeError: 'Future' object has no attribute 'status_code'"
        ), verdict.message
        assert verdict.fix.startswith("`await x.status_code` awaits `x.status_code`: Python reads `.status_code`")
        assert "`(await loop.run_in_executor(...)).status_code`" in verdict.fix
        assert verdict.location.line == 16 and verdict.location.function == "fetch_status"


AWAITABLES_READ_TOO_SOON = """\
import asyncio


async def work():
    return 42


async def of_a_task():
    task = asyncio.create_task(work())
    return await task.value


async def of_a_coroutine():
    return await work().value


async def not_awaited_on_that_line():
    task = asyncio.create_task(work())
    await asyncio.sleep(0)
    return task.value


async def a_slip_of_the_tasks_own_method():
    task = asyncio.create_task(work())
    return await task.resutl()
"""


def test_only_an_await_before_an_attribute_of_an_awaitable_gets_the_fix_of_parentheses(tmp_path):
    path = tmp_path / "awaitables.py"
    path.write_text(AWAITABLES_READ_TOO_SOON)
    namespace: dict = {}
    exec(compile(AWAITABLES_READ_TOO_SOON, str(path), "exec"), namespace)
    task = asyncio_fix(raised(namespace["of_a_task"]()))
    assert task.startswith("`await x.value` awaits `x.value`: Python reads `.value` from the task itself")
    assert "`(await task).value`" in task
    with warnings.catch_warnings():  # the coroutine whose attribute was read is never awaited: say so here only
        warnings.simplefilter("ignore", RuntimeWarning)
        coroutine = asyncio_fix(raised(namespace["of_a_coroutine"]()))
        gc.collect()
    assert "from the coroutine object itself" in coroutine and "`(await work(...)).value`" in coroutine
    unawaited = asyncio_fix(raised(namespace["not_awaited_on_that_line"]()))  # another mistake: not parentheses
    assert unawaited == (
        "`task` is a task, whose result comes when it is done: `result = await task`, then `result.value`."
    )
    assert asyncio_fix(raised(namespace["a_slip_of_the_tasks_own_method"]())) is None  # a typo of `result`


async def a_coroutine_kept_unawaited():
    async def work():
        return 42

    made = work()
    try:
        return made.value
    finally:
        made.close()


def test_an_attribute_read_from_an_awaitable_never_awaited_is_told_where_the_await_goes():
    assert asyncio_fix(raised(a_coroutine_kept_unawaited())) == (
        "`made` is a coroutine object: calling an async def function only makes one. Put `await` where it is made,"
        " `made = await work(...)`, and `made.value` works."
    )
    assert asyncio_fix(AttributeError("'Future' object has no attribute 'status_code'")) is None  # no object kept


def test_the_executors_future_read_as_if_it_were_the_response_is_told_to_await_it(tmp_path):
    checks = failed(grade_source(tmp_path, "05", WRONG / "ex05_blocking_io" / "reads_the_future_unawaited.py"))
    assert len(checks) == 6
    for verdict in checks.values():
        assert verdict.message == "fetch_status() raised AttributeError: 'Future' object has no attribute 'status_code'"
        assert verdict.fix == (
            "`response` is a future, whose result is not there yet. Put `await` where it is made,"
            " `response = await loop.run_in_executor(...)`, and `response.status_code` works."
        )
        assert (verdict.location.line, verdict.location.function) == (17, "fetch_status")


def test_a_request_kept_as_if_it_were_the_response_is_told_to_open_it_with_async_with(tmp_path):
    checks = failed(grade_source(tmp_path, "06", WRONG / "ex06_aiohttp" / "request_never_sent.py"))
    assert len(checks) == 7
    for verdict in checks.values():
        assert verdict.fix.startswith("`response` is what session.get(url) gives: a request not sent yet, not its"), (
            verdict.fix
        )
        assert "`async with session.get(url) as response:`" in verdict.fix
        assert (verdict.location.line, verdict.location.function) == (11, "fetch_status")


def test_an_executors_future_returned_unawaited_is_blamed_on_its_return_line(tmp_path):
    checks = failed(grade_source(tmp_path, "05", WRONG / "ex05_blocking_io" / "executor_future_not_awaited.py"))
    for name in ("returns_status_codes", "runs_in_executor", "fetch_status_raises_connection_errors"):
        assert (checks[name].location.line, checks[name].location.function) == (15, "fetch_status"), name
    there = "Each item came back unawaited from the coroutine that made it (fetch_status, line 15): there, `return"
    for name in ("fetch_all_propagates_errors", "fetch_all_keeps_order", "fetch_all_concurrent"):
        verdict = checks[name]  # fetch_all gathered the futures that fetch_status handed back: the slip is there
        assert (verdict.location.line, verdict.location.function) == (15, "fetch_status"), name
        assert verdict.fix.startswith(there + " await future`"), verdict.fix


def stub_with(fetch_status_body: str) -> str:
    """The stub of 05, as a student fills it in: its docstring and comments kept, so the lines are the stub's."""
    stub = (KIT / "exercises" / "ex05_blocking_io.py").read_text(encoding="utf-8")
    raises = [line for line in stub.splitlines(keepends=True) if line.lstrip().startswith("raise NotImplementedError")]
    assert len(raises) == 2
    stub = stub.replace(raises[0], fetch_status_body, 1)
    return stub.replace(raises[1], "    return list(await asyncio.gather(*(fetch_status(url) for url in urls)))\n")


def test_the_line_that_lacks_the_await_is_found_in_the_students_own_layout(tmp_path):
    call = "    return asyncio.get_running_loop().run_in_executor(None, get_status, url)"
    returned = stub_with(call + "\n")
    line = returned.splitlines().index(call) + 1  # where the stub's first `raise NotImplementedError` was
    checks = failed(grade_source(tmp_path / "returned", "05", returned))
    assert len(checks) == 6 and {(c.location.line, c.location.function) for c in checks.values()} == {
        (line, "fetch_status")
    }, {n: c.location for n, c in checks.items()}
    kept = stub_with(
        "    future = asyncio.get_running_loop().run_in_executor(None, get_status, url)\n    return future\n"
    )
    checks = failed(grade_source(tmp_path / "kept", "05", kept))
    assert len(checks) == 6 and {(c.location.line, c.location.function) for c in checks.values()} == {
        (line, "fetch_status")  # the call that made the future: no `return` hands back the call itself
    }, {n: c.location for n, c in checks.items()}


def test_coroutines_returned_unawaited_are_blamed_on_the_line_that_made_them(tmp_path):
    solution = (KIT / "solutions" / "ex05_blocking_io.py").read_text(encoding="utf-8")
    gathered = "    return list(await asyncio.gather(*(fetch_status(url) for url in urls)))\n"
    assert gathered in solution
    source = solution.replace(gathered, "    return list(fetch_status(url) for url in urls)\n")
    line = source.splitlines().index("    return list(fetch_status(url) for url in urls)") + 1
    checks = failed(grade_source(tmp_path, "05", source))
    for name in ("fetch_all_propagates_errors", "fetch_all_keeps_order", "fetch_all_concurrent"):
        verdict = checks[name]
        assert "with the coroutine object fetch_status() among them, not results" in verdict.message, verdict.message
        # made in a generator expression, a frame of its own: named by the function around it, as the student wrote
        assert (verdict.location.line, verdict.location.function) == (line, "fetch_all"), verdict.location


def test_response_objects_in_order_are_told_to_return_status_codes_not_about_order(tmp_path):
    for exercise, slug, kind in (("05", "ex05_blocking_io", "Response"), ("06", "ex06_aiohttp", "ClientResponse")):
        checks = failed(grade_source(tmp_path / slug, exercise, WRONG / slug / "returns_the_response.py"))
        fix = checks["fetch_all_keeps_order"].fix
        assert fix.startswith("Return the status codes themselves") and f"holds {kind} objects" in fix, fix


def test_statuses_returned_as_something_else_are_told_what_to_return_by_the_concurrency_check_too(tmp_path):
    # The concurrency check cannot judge without the five statuses; it says what to return, not only what came back.
    slug = "ex06_aiohttp"
    checks = failed(grade_source(tmp_path / "dict", "06", WRONG / slug / "returns_a_dict_by_url.py"))
    fix = checks["fetch_all_concurrent"].fix
    assert fix.startswith("Return a list of the status codes") and "not a dict" in fix, fix
    checks = failed(grade_source(tmp_path / "response", "06", WRONG / slug / "returns_the_response.py"))
    assert "holds ClientResponse objects" in checks["fetch_all_concurrent"].fix


def test_requests_habits_in_aiohttp_get_aiohttps_names(tmp_path):
    checks = failed(grade_source(tmp_path / "code", "06", WRONG / "ex06_aiohttp" / "status_code_as_in_requests.py"))
    assert "`status_code` is the name requests uses: `return response.status`" in checks["returns_status_codes"].fix
    checks = failed(grade_source(tmp_path / "await", "06", WRONG / "ex06_aiohttp" / "awaits_the_status.py"))
    fix = checks["returns_status_codes"].fix
    assert fix.startswith("`response.status` is a plain value (`int`), not an awaitable"), fix


def test_a_session_kept_in_a_global_is_named_not_blamed_on_an_async_with_block(tmp_path):
    checks = failed(grade_source(tmp_path, "06", WRONG / "ex06_aiohttp" / "session_kept_in_a_global.py"))
    verdict = checks["fetch_all_keeps_order"]
    assert "`_session` holds a session that an earlier call of fetch_all made" in verdict.message, verdict.message
    assert "async with` block had closed it" not in verdict.message and "not a global" in verdict.fix


def test_task_results_read_before_they_are_done_are_told_to_await_first(tmp_path):
    checks = failed(grade_source(tmp_path, "05", WRONG / "ex05_blocking_io" / "reads_results_after_a_sleep.py"))
    verdict = checks["fetch_all_keeps_order"]
    assert "InvalidStateError: Result is not set" in verdict.message
    assert verdict.fix.startswith("A task's result() is there only once the task is done")


def test_a_star_or_parentheses_forgotten_are_told_in_the_students_own_names(tmp_path):
    wrong = WRONG / "ex06_aiohttp"
    checks = failed(grade_source(tmp_path / "star", "06", wrong / "gather_of_a_generator_not_unpacked.py"))
    verdict = checks["fetch_all_keeps_order"]
    assert " at 0x" not in verdict.message, verdict.message
    assert verdict.fix.endswith("`asyncio.gather(*(fetch_status(session, url) for url in urls))`."), verdict.fix
    checks = failed(grade_source(tmp_path / "class", "06", wrong / "session_class_not_called.py"))
    fix = checks["fetch_all_keeps_order"].fix
    assert fix == (  # 3.10 too, which says only "AttributeError: __aenter__": the class is read from the line
        "`aiohttp.ClientSession` is the class itself, not an object of it: call it,"
        " `async with aiohttp.ClientSession() as ...:`."
    ), fix


def test_lambdas_made_in_a_loop_that_all_fetch_the_last_url_are_told_to_pass_the_url(tmp_path):
    """Every call asked for the last URL: told so, with the fix of an argument, not 'do not call raise_for_status()'
    or 'gather without return_exceptions=True'."""
    checks = failed(grade_source(tmp_path, "05", WRONG / "ex05_blocking_io" / "late_binding_lambda.py"))
    for name in ("fetch_all_propagates_errors", "fetch_all_keeps_order"):
        assert "the calls did not each get their own URL" in checks[name].message, checks[name].message
        assert checks[name].fix.startswith("Pass each URL to its call as an argument"), checks[name].fix


def test_a_missing_return_in_fetch_all_is_named_in_every_check(tmp_path):
    checks = failed(grade_source(tmp_path, "05", WRONG / "ex05_blocking_io" / "half_finished.py"))
    for name in ("fetch_all_propagates_errors", "fetch_all_keeps_order", "fetch_all_concurrent"):
        assert "returned None: fetch_all has no `return` with a value" in checks[name].message, checks[name]
        assert checks[name].fix.startswith("Return the list of statuses"), checks[name].fix


def test_every_url_unpacked_into_one_executor_call_gets_the_fix_in_the_students_names(tmp_path):
    checks = failed(grade_source(tmp_path, "05", WRONG / "ex05_blocking_io" / "unpacks_urls.py"))
    fix = checks["fetch_all_keeps_order"].fix
    assert "`await asyncio.gather(*(loop.run_in_executor(None, get_status, url) for url in urls))`" in fix, fix


def test_a_sleep_before_a_blocking_result_is_caught_however_long_the_sleep(tmp_path):
    checks = failed(grade_source(tmp_path, "05", WRONG / "ex05_blocking_io" / "head_start_then_blocks_on_result.py"))
    verdict = checks["runs_in_executor"]
    assert "return future.result()" in verdict.message and "the loop ran for a while" in verdict.message
    assert "A sleep before a blocking `.result()`" in verdict.fix and verdict.location.line == 20


@pytest.mark.parametrize(
    ("case", "line"),
    [
        ("time_sleep_between_tasks", 25),  # before any request is sent
        ("time_sleep_after_the_request", 19),  # once each answer is in
        ("time_sleep_before_the_request", 18),  # while the other requests are held
    ],
)
def test_a_time_sleep_anywhere_in_fetch_all_is_pointed_at_with_the_fix(tmp_path, case, line):
    """Not only while a request is held: a time.sleep between starting the tasks stalls no request, yet stops the loop
    for a second. The fix is not about waiting on threads, which this code does not do. (Which of the two messages
    tells it depends on when the loop was seen stopped: while the requests were held, or only in all.)"""
    verdict = failed(grade_source(tmp_path, "05", WRONG / "ex05_blocking_io" / f"{case}.py"))["fetch_all_concurrent"]
    assert "blocked for" in verdict.message and "time.sleep(0.2)" in verdict.message, verdict.message
    assert "never `time.sleep(...)`" in verdict.fix and "Thread.join()" not in verdict.fix, verdict.fix
    assert verdict.location.line == line


def test_a_thread_pool_left_before_its_requests_are_awaited_is_told_to_await_inside_the_with(tmp_path):
    wrong = WRONG / "ex05_blocking_io" / "thread_pool_awaited_after_the_with_block.py"
    verdict = failed(grade_source(tmp_path, "05", wrong))["fetch_all_concurrent"]
    assert "with ThreadPoolExecutor(max_workers=10) as pool:" in verdict.message, verdict.message
    assert verdict.fix.startswith("Await the requests before the pool shuts down") and "`.result()`" not in verdict.fix
    assert verdict.location.line == 22


@pytest.mark.parametrize(
    ("case", "check", "fix"),
    [
        ("pool_of_one_worker_per_url", "fetch_all_keeps_order", "return [] before making the pool"),
        ("run_in_executor_with_a_keyword", "returns_status_codes", "functools.partial(requests.get, url, timeout=10)"),
    ],
)
def test_an_executors_error_about_its_arguments_comes_with_the_fix(tmp_path, case, check, fix):
    verdict = failed(grade_source(tmp_path, "05", WRONG / "ex05_blocking_io" / f"{case}.py"))[check]
    assert fix in verdict.fix, (verdict.message, verdict.fix)


def test_a_coroutine_function_handed_to_an_executor_is_told_to_await_it_on_the_loop(tmp_path):
    checks = failed(grade_source(tmp_path, "05", WRONG / "ex05_blocking_io" / "executor_runs_the_coroutine.py"))
    verdict = checks["fetch_all_keeps_order"]
    assert "a thread called fetch_status, an async def function" in verdict.message, verdict.message
    assert "not in an executor or asyncio.to_thread" in verdict.fix and "*coroutines" not in verdict.fix
    assert verdict.location.line == 21  # the run_in_executor(None, fetch_status, url) line


def test_the_session_and_the_url_swapped_in_fetch_all_are_blamed_on_the_call_not_on_fetch_status(tmp_path):
    checks = failed(grade_source(tmp_path, "06", WRONG / "ex06_aiohttp" / "session_and_url_swapped.py"))
    verdict = checks["fetch_all_keeps_order"]
    assert "fetch_status was given a URL where its session goes" in verdict.message, verdict.message
    assert "`fetch_status(session, url)`" in verdict.fix
    assert verdict.location.function == "fetch_all" and verdict.location.line == 16


@pytest.mark.skipif(sys.version_info < (3, 11), reason="asyncio.TaskGroup is new in Python 3.11")
def test_a_task_group_that_outlives_its_session_is_told_to_nest_it_inside(tmp_path):
    checks = failed(grade_source(tmp_path, "06", WRONG / "ex06_aiohttp" / "task_group_around_the_session.py"))
    verdict = checks["fetch_all_keeps_order"]
    assert "each a RuntimeError('Session is closed')" in verdict.message, verdict.message
    assert "Open the TaskGroup inside the session's block" in verdict.fix and verdict.location.line == 15


async def async_with(manager) -> None:
    async with manager:
        pass


async def async_with_a_new_pool() -> None:
    async with concurrent.futures.ThreadPoolExecutor() as pool:
        pool.submit(abs, -1)


def test_a_with_that_refuses_its_object_gets_the_same_fix_however_the_object_is_written():
    """Made in the `async with` line, through its module's name, or made before and named: the same fix."""
    pool = asyncio_fix(raised(async_with_a_new_pool()))
    assert pool.startswith("A ThreadPoolExecutor is a plain context manager: `with ThreadPoolExecutor() as pool:`")
    with concurrent.futures.ThreadPoolExecutor() as named:
        assert asyncio_fix(raised(async_with(named))).startswith("A ThreadPoolExecutor is a plain context manager")
    assert asyncio_fix(raised(async_with(object()))) is None  # nothing known: no guess
    assert asyncio_fix(raised(plain_with(object()))) is None
    assert asyncio_fix(AttributeError("__enter__")) is None  # the words alone, raised by no `with`


def test_a_connection_error_replaced_in_fetch_status_is_told_to_let_it_through(tmp_path):
    checks = failed(grade_source(tmp_path, "05", WRONG / "ex05_blocking_io" / "fetch_status_wraps_the_error.py"))
    verdict = checks["fetch_status_raises_connection_errors"]
    assert verdict.message.startswith("fetch_status('http://status.test/down') raised RuntimeError: could not fetch")
    assert verdict.message.endswith("in place of the requests.ConnectionError it was handling"), verdict.message
    assert verdict.fix.startswith("Let the exception through as it is"), verdict.fix
    assert verdict.location.line == 19 and verdict.location.function == "fetch_status"


def test_a_map_handed_to_gather_without_a_star_is_told_to_unpack_it(tmp_path):
    checks = failed(grade_source(tmp_path, "05", WRONG / "ex05_blocking_io" / "gather_of_a_map_not_unpacked.py"))
    verdict = checks["fetch_all_propagates_errors"]
    assert verdict.fix.endswith("unpack it with a star, `asyncio.gather(*map(fetch_status, urls))`."), verdict.fix
    assert verdict.location.line == 20 and verdict.location.function == "fetch_all"


def test_the_thread_pool_class_handed_to_run_in_executor_is_told_to_make_a_pool_or_pass_none(tmp_path):
    checks = failed(grade_source(tmp_path, "05", WRONG / "ex05_blocking_io" / "thread_pool_class_not_an_instance.py"))
    verdict = checks["returns_status_codes"]
    assert verdict.fix.startswith("`ThreadPoolExecutor` is the class itself, not a pool"), verdict.fix
    assert "(or None, for the loop's own thread pool)" in verdict.fix, verdict.fix
    assert verdict.location.line == 16 and verdict.location.function == "fetch_status", verdict.location


def test_a_url_in_a_list_fails_as_requests_says_at_home_with_the_fix(tmp_path):
    # Not the fake server's NoMockAddress: requests itself has no adapter for the text of a list.
    checks = failed(grade_source(tmp_path, "05", WRONG / "ex05_blocking_io" / "url_in_a_list.py"))
    verdict = checks["returns_status_codes"]
    assert "raised InvalidSchema: No connection adapters were found for \"['http://" in verdict.message, verdict
    assert "NoMockAddress" not in verdict.message and "mock" not in verdict.message.lower()
    assert "a list holding the URL" in verdict.fix and "get_status, url)`, with no brackets" in verdict.fix
    # The line that put the URL in the list, not get_status's requests.get(url), which is the stub's and passed it on.
    assert all((c.location.line, c.location.function) == (15, "fetch_status") for c in checks.values()), checks


def test_asyncio_wait_that_leaves_a_hole_is_told_that_wait_raises_nothing(tmp_path):
    checks = failed(grade_source(tmp_path, "05", WRONG / "ex05_blocking_io" / "wait_then_reads_what_was_stored.py"))
    assert set(checks) == {"fetch_all_propagates_errors"}, {n: c.message for n, c in checks.items()}
    verdict = checks["fetch_all_propagates_errors"]
    assert "raised KeyError: 1, not the requests.ConnectionError of http://" in verdict.message, verdict.message
    assert verdict.fix.startswith("asyncio.wait raises nothing") and "task.result()" in verdict.fix, verdict.fix
    assert verdict.location.line == 26 and verdict.location.function == "fetch_all", verdict.location


def test_an_empty_asyncio_wait_is_told_the_fix_in_the_name_the_student_waited_on(tmp_path):
    # The student's list is `tasks`: a fix that says `futures` names something their code does not have.
    named = failed(grade_source(tmp_path, "06", WRONG / "ex06_aiohttp" / "waits_on_no_tasks.py"))
    verdict = named["fetch_all_keeps_order"]
    assert "`if not tasks: return []`" in verdict.fix and "`await asyncio.gather(*tasks)`" in verdict.fix, verdict.fix
    assert "futures" not in verdict.fix and "run_until_complete" not in verdict.fix, verdict.fix
    assert verdict.location.line == 17 and verdict.location.function == "fetch_all", verdict.location
    # What it waits on is no plain name: the fix names no variable at all.
    unnamed = failed(grade_source(tmp_path / "set", "06", WRONG / "ex06_aiohttp" / "waits_on_a_set_of_no_tasks.py"))
    verdict = unnamed["fetch_all_keeps_order"]
    assert "return [] early" in verdict.fix and "`await asyncio.gather(...)`" in verdict.fix, verdict.fix
    assert "if not " not in verdict.fix and "futures" not in verdict.fix, verdict.fix


def test_sessions_opened_one_per_url_are_pointed_at_where_they_are_made(tmp_path):
    request = failed(grade_source(tmp_path / "request", "06", WRONG / "ex06_aiohttp" / "aiohttp_request_per_url.py"))
    verdict = request["uses_one_session"]
    assert "each `aiohttp.request(...)` opens a session of its own" in verdict.message, verdict.message
    assert "`session.get(url)` sends the request instead of `aiohttp.request`" in verdict.fix
    assert (verdict.location.line, verdict.location.function) == (15, "_one")
    per_url = failed(grade_source(tmp_path / "per_url", "06", WRONG / "ex06_aiohttp" / "session_per_url.py"))
    verdict = per_url["uses_one_session"]
    assert verdict.message == "fetch_all opened 3 ClientSession objects for 3 URLs"
    assert (verdict.location.line, verdict.location.function) == (15, "fetch_one")  # not fetch_all's gather


def test_a_multiprocessing_pool_is_refused_with_the_fix_before_it_forks(tmp_path):
    wrong = WRONG / "ex05_blocking_io" / "multiprocessing_pool_in_the_default_executor.py"
    checks = failed(grade_source(tmp_path, "05", wrong))
    verdict = checks["returns_status_codes"]
    assert verdict.message.startswith(
        "fetch_status() raised RuntimeError: the grader does not run a multiprocessing.Pool"
    )
    assert "run_in_executor(None, get_status, url)" in verdict.fix and "ProcessPoolExecutor" in verdict.fix
    assert (verdict.location.line, verdict.location.function) == (21, "fetch_status")  # where the Pool is made
    assert checks["fetch_all_concurrent"].message.startswith("fetch_all() raised RuntimeError: the grader does not")


@pytest.mark.parametrize(
    ("case", "handed", "line"),
    [("process_pool_lambda", "a lambda", 19), ("process_pool_nested_def", "fetch(), a function defined inside", 22)],
)
def test_a_call_a_process_pool_cannot_pickle_fails_as_it_would_for_real_with_the_fix(tmp_path, case, handed, line):
    """The fake server runs a process pool's calls in threads, which pickle nothing: it pickles each call as a real
    pool would, so that what crashes at home fails here too, told why, and where the call was handed over."""
    checks = failed(grade_source(tmp_path, "05", WRONG / "ex05_blocking_io" / f"{case}.py"))
    verdict = checks["fetch_all_concurrent"]
    assert f"handed {handed}" in verdict.message and "to a ProcessPoolExecutor" in verdict.message, verdict.message
    assert "Can't" in verdict.message and "local object" in verdict.message, verdict.message  # pickle, get (3.13)
    assert "`loop.run_in_executor(pool, get_status, url)`" in verdict.fix, verdict.fix
    assert "`loop.run_in_executor(None, get_status, url)`" in verdict.fix, verdict.fix
    assert (verdict.location.line, verdict.location.function) == (line, "fetch_status"), verdict.location


def test_a_url_other_than_the_one_given_is_told_so_not_with_the_mocks_words(tmp_path):
    checks = failed(grade_source(tmp_path, "05", WRONG / "ex05_blocking_io" / "lesson_url_kept.py"))
    verdict = checks["returns_status_codes"]
    assert "the checks' server has no http://baidu.com/" in verdict.message, verdict.message
    assert "request the `url` you are given" in verdict.message and "NoMockAddress" not in verdict.message


@pytest.mark.parametrize("exercise_id", ["05", "06"])
def test_requests_held_back_on_a_timer_are_told_so_though_all_were_in_flight_in_the_end(tmp_path, exercise_id):
    folder = {"05": "ex05_blocking_io", "06": "ex06_aiohttp"}[exercise_id]
    checks = failed(grade_source(tmp_path, exercise_id, WRONG / folder / "staggered_sends.py"))
    verdict = checks["fetch_all_concurrent"]
    assert "but they reached the server over 0.8" in verdict.message, verdict.message
    assert "about 0.20 s apart: fetch_all held each one back" in verdict.message, verdict.message
    assert verdict.fix.startswith("Nothing may wait between starting one request and the next"), verdict.fix


def test_failed_tasks_left_out_of_the_results_are_told_to_read_every_result(tmp_path):
    checks = failed(grade_source(tmp_path, "06", WRONG / "ex06_aiohttp" / "leaves_failed_tasks_out.py"))
    verdict = checks["fetch_all_propagates_errors"]
    assert verdict.fix.startswith("A failed fetch must make fetch_all raise, not leave its URL out"), verdict.fix
    assert verdict.location.line == 19  # the list that asks task.exception()


def test_requests_that_met_after_a_first_one_alone_are_counted_as_they_met(tmp_path):
    """Four requests gathered after a first one awaited alone were in flight together: the server, which gave up
    holding them for five, says four, not "each was sent after the previous one had answered"."""
    verdict = failed(grade_source(tmp_path, "06", WRONG / "ex06_aiohttp" / "first_request_alone.py"))
    assert verdict["fetch_all_concurrent"].message.startswith("at most 4 of the 5 requests"), verdict


def test_an_error_of_the_students_own_for_a_status_is_told_that_statuses_are_answers(tmp_path):
    verdict = failed(grade_source(tmp_path, "06", WRONG / "ex06_aiohttp" / "raises_its_own_error_for_statuses.py"))
    verdict = verdict["fetch_all_keeps_order"]
    assert verdict.message.endswith("although the server answered both requests"), verdict.message
    assert verdict.fix.startswith("A 404 or a 500 is an answer, and fetch_all returns it"), verdict.fix
    assert verdict.location.line == 19, verdict.location  # raise aiohttp.ClientError(...)


@pytest.mark.skipif(sys.version_info < (3, 11), reason="ExceptionGroup is built in from Python 3.11")
def test_aiohttps_error_retold_in_an_exception_of_ones_own_is_named(tmp_path):
    verdict = failed(grade_source(tmp_path, "06", WRONG / "ex06_aiohttp" / "retells_the_errors_in_a_group.py"))
    verdict = verdict["fetch_all_propagates_errors"]
    assert verdict.message.endswith("inside an ExceptionGroup: an exception of your own that repeats aiohttp's words")
    assert verdict.fix.startswith("Raise aiohttp's exception object itself"), verdict.fix


def test_an_error_for_no_urls_at_all_shows_the_call_and_what_it_should_give(tmp_path):
    checks = failed(grade_source(tmp_path, "05", WRONG / "ex05_blocking_io" / "errors_as_503_unless_all_failed.py"))
    verdict = checks["fetch_all_keeps_order"]
    assert verdict.message == "fetch_all([]) raised IndexError: list index out of range", verdict.message
    assert verdict.expected.startswith("[]") and "results[0]" in verdict.fix, (verdict.expected, verdict.fix)
    assert verdict.location.line == 22, verdict.location  # raise results[0]


def test_requests_awaited_one_by_one_in_a_loop_are_pointed_at_the_await(tmp_path):
    verdict = failed(grade_source(tmp_path, "05", WRONG / "ex05_blocking_io" / "sequential_awaits.py"))
    assert verdict["fetch_all_concurrent"].location.line == 20, verdict["fetch_all_concurrent"].location


def test_a_single_url_fetched_in_the_coroutine_is_caught(tmp_path):
    checks = failed(grade_source(tmp_path, "05", WRONG / "ex05_blocking_io" / "single_url_in_the_coroutine.py"))
    verdict = checks["fetch_all_concurrent"]
    assert "with a single URL, sent its request from the event loop's own thread" in verdict.message, verdict.message
    assert verdict.location.line == 21, verdict.location  # return [get_status(urls[0])]


def test_a_fixed_wait_instead_of_awaiting_the_requests_is_named_at_the_wait(tmp_path):
    """The server holds its answers until the student's timer has fired: a fixed wait is over first, whatever the
    load, and is told so at its line, not left to pass on a quick server; a timeout of the student's own is not
    mistaken for the call's time limit."""
    wrong = WRONG / "ex06_aiohttp"
    for stem, line, ended, waited in (
        ("sleeps_instead_of_awaiting", 15, "raised InvalidStateError: Result is not set", "1.5 s"),
        ("waits_with_a_timeout", 17, "raised InvalidStateError: Result is not set", "1.5 s"),
        ("gather_under_a_short_timeout", 14, "raised TimeoutError", "2 s"),
    ):
        checks = failed(grade_source(tmp_path / stem, "06", wrong / f"{stem}.py"))
        assert set(checks) == {"fetch_all_concurrent"}, {n: c.message for n, c in checks.items()}
        verdict = checks["fetch_all_concurrent"]
        assert verdict.message.startswith(
            f"fetch_all of five URLs {ended}, with 5 of its requests still waiting for their answers: it waited a"
            f" fixed time ({waited}, on a timer set at line {line})"
        ), verdict.message
        assert verdict.fix.startswith("Await the requests themselves, not the clock: `return await asyncio.gather("), (
            verdict.fix
        )
        assert (verdict.location.line, verdict.location.function) == (line, "fetch_all"), verdict.location


def test_a_generator_returned_for_the_statuses_is_told_to_return_a_list_in_every_check(tmp_path):
    checks = failed(grade_source(tmp_path, "06", WRONG / "ex06_aiohttp" / "returns_a_generator.py"))
    for name in ("fetch_all_keeps_order", "fetch_all_concurrent"):
        assert checks[name].fix.startswith("Return a list of the status codes, one per URL in the order of urls, not"
                                           " a generator"), (name, checks[name].fix)  # fmt: skip


def test_the_order_fix_defers_to_the_list_fix_for_what_is_no_list():
    from grader.probes.traffic import ORDER_FIX, order_fix, statuses_fix

    for got in ((s for s in [200]), map(int, ["200"]), {"u": 200}.values()):
        assert order_fix(got) == statuses_fix(got, 1) != ORDER_FIX, got
        assert type(got).__name__ in order_fix(got)
    assert order_fix([200, 201]) == ORDER_FIX
