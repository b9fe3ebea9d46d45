"""What a check's failure says when it did not come from the check's own `fail()`: the grader's explanations of
exceptions (grader/diagnose.py), each in the student's terms."""

from __future__ import annotations

import asyncio
import errno
import gc
import inspect
import multiprocessing.pool
import sys
import types
import warnings

import pytest
from support import KIT, SUBMISSIONS, grade_source

from grader.asyncio_mistakes import asyncio_fix
from grader.diagnose import explain_failure, explain_import_error
from grader.model import Outcome, Status
from grader.testing import CheckFailure

ROOT = "/nonexistent"


def test_hitting_the_process_limit_is_explained_as_too_many_processes():
    verdict = explain_failure(BlockingIOError(errno.EAGAIN, "Resource temporarily unavailable"), None, ROOT)
    assert "BlockingIOError" in verdict.message and "too many processes" in verdict.message


@pytest.mark.skipif(sys.version_info < (3, 11), reason="exception groups are 3.11+")
def test_a_check_failure_inside_an_exception_group_speaks_for_itself():
    failure = CheckFailure("get_status was sent to a process pool", expected="a thread", fix="Use threads.")
    group = ExceptionGroup("unhandled errors in a TaskGroup", [ValueError("other"), ExceptionGroup("g", [failure])])  # noqa: F821
    verdict = explain_failure(group, None, ROOT)
    assert (verdict.status, verdict.message, verdict.expected, verdict.fix) == (
        Status.FAILED, failure.happened, "a thread", "Use threads."
    )  # fmt: skip


def test_a_function_missing_from_the_student_module_is_named():
    module = types.ModuleType("exercises.ex02_awaitables")
    try:
        module.kind_of  # noqa: B018
    except AttributeError as exc:
        verdict = explain_failure(exc, exc.__traceback__, ROOT)
    assert verdict.message == "exercises/ex02_awaitables.py has no `kind_of`, which the checks call"
    assert "Keep every function of the stub" in verdict.fix


def student_module(monkeypatch, name: str, source: str) -> types.ModuleType:
    module = types.ModuleType(name)
    exec(source, module.__dict__)
    monkeypatch.setitem(sys.modules, name, module)
    return module


def test_a_function_that_cannot_be_called_as_the_stub_says_is_named(monkeypatch):
    module = student_module(monkeypatch, "exercises.ex04_cpu_bound", "async def run_cpu_bound(ns):\n    return ns\n")
    try:
        module.run_cpu_bound([1], abs)
    except TypeError as exc:
        verdict = explain_failure(exc, exc.__traceback__, ROOT)
    assert verdict.message.startswith("run_cpu_bound() could not be called as the stub defines it: ")
    assert "takes 1 positional argument but 2 were given" in verdict.message
    assert "Keep every function of the stub" in verdict.fix


def test_a_wrapper_the_student_returns_is_not_blamed_on_the_stub(monkeypatch):
    source = (
        "def async_timed():\n"
        "    def decorator(func):\n"
        "        async def wrapped(*args):\n"
        "            return await func(*args)\n"
        "        return wrapped\n"
        "    return decorator\n"
    )
    module = student_module(monkeypatch, "exercises.ex03_async_timed", source)
    wrapped = module.async_timed()(abs)
    try:
        wrapped(1, three=[3])
    except TypeError as exc:
        verdict = explain_failure(exc, exc.__traceback__, ROOT)
    assert "could not be called as the stub defines it" not in verdict.message
    assert "got an unexpected keyword argument 'three'" in verdict.message


@pytest.mark.parametrize(
    ("source", "fix"),
    [
        ("def make_request(value, delay=1.0):\n    return asyncio.run(asyncio.sleep(delay, value))\n", "`await` the"),
        ("def make_request(value, delay=1.0):\n    return asyncio.create_task(asyncio.sleep)\n", "not `asyncio.create"),
        ("async def make_request(value, delay=1.0):\n    await time.sleep(0)\n", "`await asyncio.sleep(x)`"),
        (
            "async def make_request(value, delay=1.0):\n"
            "    return await asyncio.get_running_loop().run_in_executor(None, time.time())\n",
            "`loop.run_in_executor(None, f, x)`",
        ),
        (
            "async def make_request(value, delay=1.0):\n"
            "    return await asyncio.get_running_loop().run_in_executor(time.sleep, None, delay)\n",
            "Handed the function first, the loop took it for the executor.",
        ),
        (
            "async def make_request(value, delay=1.0):\n"
            # The Pool's worker is spawned, not forked from this xdist worker, whose I/O thread makes a fork unsafe
            # (and Python 3.12+ warn of it); the test ends it.
            "    return await asyncio.get_running_loop().run_in_executor("
            "multiprocessing.get_context('spawn').Pool(1), time.sleep, 0)\n",
            "multiprocessing's Pool is not an executor: run_in_executor takes one of concurrent.futures'",
        ),
        (
            "async def make_request(value, delay=1.0):\n"
            "    return await asyncio.get_running_loop().run_in_executor('pool', time.sleep, delay)\n",
            "it was handed a str, which has no `submit`",
        ),
    ],
    ids=[
        "asyncio.run in a loop",
        "create_task of a function",
        "await time.sleep",
        "a call's result as a function",
        "the function for the executor",
        "multiprocessing's pool",
        "no executor at all",
    ],
)
def test_asyncio_errors_of_classic_mistakes_come_with_their_fix(tmp_path, source, fix):
    submission = "import asyncio\nimport multiprocessing\nimport time\n\n" + source
    (tmp_path / "exercises").mkdir()
    path = tmp_path / "exercises" / "ex01_futures.py"
    path.write_text(submission)
    code = compile(submission, str(path), "exec")
    namespace: dict = {}
    exec(code, namespace)

    async def check():
        await namespace["make_request"](1, 0) if "async def" in source else namespace["make_request"](1, 0)

    with pytest.raises((RuntimeError, TypeError, AttributeError)) as raised:
        asyncio.run(check())
    verdict = explain_failure(raised.value, raised.value.__traceback__, str(tmp_path))
    assert verdict.message.startswith("make_request() raised ") and verdict.location.line == 6
    assert fix in (verdict.fix or ""), verdict.fix
    if isinstance(pool := getattr(raised.value, "obj", None), multiprocessing.pool.Pool):
        pool.terminate()  # not left to the garbage collector, which warns of a pool still running
    with warnings.catch_warnings():  # the coroutine asyncio.run refused is never awaited: say so here, not later
        warnings.simplefilter("ignore", RuntimeWarning)
        del raised
        gc.collect()


@pytest.mark.parametrize(
    ("call", "fix"),
    [
        ("asyncio.create_task(helper)", "`asyncio.create_task(helper)` hands asyncio the async def function itself"),
        ("asyncio.ensure_future(helper)", "`asyncio.ensure_future(helper())`"),
        ("asyncio.ensure_future(make_request)", "`asyncio.ensure_future(make_request(...))`, with make_request's"),
        ("asyncio.gather(coroutines)", "unpack the list, `asyncio.gather(*coroutines)`"),
        ("asyncio.gather(tuple(coroutines))", "asyncio.gather and asyncio.ensure_future take awaitables"),
        (
            "asyncio.gather(map(helper, coroutines))",
            "not a map(...) of them: unpack it with a star, `asyncio.gather(*map(",
        ),
        (
            "asyncio.gather([c for c in coroutines])",
            "not a list of them: unpack it with a star, `asyncio.gather(*[c for",
        ),
    ],
    ids=[
        "create_task",
        "ensure_future",
        "ensure_future of a function with arguments",
        "gather of a list",
        "gather of an expression",
        "gather of a map",
        "gather of a list comprehension",
    ],
)
def test_what_was_handed_to_asyncio_instead_of_an_awaitable_is_named(tmp_path, call, fix):
    source = (
        "import asyncio\n\nasync def helper():\n    pass\n\nasync def make_request(value, delay=1.0):\n"
        f"    coroutines = [helper()]\n    try:\n        return await {call}\n"
        "    finally:\n        coroutines[0].close()\n"
    )
    (tmp_path / "exercises").mkdir()
    path = tmp_path / "exercises" / "ex01_futures.py"
    path.write_text(source)
    namespace: dict = {}
    exec(compile(source, str(path), "exec"), namespace)
    with pytest.raises(TypeError) as raised:
        asyncio.run(namespace["make_request"](1))
    verdict = explain_failure(raised.value, raised.value.__traceback__, str(tmp_path))
    assert fix in (verdict.fix or ""), verdict.fix


def import_failure(tmp_path, source: str):
    (tmp_path / "exercises").mkdir(exist_ok=True)
    path = tmp_path / "exercises" / "ex01_futures.py"
    path.write_text(source)
    try:
        exec(compile(source, str(path), "exec"), {})
    except Exception as exc:
        return explain_import_error(exc, exc.__traceback__, str(tmp_path), "exercises/ex01_futures.py")
    raise AssertionError("the import did not fail")


def test_a_demo_left_at_the_top_level_is_named_as_what_ran_on_import(tmp_path):
    source = (
        "def make_request(value, delay=1.0):\n"
        "    raise NotImplementedError('create a future')\n"
        "\n"
        "print(make_request(42))\n"
    )
    failure = import_failure(tmp_path, source)
    assert "raised NotImplementedError: create a future at exercises/ex01_futures.py:2 in make_request" in (
        failure.message
    )
    assert "called at line 4 when the file was imported" in failure.message
    assert 'if __name__ == "__main__":' in failure.message


@pytest.mark.parametrize(
    ("top_level", "told"),
    [
        ("session = aiohttp.ClientSession()", "open the session inside fetch_all, `async with aiohttp.ClientSession()"),
        ("future = asyncio.get_running_loop().create_future()", "make tasks and futures inside the async functions"),
    ],
    ids=["a session", "a future"],
)
def test_what_needs_a_running_loop_at_the_top_level_is_told_to_move_inside(tmp_path, top_level, told):
    # asyncio says "no running event loop" and nothing about why: importing is the moment no loop runs.
    failure = import_failure(tmp_path, f"import asyncio\nimport aiohttp\n\n{top_level}\n")
    assert "no running event loop at exercises/ex01_futures.py:4 in <module>" in failure.message, failure.message
    assert told in failure.message.partition("in <module>: ")[2], failure.message


def test_importing_an_asyncio_name_newer_than_this_python_is_told_so(tmp_path, monkeypatch):
    # Python 3.10's own words: "cannot import name 'TaskGroup' from 'asyncio' (<asyncio's path>)", shown on every
    # version by removing the name.
    monkeypatch.delattr(asyncio, "TaskGroup", raising=False)
    failure = import_failure(tmp_path, "import asyncio\nfrom asyncio import TaskGroup\n")
    this = ".".join(map(str, sys.version_info[:2]))
    assert failure.message.startswith(
        "importing exercises/ex01_futures.py raised ImportError: cannot import name 'TaskGroup' from 'asyncio' at"
        f" exercises/ex01_futures.py:2 in <module>. asyncio.TaskGroup is new in Python 3.11, and this is Python {this}:"
    ), failure.message
    assert "__init__.py" not in failure.message
    unknown = import_failure(tmp_path, "from asyncio import TaskGroop\n")  # a typo is no newer name: Python says it
    assert "cannot import name 'TaskGroop'" in unknown.message and "new in Python" not in unknown.message


def test_asyncio_runner_on_a_python_without_it_is_told_the_loop_made_by_hand(tmp_path, monkeypatch):
    # 09 accepts `with asyncio.Runner(debug=True)`, which Python 3.10 lacks: "module 'asyncio' has no attribute
    # 'Runner'" reads as a typo. Shown on every version by removing the name.
    monkeypatch.delattr(asyncio, "Runner", raising=False)
    (tmp_path / "exercises").mkdir()
    path = tmp_path / "exercises" / "ex09_debug_mode.py"
    source = "import asyncio\n\n\ndef slow_callbacks(main):\n    with asyncio.Runner(debug=True):\n        pass\n"
    path.write_text(source)
    namespace: dict = {}
    exec(compile(source, str(path), "exec"), namespace)
    with pytest.raises(AttributeError) as raised:
        namespace["slow_callbacks"](None)
    verdict = explain_failure(raised.value, raised.value.__traceback__, str(tmp_path))
    assert verdict.message == "slow_callbacks() raised AttributeError: module 'asyncio' has no attribute 'Runner'"
    assert verdict.fix is not None and verdict.fix.startswith("asyncio.Runner is new in Python 3.11"), verdict.fix
    assert "`loop = asyncio.new_event_loop()`" in verdict.fix and "loop.set_debug(True)" in verdict.fix, verdict.fix


def test_a_top_level_call_into_another_file_names_the_file_of_each_line(tmp_path):
    (tmp_path / "exercises").mkdir()
    helper = tmp_path / "exercises" / "helpers.py"
    helper.write_text("def fetch():\n    raise RuntimeError('no loop')\n")
    source = f"import sys\nsys.path.insert(0, {str(helper.parent)!r})\nimport helpers\nhelpers.fetch()\n"
    sys.modules.pop("helpers", None)
    try:
        failure = import_failure(tmp_path, source)
    finally:
        sys.modules.pop("helpers", None)
    assert "in fetch, called at exercises/ex01_futures.py:4 when exercises/ex01_futures.py was imported" in (
        failure.message
    )


def test_an_error_in_top_level_code_itself_needs_no_call_named(tmp_path):
    failure = import_failure(tmp_path, "import asyncio\n\nraise ValueError('oops')\n")
    assert (
        failure.message
        == "importing exercises/ex01_futures.py raised ValueError: oops at exercises/ex01_futures.py:3 in <module>"
    )


def test_a_network_call_at_the_top_level_is_told_to_move_under_main(tmp_path):
    # What pytest-socket raises for `requests.get(...)` written at the end of the file; it warns as it raises.
    with pytest.warns(UserWarning):
        failure = import_failure(
            tmp_path, "from pytest_socket import SocketBlockedError\n\nraise SocketBlockedError()\n"
        )
    assert failure.message.startswith("importing exercises/ex01_futures.py tried to reach the network"), failure.message
    assert "in <module>: the top level runs when the file is imported, so put a demo under `if __name__" in (
        failure.message
    )


def test_an_exceptions_first_argument_is_not_taken_for_a_log_records(tmp_path):
    (tmp_path / "exercises").mkdir()
    path = tmp_path / "exercises" / "ex05_blocking_io.py"
    source = "def fetch(error):\n    return 'failed: ' + error.args[0]\n"
    path.write_text(source)
    namespace: dict = {}
    exec(compile(source, str(path), "exec"), namespace)
    with pytest.raises(TypeError) as raised:
        namespace["fetch"](ValueError(404))
    verdict = explain_failure(raised.value, raised.value.__traceback__, str(tmp_path))
    assert verdict.message.startswith("fetch() raised TypeError"), verdict.message
    assert verdict.fix is None, verdict.fix


def test_other_errors_of_the_students_code_get_no_made_up_fix():
    assert asyncio_fix(RuntimeError("something else")) is None
    assert asyncio_fix(ValueError("no running event loop")) is None, "the message alone is not enough"
    statuses = [200]
    with pytest.raises(TypeError) as raised:
        statuses(0)  # a list called by mistake, not a call's result handed to an executor
    assert asyncio_fix(raised.value) is None


def test_run_until_complete_on_the_running_loop_is_told_await_in_a_coroutine_and_a_task_in_a_plain_def():
    """`await` cannot go in a plain def (ex01's make_request), so there the coroutine is handed to the running loop
    as a task; in a coroutine, `await` is the fix."""

    async def sleep_a_little() -> None:
        await asyncio.sleep(0)

    def plain() -> None:
        coro = sleep_a_little()
        try:
            asyncio.get_running_loop().run_until_complete(coro)
        finally:
            coro.close()

    async def in_a_coroutine() -> None:
        coro = sleep_a_little()
        try:
            asyncio.get_running_loop().run_until_complete(coro)
        finally:
            coro.close()

    async def in_an_async_generator():
        coro = sleep_a_little()
        try:
            asyncio.get_running_loop().run_until_complete(coro)
        finally:
            coro.close()
        yield

    async def main(call) -> BaseException:
        try:
            if inspect.isasyncgenfunction(call):
                async for _ in call():
                    pass
            else:
                await call() if asyncio.iscoroutinefunction(call) else call()
        except RuntimeError as error:
            return error
        raise AssertionError("run_until_complete ran on a running loop")

    from_plain = asyncio_fix(asyncio.run(main(plain))) or ""
    assert "asyncio.create_task(...)" in from_plain and "`await` cannot go" in from_plain, from_plain
    from_coroutine = asyncio_fix(asyncio.run(main(in_a_coroutine))) or ""
    assert "`await` the coroutine there instead" in from_coroutine, from_coroutine
    from_generator = asyncio_fix(asyncio.run(main(in_an_async_generator))) or ""  # `await` goes there too
    assert "`await` the coroutine there instead" in from_generator, from_generator


def test_any_other_exception_of_the_check_itself_is_shown_plainly():
    verdict = explain_failure(KeyError("x"), None, ROOT)
    assert verdict.message == "the check stopped with KeyError: 'x'"


def test_an_exception_message_keeps_its_first_line_whole():
    # str.splitlines() splits at a carriage return too: "first part\rSECOND" was shown as "first part". The control
    # characters left are shown as escapes by every output format (test_untrusted_code.py).
    verdict = explain_failure(ValueError("first part\rSECOND\x1b[2J\r\nnext line"), None, ROOT)
    assert verdict.message == "the check stopped with ValueError: first part\rSECOND\x1b[2J"


def test_a_half_written_exercise_is_told_what_is_missing_at_once(tmp_path):
    # make_request written, the set_future_value its task runs not yet: the future is never set. Each check must
    # say why at once, not wait for it to its time limit.
    # What make_request itself returned is judged apart: that point is earned.
    result = grade_source(tmp_path, "01", SUBMISSIONS / "partial" / "ex01_futures.py")
    passed = [c.name for c in result.checks if c.status is Status.PASSED]
    assert passed == ["returns_pending_future"], [c.message for c in result.checks]
    failed = [c for c in result.checks if c.status is not Status.PASSED]
    waiting = [c.name for c in failed if c.location is None or c.location.function == "make_request"]
    assert waiting == [], waiting
    assert all(c.message.startswith("not implemented yet") for c in failed), [c.message for c in failed]


def test_a_request_sent_with_the_wrong_client_is_named_with_the_exercises_advice(tmp_path):
    result = grade_source(tmp_path, "06", SUBMISSIONS / "wrong" / "ex06_aiohttp" / "requests_in_threads.py")
    first = next(c for c in result.checks if c.name == "returns_status_codes")
    assert "sent a request with `requests`, which the checks do not answer" in first.message, first.message
    assert first.fix.startswith("06 is about aiohttp") and "session.get(url)" in first.fix


def test_importing_a_package_the_grader_does_not_install_says_what_may_be_imported(tmp_path):
    failure = import_failure(tmp_path, "import asyncio\nimport aiofiles_that_is_not_there.os\n")
    assert "No module named 'aiofiles_that_is_not_there'" in failure.message
    assert failure.message.endswith("not aiofiles_that_is_not_there") and "requests and aiohttp" in failure.message
    assert failure.location.line == 2


def test_a_missing_file_of_the_exercises_package_is_named_as_a_file(tmp_path):
    failure = import_failure(tmp_path, "import asyncio\nimport exercises.helpers\n")
    assert failure.message.endswith("there is no exercises/helpers.py (only the .py files in exercises/ are graded)")
    assert "not exercises" not in failure.message


def test_a_neighbour_imported_by_name_as_a_script_would_is_found(tmp_path):
    # `python exercises/ex03_async_timed.py` finds util.py by name; the grader must find it the same way.
    source = (KIT / "solutions" / "ex03_async_timed.py").read_text()
    source = source.replace("import time\n", "import time\n\nfrom util import delay  # noqa: F401\n", 1)
    result = grade_source(tmp_path, "03", source)
    assert result.outcome is Outcome.OK and result.score == result.max_score, [c.message for c in result.checks]


def test_a_file_not_saved_as_utf8_is_told_how_to_save_it(tmp_path):
    latin1 = tmp_path / "latin1.py"
    latin1.write_bytes((KIT / "exercises" / "ex02_awaitables.py").read_bytes() + 'X = "café"\n'.encode("latin-1"))
    result = grade_source(tmp_path / "repo", "02", latin1)
    assert result.outcome is Outcome.SYNTAX_ERROR and "save the file as UTF-8" in result.message, result.message


def raised_by_student(tmp_path, source: str, call: str) -> BaseException:
    (tmp_path / "exercises").mkdir(exist_ok=True)
    path = tmp_path / "exercises" / "ex04_cpu_bound.py"
    path.write_text(source)
    namespace: dict = {}
    exec(compile(source, str(path), "exec"), namespace)
    try:
        asyncio.run(eval(call, namespace))
    except BaseException as error:
        return error
    raise AssertionError("nothing was raised")


@pytest.mark.skipif(sys.version_info < (3, 11), reason="TaskGroup is 3.11+")
def test_a_task_groups_one_error_is_told_as_that_error_with_its_line(tmp_path):
    source = (
        "import asyncio\n\n"
        "async def bad():\n"
        "    raise TypeError('a coroutine was expected, got 42')\n\n"
        "async def run_cpu_bound(ns):\n"
        "    async with asyncio.TaskGroup() as group:\n"
        "        group.create_task(bad())\n"
    )
    error = raised_by_student(tmp_path, source, "run_cpu_bound([1])")
    verdict = explain_failure(error, error.__traceback__, str(tmp_path))
    assert verdict.message == (
        "bad() raised TypeError: a coroutine was expected, got 42"
        " (inside an ExceptionGroup, as a TaskGroup raises errors)"
    )
    assert verdict.location.line == 4 and "create_task takes a coroutine object" in verdict.fix


def test_a_module_used_without_its_import_is_told_to_import_it(tmp_path):
    error = raised_by_student(
        tmp_path, "async def run_cpu_bound(ns):\n    await asyncio.sleep(0)\n", "run_cpu_bound([])"
    )
    verdict = explain_failure(error, error.__traceback__, str(tmp_path))
    assert verdict.message.startswith("run_cpu_bound() raised NameError") and verdict.location.line == 2
    assert verdict.fix == "Import asyncio at the top of your file: `import asyncio`."


def verdict_on_running(tmp_path, filename: str, source: str, coroutine: str, *args):
    """The verdict on `source`, the student's `exercises/<filename>`, whose async def `coroutine(*args)` raises
    TypeError when run."""
    (tmp_path / "exercises").mkdir()
    path = tmp_path / "exercises" / filename
    path.write_text(source)
    namespace: dict = {}
    exec(compile(source, str(path), "exec"), namespace)
    with pytest.raises(TypeError) as raised:
        asyncio.run(namespace[coroutine](*args))
    return explain_failure(raised.value, raised.value.__traceback__, str(tmp_path))


@pytest.mark.parametrize(
    ("awaited", "fix"),
    [
        ("response.json", "`response.json` is an async def method that was never called"),
        ("asyncio.sleep", "call it, `await asyncio.sleep(...)`"),
        ("response.status", "`response.status` is a plain value (`int`)"),
        ("time.sleep", "Only awaitables (coroutines, tasks, futures) go after `await`"),
    ],
    ids=["async method uncalled", "async function uncalled", "a plain value", "a plain function uncalled"],
)
def test_what_an_await_without_an_awaitable_was_given_is_told_apart(tmp_path, awaited, fix):
    """`await response.json` lacks the call: 'read it without await' would send the student the wrong way."""
    source = (
        "import asyncio\nimport time\n\nclass Response:\n    status = 200\n\n    async def json(self):\n"
        f"        return {{}}\n\nasync def fetch():\n    response = Response()\n    return await {awaited}\n"
    )
    verdict = verdict_on_running(tmp_path, "ex06_aiohttp.py", source, "fetch")
    assert fix in (verdict.fix or ""), verdict.fix
    assert "read it without `await`" not in (verdict.fix or "") or awaited == "response.status"


@pytest.mark.parametrize(
    ("arguments", "told"),
    [("work, *ns", True), ("work, ns[0] * 2, ns[0]", False)],
    ids=["every n unpacked into one call", "a product among too many arguments"],
)
def test_only_a_list_unpacked_into_run_in_executor_is_told_to_submit_one_call_each(tmp_path, arguments, told):
    source = (
        "import asyncio\n\ndef work(n):\n    return n\n\nasync def run_all(ns):\n"
        f"    return await asyncio.get_running_loop().run_in_executor(None, {arguments})\n"
    )
    verdict = verdict_on_running(tmp_path, "ex04_cpu_bound.py", source, "run_all", [1, 2])
    assert (verdict.fix or "").startswith("run_in_executor(pool, func, *args) makes one call") is told, verdict.fix


def test_a_list_kept_in_an_attribute_is_looped_over_with_a_plain_name(tmp_path):
    # `for self.n in self.ns` is valid Python that assigns an attribute: not what the fix means to show.
    source = (
        "import asyncio\n\ndef work(n):\n    return n\n\nclass Batch:\n    ns = [1, 2]\n\n    async def run(self):\n"
        "        return await asyncio.get_running_loop().run_in_executor(None, work, *self.ns)\n\n"
        "async def run_all(ns):\n    return await Batch().run()\n"
    )
    verdict = verdict_on_running(tmp_path, "ex04_cpu_bound.py", source, "run_all", [1, 2])
    assert "for n in self.ns))`" in (verdict.fix or ""), verdict.fix


def test_an_attribute_name_that_is_no_identifier_does_not_break_the_explanation():
    async def fetch():
        pass

    coroutine = fetch()
    try:
        with pytest.raises(AttributeError) as raised:
            getattr(coroutine, "status(")  # getattr takes any text as a name
        assert "Put `await` where it is made" in (asyncio_fix(raised.value) or "")
    finally:
        coroutine.close()


def test_except_star_on_python_310_is_told_it_is_newer_syntax(monkeypatch):
    from types import SimpleNamespace

    from grader.asyncio_mistakes import newer_python

    refused = SyntaxError("invalid syntax", ("x.py", 21, 5, "    except* requests.ConnectionError as group:\n"))
    assert (newer_python.newer_syntax(refused) is None) == (sys.version_info >= (3, 11))
    monkeypatch.setattr(newer_python, "sys", SimpleNamespace(version_info=(3, 10, 14, "final", 0)))
    fix = newer_python.newer_syntax(refused)
    assert fix is not None and fix.startswith("`except*` is new in Python 3.11, and this is Python 3.10:"), fix
    assert newer_python.newer_syntax(SyntaxError("invalid syntax", ("x.py", 1, 1, "except ValueError\n"))) is None


GET_STATUS = (
    "import asyncio\n\nimport requests\n\n\n"
    "def get_status(url):\n    return requests.get(url, timeout=10).status_code\n"
)


@pytest.mark.parametrize(
    ("source", "line", "function"),
    [
        (
            "async def fetch_status(url):\n"
            "    loop = asyncio.get_running_loop()\n"
            "    return await loop.run_in_executor(None, get_status, [url])\n\n\n"
            "async def fetch_all(urls):\n"
            "    return await asyncio.gather(*map(fetch_status, urls))\n",
            12,
            "fetch_status",
        ),
        (
            "async def fetch_status(url):\n"
            "    return await asyncio.get_running_loop().run_in_executor(None, get_status, url)\n\n\n"
            "async def fetch_all(urls):\n"
            "    return await asyncio.gather(fetch_status([urls[0]]))\n",
            15,
            "fetch_all",
        ),
        (
            "async def fetch_status(url):\n"
            "    return await asyncio.get_running_loop().run_in_executor(None, lambda: get_status([url]))\n\n\n"
            "async def fetch_all(urls):\n"
            "    return await fetch_status(urls[0])\n",
            11,
            "<lambda>",
        ),
        (
            "async def fetch_status(url):\n"
            "    return requests.get([url]).status_code\n\n\n"
            "async def fetch_all(urls):\n"
            "    return await fetch_status(urls[0])\n",
            11,
            "fetch_status",
        ),
    ],
    ids=["in fetch_status's call", "in fetch_all, passed through fetch_status", "in a lambda", "in its own get"],
)
def test_a_url_in_a_list_is_blamed_on_the_line_that_made_the_list_not_on_get_status(tmp_path, source, line, function):
    (tmp_path / "exercises").mkdir()
    path = tmp_path / "exercises" / "ex05_blocking_io.py"
    path.write_text(GET_STATUS + "\n\n" + source)
    namespace: dict = {}
    exec(compile(path.read_text(), str(path), "exec"), namespace)
    with pytest.raises(ValueError, match="No connection adapters were found") as raised:
        asyncio.run(namespace["fetch_all"](["http://status.test/status/200"]))
    verdict = explain_failure(raised.value, raised.value.__traceback__, str(tmp_path))
    assert (verdict.location.line, verdict.location.function) == (line, function), verdict.location
    assert "a list holding the URL" in verdict.fix, verdict.fix


def test_the_graders_work_handed_as_a_partial_is_named_as_the_student_knows_it():
    import functools

    from grader.diagnose import _short, work_as_handed
    from grader.messages import plain_reprs
    from grader.probes import work

    burn = functools.partial(work.burn, 0.2, clock="/tmp/x/clock", pause_limit=2.0)
    meet = functools.partial(work.meet, "/tmp/x", 2, 3.0, loop_thread=work.this_thread())
    assert work_as_handed(f"a coroutine was expected, got {burn!r}") == "a coroutine was expected, got work"
    assert work_as_handed(plain_reprs(f"got {meet!r}, not a pool")) == "got work, not a pool"
    theirs = functools.partial(print, 1)  # a partial of the student's own keeps its words
    assert work_as_handed(f"got {theirs!r}") == f"got {theirs!r}"
    for handed, said in ((burn, "'function' object"), (theirs, "'functools.partial' object")):
        with pytest.raises(AttributeError) as raised:
            handed.submit  # noqa: B018  (what run_in_executor does with what it takes for the executor)
        assert _short(raised.value) == f"AttributeError: {said} has no attribute 'submit'"
    # More arguments than n land on a keyword the partial binds: a parameter the student never saw is not named.
    said = "burn() got multiple values for argument 'clock'"
    assert work_as_handed(said) == "work() takes 1 positional argument, n, but more were given"
