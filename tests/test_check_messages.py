"""What a failing check tells the student about plausible wrong solutions: the object or call in the student's
terms, the expectation, and a fix that fits what their code did (not a call they never wrote)."""

from __future__ import annotations

import json
import sys

import pytest
from support import KIT, SUBMISSIONS, grade_source

from grader.messages import plain_reprs
from grader.model import CheckResult, ExerciseResult, Status
from grader.suites.timed_output import FROZEN_EPOCH, unreached_clock


def failed(result) -> dict[str, CheckResult]:
    return {c.name: c for c in result.checks if not c.passed}


KIND_OF_TOUCHES_ATTRIBUTES = """\
def kind_of(obj) -> str:
    if obj.done():
        return "future"
    return "not awaitable"
"""


def test_kind_of_raising_names_the_object_it_was_given(tmp_path):
    checks = failed(grade_source(tmp_path, "02", KIND_OF_TOUCHES_ATTRIBUTES))
    verdict = checks["coroutine_object_is_coroutine"]
    assert verdict.message == (
        "kind_of(fetch(), where fetch is an async def function) raised AttributeError: 'coroutine' object has no"
        " attribute 'done'"
    )
    assert verdict.expected.startswith("'coroutine': kind_of returns one of the five strings")
    assert "asyncio.isfuture(obj)" in verdict.fix and "inspect.iscoroutine(obj)" in verdict.fix
    assert verdict.location.line == 2 and verdict.location.function == "kind_of"


SCHEDULES_AT_A_DELAY_AND_MAKES_LOOPS = """\
import asyncio


def schedule_soon(callback, *args):
    return asyncio.get_running_loop().call_soon(callback, *args)


def schedule_later(delay, callback, *args):
    return asyncio.get_running_loop().call_at(delay, callback, *args)


def running_loop_or_none():
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.new_event_loop()
"""


def test_running_loop_messages_say_what_the_code_did(tmp_path):
    checks = failed(grade_source(tmp_path, "08", SCHEDULES_AT_A_DELAY_AND_MAKES_LOOPS))
    due = checks["later_returns_timer_handle"]
    assert due.message.startswith(
        "schedule_later(0.05, callback) returned a handle due at loop time 0.050, which had already passed (the loop's"
        " clock"
    )
    assert "call_at takes a point in time" in due.fix and "call_later a delay" in due.fix
    early = checks["later_runs_after_delay_in_order"]
    assert early.message.startswith("the callback named 'slow', due after 0.06 s, ran ")
    made = checks["running_loop_or_none_outside"]
    assert "created a new event loop and returned it" in made.message
    assert "asyncio.new_event_loop()" in made.fix and "get_event_loop" not in made.fix
    direct = failed(
        grade_source(tmp_path / "direct", "08", SUBMISSIONS / "wrong" / "ex08_running_loop" / "calls_directly.py")
    )
    assert "loop.call_soon(callback, *args)" in direct["soon_runs_callback_later"].fix
    later = direct["later_returns_timer_handle"].fix
    assert "loop.call_later(delay, callback, *args)" in later and "call_soon" not in later
    # The line that called the callback, not the def: call_soon(callback(*args)) on line 8, call_later on line 12.
    assert direct["soon_runs_callback_later"].location.line == 8, direct["soon_runs_callback_later"].location
    assert direct["later_returns_timer_handle"].location.line == 12, direct["later_returns_timer_handle"].location
    asked = failed(grade_source(tmp_path / "asked", "08", SUBMISSIONS / "wrong" / "ex08_running_loop"
                                / "uses_get_event_loop.py"))["raises_outside_a_running_loop"]  # fmt: skip
    assert asked.location.line == 8, asked.location  # asyncio.get_event_loop().call_soon(callback, *args)
    fixed_delay = SUBMISSIONS / "wrong" / "ex08_running_loop" / "fixed_delay.py"
    fixed = failed(grade_source(tmp_path / "fixed", "08", fixed_delay))
    for name in ("later_returns_timer_handle", "later_runs_after_delay_in_order"):
        assert "call_at" not in fixed[name].fix and "`delay`" in fixed[name].fix, fixed[name].fix
    assert "the order they were scheduled in" in fixed["later_runs_after_delay_in_order"].message
    none = failed(grade_source(tmp_path / "none", "08", SUBMISSIONS / "wrong" / "ex08_running_loop"
                               / "returns_none_with_no_loop.py"))["raises_outside_a_running_loop"]  # fmt: skip
    assert "returned None: nothing was scheduled" in none.message and "not running" not in none.message
    assert "no `except`" in none.fix and "get_event_loop" not in none.fix
    kept = failed(grade_source(tmp_path / "kept", "08", SUBMISSIONS / "wrong" / "ex08_running_loop"
                               / "caches_the_loop.py"))["soon_returns_handle"]  # fmt: skip
    assert kept.fix.startswith("`_loop` keeps a loop from an earlier run") and "finally" not in kept.fix
    ms = failed(grade_source(tmp_path / "ms", "08", SUBMISSIONS / "wrong" / "ex08_running_loop"
                             / "delay_in_milliseconds.py"))  # fmt: skip
    assert "as if it were in milliseconds" in ms["later_returns_timer_handle"].message
    assert ms["later_runs_after_delay_in_order"].message.startswith("none of the callbacks due after")
    tasks = failed(grade_source(tmp_path / "task", "08", SUBMISSIONS / "wrong" / "ex08_running_loop"
                                / "callback_in_a_task.py"))  # fmt: skip
    for name, call in (("soon_returns_handle", "call_soon(callback, *args)"),
                       ("later_returns_timer_handle", "call_later(delay, callback, *args)")):  # fmt: skip
        assert tasks[name].fix.startswith("That is a Task, which runs a coroutine"), tasks[name].fix
        assert f"`return asyncio.get_running_loop().{call}`" in tasks[name].fix, tasks[name].fix


def test_debug_settings_on_a_loop_that_never_ran_main_are_named_as_such(tmp_path):
    wrong = SUBMISSIONS / "wrong" / "ex09_debug_mode"
    cases = (
        ("settings_on_an_unused_loop", "You turned debug mode on for a loop that did not run main()", 27),
        ("threshold_on_an_unused_loop", "You set the threshold on a loop that did not run main()", 26),
    )
    for stem, said, line in cases:
        verdict = failed(grade_source(tmp_path / stem, "09", wrong / f"{stem}.py"))["runs_main_in_debug_mode"]
        assert "another loop, which did not run main()" in verdict.message, verdict.message
        assert verdict.fix.startswith(said), verdict.fix
        assert verdict.location.line == line  # asyncio.run(...), which made the loop main() ran on


def test_an_error_of_slow_callbacks_own_is_not_blamed_on_mains_exception(tmp_path):
    wrong = SUBMISSIONS / "wrong" / "ex09_debug_mode" / "get_event_loop.py"
    verdict = failed(grade_source(tmp_path, "09", wrong))["cleans_up_when_main_raises"]
    assert "There is no current event loop" in verdict.message, verdict.message
    assert "main()'s" not in verdict.fix and "get_event_loop()" in verdict.fix, verdict.fix
    assert verdict.location.line == 23  # asyncio.get_event_loop()


def test_a_handler_that_heard_nothing_is_told_the_level_of_the_warnings(tmp_path):
    wrong = SUBMISSIONS / "wrong" / "ex09_debug_mode" / "handler_level_error.py"
    verdict = failed(grade_source(tmp_path, "09", wrong))["reports_blocking_step"]
    assert "above WARNING (ERROR, say) drops them" in verdict.fix, verdict.fix


def test_the_step_taken_for_its_duration_is_told_the_order_of_the_records_arguments(tmp_path):
    wrong = SUBMISSIONS / "wrong" / "ex09_debug_mode" / "duration_from_the_first_argument.py"
    verdict = failed(grade_source(tmp_path, "09", wrong))["reports_blocking_step"]
    assert verdict.message.startswith("emit() raised ValueError: could not convert string to float"), verdict.message
    assert "the duration is record.args[-1]" in verdict.fix, verdict.fix
    assert verdict.location.line == 19 and verdict.location.function == "emit"


def test_a_handler_that_skips_handlers_init_is_told_to_call_super(tmp_path):
    """Python says "'Collector' object has no attribute 'level'", an attribute the student never wrote: the fix names
    their __init__ and the missing super().__init__()."""
    wrong = SUBMISSIONS / "wrong" / "ex09_debug_mode" / "handler_init_without_super.py"
    verdict = failed(grade_source(tmp_path, "09", wrong))["reports_blocking_step"]
    assert "'Collector' object has no attribute 'level'" in verdict.message, verdict.message
    assert verdict.fix.startswith("`Collector.__init__` (line 10) never calls `super().__init__()`"), verdict.fix


def test_python_warnings_caught_for_debug_modes_reports_are_told_they_are_log_records(tmp_path):
    wrong = SUBMISSIONS / "wrong" / "ex09_debug_mode" / "catches_python_warnings.py"
    checks = failed(grade_source(tmp_path, "09", wrong))
    for name in ("reports_blocking_step", "honours_threshold"):
        verdict = checks[name]
        assert "not a Python warning: warnings.catch_warnings never sees it" in verdict.fix, verdict.fix
        assert "logging.getLogger('asyncio')" in verdict.fix, verdict.fix
        assert verdict.location.line == 16, verdict.location  # with warnings.catch_warnings(record=True) as caught:


def test_durations_kept_from_earlier_calls_are_named_as_such(tmp_path):
    wrong = SUBMISSIONS / "wrong" / "ex09_debug_mode" / "list_at_module_level.py"
    checks = failed(grade_source(tmp_path, "09", wrong))
    for name in ("awaiting_main_gives_empty_list", "honours_threshold"):
        assert "what debug mode reported to earlier calls of slow_callbacks" in checks[name].message
        assert "new, empty list" in checks[name].fix and "time main()" not in checks[name].fix


def test_concurrency_messages_blame_what_held_the_requests_back(tmp_path):
    wrong = SUBMISSIONS / "wrong"
    pool = failed(grade_source(tmp_path / "pool", "05", wrong / "ex05_blocking_io" / "one_worker_pool.py"))
    verdict = pool["fetch_all_concurrent"]
    assert "handed to a ThreadPoolExecutor together: the pool ran only 1 at a time" in verdict.message
    assert verdict.message.endswith("waited for a free worker: it was made with max_workers=1")
    assert "max_workers" in verdict.fix and "`for` loop" not in verdict.fix
    assert verdict.location.function == "fetch_status" and verdict.location.line == 21  # run_in_executor(POOL, ...)
    for exercise, folder in (("05", "ex05_blocking_io"), ("06", "ex06_aiohttp")):
        held = failed(grade_source(tmp_path / exercise, exercise, wrong / folder / "semaphore_of_two.py"))
        verdict = held["fetch_all_concurrent"]
        assert verdict.message.startswith("at most 2 of the 5 requests were in flight at a time: each")
        assert "after an earlier one had answered" in verdict.message and "the previous one" not in verdict.message
        assert "Semaphore" in verdict.fix
    wrong = SUBMISSIONS / "wrong" / "ex06_aiohttp"
    limited = failed(grade_source(tmp_path / "limit", "06", wrong / "connector_limit_one.py"))["fetch_all_concurrent"]
    assert "connector allows only 1 open connection(s)" in limited.message and "defaults" in limited.fix
    assert limited.location.line == 16, limited.location  # the line that makes the connector, not fetch_all's def
    per_host = failed(grade_source(tmp_path / "host", "06", wrong / "one_connection_per_host.py"))
    verdict = per_host["fetch_all_concurrent"]
    assert "limit_per_host=1" in verdict.message and verdict.location.line == 17, verdict.location
    closed = failed(grade_source(tmp_path / "closed", "06", wrong / "gathers_after_session_closed.py"))
    verdict = closed["fetch_all_keeps_order"]
    assert "Session is closed: the requests were sent through the session after" in verdict.message
    assert "indented under it" in verdict.fix and verdict.location.function == "fetch_all"
    assert verdict.location.line == 17, verdict.location  # return list(await asyncio.gather(*pending)), after the block


def test_a_loop_run_by_hand_gets_fixes_that_fit_plain_code(tmp_path):
    """loop.stop() for loop.close(), shutdown_asyncgens() never run (no `await` can go in a plain def), the main
    coroutine's exception caught, gather() of nothing on the cancelled path, gather() of the bare main coroutine,
    the wait in an `except Exception:` that a cancelled coroutine skips: each with the fix for what was written."""
    wrong = SUBMISSIONS / "wrong" / "ex07_manual_loop"
    stopped = failed(grade_source(tmp_path / "stop", "07", wrong / "stop_in_finally.py"))
    assert stopped["closes_loop_on_success"].fix.startswith("loop.stop() does not close a loop")
    verdict = stopped["reraises_after_waiting"]
    assert "the loop was left with tasks unfinished" in verdict.message, verdict.message  # not "closed": it was not
    dropped = failed(grade_source(tmp_path / "gens", "07", wrong / "shutdown_asyncgens_not_awaited.py"))
    verdict = dropped["shuts_down_async_generators"]
    assert "it is in a plain def, where `await` cannot go" in verdict.message, verdict.message
    assert verdict.fix.startswith("Start with line 23: run that coroutine on your loop, `loop.run_until_complete("), (
        verdict.fix
    )
    caught = failed(grade_source(tmp_path / "caught", "07", wrong / "gather_swallows_main_error.py"))
    assert "`finally:` block" in caught["reraises_after_waiting"].fix, caught["reraises_after_waiting"]
    nothing = failed(grade_source(tmp_path / "none", "07", wrong / "gather_all_tasks_once_return_exceptions.py"))
    verdict = nothing["reraises_after_waiting"]
    assert "whose coroutine ended cancelled, raised RuntimeError" in verdict.message, verdict.message
    assert verdict.fix.startswith("Wait only when something is pending"), verdict.fix
    skipped = failed(grade_source(tmp_path / "except", "07", wrong / "waits_in_except_exception.py"))
    verdict = skipped["reraises_after_waiting"]
    assert "(whose coroutine ended cancelled), the loop was closed with tasks unfinished" in verdict.message
    assert "`except Exception:` misses asyncio.CancelledError" in verdict.fix, verdict.fix
    coroutine = failed(grade_source(tmp_path / "coro", "07", wrong / "gather_of_the_main_coroutine.py"))
    verdict = coroutine["builds_its_own_loop"]
    assert "given coroutines and no task or future, it makes tasks of them" in verdict.message, verdict.message
    assert verdict.fix.startswith("Make the tasks on your loop first, `loop.create_task(coro)`"), verdict.fix


def test_no_running_loop_is_explained_by_the_call_that_needed_one(tmp_path):
    wrong = SUBMISSIONS / "wrong" / "ex07_manual_loop"
    checks = failed(grade_source(tmp_path / "all_tasks", "07", wrong / "all_tasks_without_loop.py"))
    assert "builds_its_own_loop" not in checks  # it did make its own loop; the checks that reach all_tasks() fail
    verdict = checks["closes_loop_on_success"]
    assert "no running event loop, from asyncio.all_tasks()" in verdict.message
    assert "asyncio.all_tasks(loop)" in verdict.fix and "get_event_loop" not in verdict.fix
    assert verdict.location.line == 20
    checks = failed(grade_source(tmp_path / "create_task", "07", wrong / "create_task_outside.py"))
    verdict = checks["builds_its_own_loop"]
    assert "from asyncio.create_task()" in verdict.message and "loop.create_task(coro)" in verdict.fix
    assert verdict.location.line == 10
    checks = failed(grade_source(tmp_path / "gather", "07", wrong / "gather_of_nothing.py"))
    verdict = checks["closes_loop_on_success"]
    assert "from asyncio.gather()" in verdict.message and "never ran" not in verdict.message
    assert "if pending:" in verdict.fix and "new_event_loop" not in verdict.fix


FETCH_STATUS_PARAMETERS_SWAPPED = """\
import asyncio

import aiohttp


async def fetch_status(url, session):
    async with session.get(url) as response:
        return response.status


async def fetch_all(urls):
    async with aiohttp.ClientSession() as session:
        return await asyncio.gather(*(fetch_status(url, session) for url in urls))
"""


def test_parameters_unlike_the_stubs_are_told_once_by_the_checks_of_that_function(tmp_path):
    """The stub's parameters in another order, or its `*args` written as a plain `args`, give values in the wrong
    places, which each check would tell by what they did next ("handed the callback where the delay goes", "called
    with ('s', 'l', 'o', 'w')") with a fix the student's body already follows. The def is named instead, and only by
    the checks of that function."""
    wrong = SUBMISSIONS / "wrong" / "ex08_running_loop"
    checks = failed(grade_source(tmp_path / "reordered", "08", wrong / "later_parameters_reordered.py"))
    assert set(checks) == {"later_returns_timer_handle", "later_runs_after_delay_in_order"}, set(checks)
    for verdict in checks.values():
        assert verdict.message.startswith(
            "schedule_later takes its parameters in another order than the stub, (callback, delay): the checks call"
            " it as the stub defines it, schedule_later(delay, callback, *args), so your `callback` gets the `delay`"
        ), verdict.message
        assert verdict.fix.startswith("Put the parameters back in the stub's order, `def schedule_later(delay,")
        assert verdict.location.line == 12 and verdict.location.function == "schedule_later", verdict.location
    checks = failed(grade_source(tmp_path / "star", "08", wrong / "args_without_the_star.py"))
    for name, function in (("soon_runs_callback_later", "schedule_soon"),
                           ("later_runs_after_delay_in_order", "schedule_later")):  # fmt: skip
        verdict = checks[name]
        assert verdict.message.startswith(f"{function} has a plain parameter `args` where the stub has `*args`")
        assert verdict.fix.startswith("Write `*args` in the def, as the stub does"), verdict.fix
        assert verdict.location.function == function, verdict.location
    checks = failed(grade_source(tmp_path / "fetch", "06", FETCH_STATUS_PARAMETERS_SWAPPED))
    assert set(checks) == {"returns_status_codes", "fetch_status_raises_connection_errors", "fetch_all_keeps_order"}
    assert "your `url` gets the `session` they pass" in checks["returns_status_codes"].message
    assert "in your own calls of fetch_status too" in checks["returns_status_codes"].fix


GATHER_OVERWRITES_THE_RESULT = """\
import asyncio


def run_manually(coro):
    raise NotImplementedError


def run_until_all_done(coro):
    loop = asyncio.new_event_loop()
    try:
        result = loop.run_until_complete(coro)
        while tasks := asyncio.all_tasks(loop):
            result = loop.run_until_complete(asyncio.gather(*tasks, return_exceptions=True))
        loop.run_until_complete(loop.shutdown_asyncgens())
        return result
    finally:
        loop.close()
"""


def test_a_wait_kept_in_place_of_the_result_is_named_with_its_line(tmp_path):
    """run_until_all_done that assigns the wait's value to the name holding the coroutine's result returns
    asyncio.wait's (done, pending) or gather's list: the fix says which call's value that is and points at it,
    instead of "keep what run_until_complete(coro) returned", which the student did."""
    wrong = SUBMISSIONS / "wrong" / "ex07_manual_loop" / "wait_overwrites_the_result.py"
    verdict = failed(grade_source(tmp_path / "wait", "07", wrong))["waits_for_pending_tasks"]
    assert verdict.message.startswith("run_until_all_done(coro) returned ({<Task finished"), verdict.message
    assert verdict.fix.startswith("That is a pair of sets, (done, pending): what `run_until_complete(asyncio.wait(")
    assert verdict.location.line == 22, verdict.location  # result = loop.run_until_complete(asyncio.wait(pending))
    checks = failed(grade_source(tmp_path / "gather", "07", GATHER_OVERWRITES_THE_RESULT))
    for name in ("waits_for_pending_tasks", "background_failure_does_not_change_result"):
        verdict = checks[name]
        assert "a list of the tasks' results" in verdict.fix, (name, verdict.fix)
        assert verdict.location.line == 13, (name, verdict.location)


CHATTY_LESSON_DECORATOR = """\
import functools
import time


def async_timed():
    def wrapper(func):
        @functools.wraps(func)
        async def wrapped(*args, **kwargs):
            for step in range(300):
                print("DEBUG: about to start, step", step)
            print(f"starting {func} with args {args} {kwargs}")
            start = time.time()
            result = await func(*args, **kwargs)
            print(f"Finished {func} in {time.time() - start:.2f} second(s)")
            return result
        return wrapped
    return wrapper
"""


def test_timing_messages_show_the_lines_that_matter_and_the_fix_for_them(tmp_path):
    checks = failed(grade_source(tmp_path, "03", CHATTY_LESSON_DECORATOR))
    starting = checks["prints_starting_line_first"]
    assert starting.expected.startswith("the line to start with a capital S: 'Starting <function greet")
    assert "'Starting'" in starting.fix
    assert "starting_line_shows_args_and_kwargs" not in checks  # its arguments are right; the 's' costs one check
    total = checks["prints_finished_line_with_elapsed_time"]
    assert "printed as 2.50: format the total with four decimals" in total.fix
    assert "four decimals" in checks["concurrent_calls_report_their_own_time"].fix
    raised = checks["reports_time_when_body_raises"]
    assert 'your code printed "starting <function fail_slowly' in raised.message
    assert raised.message.endswith("(and 300 other lines)") and "DEBUG" not in raised.message
    # The wrapper's def line, not the factory's nor its @functools.wraps line.
    assert (raised.location.line, raised.location.function) == (8, "wrapped")


def timed_with(start: str, total: str) -> str:
    return f"""\
import functools
import time


def async_timed():
    def wrapper(func):
        @functools.wraps(func)
        async def wrapped(*args, **kwargs):
            print(f"Starting {{func}} with args {{args}} {{kwargs}}")
            start = {start}
            try:
                return await func(*args, **kwargs)
            finally:
                print(f"Finished {{func}} in {{{total}:.4f}} second(s)")
        return wrapped
    return wrapper
"""


def test_timing_messages_tell_two_clocks_and_a_negative_total(tmp_path):
    mixed = failed(grade_source(tmp_path / "mixed", "03", timed_with("time.time()", "time.perf_counter() - start")))
    assert set(mixed) == {"prints_finished_line_with_elapsed_time"}  # a frozen clock moves both clocks alike
    verdict = mixed["prints_finished_line_with_elapsed_time"]
    assert verdict.message.startswith("on the real clock, when nap(0.05) awaited asyncio.sleep(0.05)")
    assert "Read the same clock at the start and at the end" in verdict.fix
    negative = failed(grade_source(tmp_path / "negative", "03", timed_with("time.time()", "start - time.time()")))
    for name in ("prints_finished_line_with_elapsed_time", "concurrent_calls_report_their_own_time"):
        assert "the total is the end minus the start" in negative[name].fix, negative[name].fix


def test_a_start_time_read_when_decorating_is_named(tmp_path):
    """The totals are counted from the decoration: every check that decorates and then waits says so, and no total
    shows the grader's frozen clock meeting the real one (the checks decorate under the frozen clock)."""
    wrong = SUBMISSIONS / "wrong" / "ex03_async_timed" / "started_at_decoration.py"
    checks = failed(grade_source(tmp_path, "03", wrong))
    assert set(checks) == {
        "prints_finished_line_with_elapsed_time",
        "times_each_call_not_the_decoration",
        "concurrent_calls_report_their_own_time",
    }, {n: c.message for n, c in checks.items()}
    for verdict in checks.values():
        assert "counts from when @async_timed() was applied" in verdict.fix, verdict.fix
        assert "1704" not in verdict.message, verdict.message


def test_a_clock_saved_before_the_call_is_named(tmp_path):
    """A start read through a clock function saved at import (a dataclass default_factory) and an end read through
    `time` is years off under the frozen clock: the fix names the saved clock, not "read perf_counter inside the
    wrapper", which the student believes they do."""
    wrong = SUBMISSIONS / "wrong" / "ex03_async_timed" / "clock_saved_as_default_factory.py"
    checks = failed(grade_source(tmp_path, "03", wrong))
    assert "concurrent_calls_report_their_own_time" in checks
    for verdict in checks.values():
        assert "a clock function saved before the call" in verdict.fix, verdict.fix


@pytest.mark.parametrize(
    ("name", "said"),
    [("nanoseconds_not_divided.py", "The total is in nanoseconds, a billion times"),
     ("milliseconds_printed.py", "The total is in milliseconds, 1000 times")],
)  # fmt: skip
def test_a_total_in_another_unit_is_told_its_unit(tmp_path, name, said):
    """A total a thousand or a billion times too large is read right from the right clock: the fix names the unit,
    not another clock or a start time kept outside the call."""
    checks = failed(grade_source(tmp_path, "03", SUBMISSIONS / "wrong" / "ex03_async_timed" / name))
    assert "concurrent_calls_report_their_own_time" in checks
    for verdict in checks.values():
        assert verdict.fix.startswith(said), verdict.fix
    assert checks["prints_finished_line_with_elapsed_time"].location.line == 18  # the print of the Finished line


@pytest.mark.parametrize(
    ("name", "named"),
    [("clock_saved_when_decorating.py", "`clock`, a variable of the decorator"),
     ("clock_as_a_default_argument.py", "`_clock=time.perf_counter`, a default argument")],
)  # fmt: skip
def test_a_clock_saved_when_decorating_is_named_where_it_is_kept(tmp_path, name, named):
    """Such a clock times a function decorated while the grader's clock was frozen (the frozen one was saved): only
    the call decorated before the freeze shows it, and its fix names the variable, not "read perf_counter inside the
    wrapper", which the student believes they do."""
    checks = failed(grade_source(tmp_path, "03", SUBMISSIONS / "wrong" / "ex03_async_timed" / name))
    assert set(checks) == {"prints_finished_line_with_elapsed_time"}, checks
    assert named in checks["prints_finished_line_with_elapsed_time"].fix


@pytest.mark.parametrize(
    ("total", "unreached"),
    [
        (FROZEN_EPOCH + 2.5, False),  # `end` printed: the frozen clock itself, ticked by the check
        (FROZEN_EPOCH + 107, False),
        (2.5 - 300, False),  # the real clock on both sides, a negative total: SIGN_FIX's business, not this one's
        (FROZEN_EPOCH + 2.5 - 420, True),  # a start from the real perf_counter on a machine booted 7 minutes ago
        (FROZEN_EPOCH + 2.5 - 9e6, True),  # ... booted months ago
        (420 - FROZEN_EPOCH, True),  # the start frozen, the end real
        (1.79e9 - FROZEN_EPOCH, True),  # a real time.time() start against the frozen end
        (None, False),
    ],
)
def test_a_clock_out_of_the_graders_reach_is_told_from_a_frozen_reading(total, unreached):
    """Whatever the machine's uptime (the real perf_counter counts from boot): a fresh CI machine's mix was once
    taken for a frozen reading and told the wrong fix."""
    assert unreached_clock(total) is unreached


def test_a_future_never_set_says_so_instead_of_timing_out(tmp_path):
    wrong = SUBMISSIONS / "wrong" / "ex01_futures" / "coroutine_never_scheduled.py"
    checks = failed(grade_source(tmp_path / "never", "01", wrong))
    for name in ("future_resolves_to_value", "loop_keeps_running_while_waiting", "requests_overlap"):
        verdict = checks[name]
        assert "was never set: make_request had scheduled no task" in verdict.message, verdict.message
        assert verdict.location.function == "make_request"
    assert "asyncio.create_task(set_future_value(future, value, delay))" in checks["future_resolves_to_value"].fix
    # make_request runs while a loop runs: run_until_complete would raise "This event loop is already running".
    scheduled = checks["schedules_a_task"].fix
    assert "asyncio.create_task(...)" in scheduled and "run_until_complete" not in scheduled, scheduled
    driven = failed(grade_source(tmp_path / "driven", "01", wrong.with_name("run_until_complete_in_make_request.py")))
    for verdict in driven.values():
        assert "This event loop is already running" in verdict.message, verdict.message
    fix = driven["returns_pending_future"].fix
    assert "asyncio.create_task(...)" in fix and "`await` the coroutine" not in fix, fix
    returned = failed(grade_source(tmp_path / "returns", "01", wrong.with_name("returns_instead_of_setting.py")))
    verdict = returned["future_resolves_to_value"]
    assert "started returned 'hello', but the future the call returned was never set" in verdict.message
    assert "returning a value only ends the task" in verdict.fix and verdict.location.function == "set_future_value"
    verdict = returned["failing_request_waits_and_tolerates_cancel"]
    assert "returned KeyError('late'), but the future the call returned was never set" in verdict.message
    assert "future.set_exception(exc)" in verdict.fix
    task = failed(grade_source(tmp_path / "task", "01", wrong.with_name("returns_the_task.py")))
    for name in ("future_resolves_to_value", "failing_request_raises_same_exception"):
        assert task[name].message.startswith("make_"), task[name].message
        assert "returned a task, and awaiting it gave None" in task[name].message
    timer = failed(grade_source(tmp_path / "timer", "01", wrong.with_name("timer_set_after_the_task.py")))
    assert set(timer) == {"schedules_a_task", "sets_result_after_delay"}, {n: c.message for n, c in timer.items()}
    assert "from a plain callback" in timer["schedules_a_task"].message


def test_what_is_returned_instead_of_a_future_of_the_running_loop_is_named_in_every_check(tmp_path):
    """None from a missing return, the Future class, a future of another loop: each check that uses the returned
    object says so, not "the check stopped with TypeError", a plain callback, or "a different exception"."""
    wrong = SUBMISSIONS / "wrong" / "ex01_futures"
    for stem, said, fixed in (
        ("no_return", "returned None", "`return future`"),
        ("future_class_not_called", "returned <class", "call it to make a future"),
        ("future_of_a_new_loop", "returned a future of another event loop", "asyncio.new_event_loop()"),
    ):
        checks = failed(grade_source(tmp_path / stem, "01", wrong / f"{stem}.py"))
        for name in ("returns_pending_future", "future_resolves_to_value", "failing_request_raises_same_exception"):
            verdict = checks[name]
            assert verdict.message.startswith("make_") and said in verdict.message, (stem, verdict.message)
            assert fixed in verdict.fix and verdict.location.function.startswith("make_"), (stem, verdict.fix)


def test_arguments_passed_in_another_order_are_blamed_on_make_request_not_on_the_sleep(tmp_path):
    wrong = SUBMISSIONS / "wrong" / "ex01_futures" / "arguments_swapped.py"
    verdict = failed(grade_source(tmp_path, "01", wrong))["schedules_a_task"]
    assert verdict.message.startswith("set_future_value was called with value=0.01 and delay='value'"), verdict.message
    assert "`set_future_value(future, value, delay)`" in verdict.fix and verdict.location.function == "make_request"


def test_a_coroutine_an_earlier_check_dropped_is_not_blamed_on_a_later_one(tmp_path):
    """make_request's asyncio.run(...) raised and dropped its coroutine in the first checks: the check of
    make_failing_request, which raised in the same way on its own line, speaks of that line only."""
    wrong = SUBMISSIONS / "wrong" / "ex01_futures" / "asyncio_run_inside_the_loop.py"
    checks = failed(grade_source(tmp_path, "01", wrong))
    for name in ("failing_request_raises_same_exception", "failing_request_waits_and_tolerates_cancel"):
        verdict = checks[name]
        assert "asyncio.run() cannot be called from a running event loop" in verdict.message, verdict.message
        assert "never ran" not in verdict.message and verdict.location.function == "make_failing_request"


def test_the_lessons_fixed_second_costs_only_the_checks_about_the_delay(tmp_path):
    """The lesson's set_future_value sleeps a fixed second: the checks about the value and about a done future still
    pass (they start their calls together, so one second, not one per call, and no time-out), and the overlap
    check says that the task was still waiting, not that no task was scheduled."""
    wrong = SUBMISSIONS / "wrong" / "ex01_futures" / "fixed_one_second.py"
    result = grade_source(tmp_path / "fixed", "01", wrong)
    checks = failed(result)
    assert set(checks) == {"sets_result_after_delay", "requests_overlap"}, {n: c.message for n, c in checks.items()}
    verdict = checks["requests_overlap"]
    assert "the task the call started was still waiting" in verdict.message, verdict.message
    assert "not a fixed time" in verdict.fix and verdict.location.function == "set_future_value"
    returned = failed(grade_source(tmp_path / "returns", "01", wrong.with_name("returns_instead_of_setting.py")))
    assert "still pending" in returned["sets_result_after_delay"].message


def test_a_renamed_function_is_named_once_not_explained_as_a_crash(tmp_path):
    wrong = SUBMISSIONS / "wrong" / "ex02_awaitables" / "renamed_kind_of.py"
    checks = failed(grade_source(tmp_path, "02", wrong))
    assert all("has no `kind_of`" in c.message for c in checks.values()), [c.message for c in checks.values()]
    assert "Keep every function of the stub" in next(iter(checks.values())).fix


def test_an_empty_file_is_told_empty(tmp_path):
    checks = failed(grade_source(tmp_path, "03", "\n\n"))
    assert all(c.message.startswith("exercises/ex03_async_timed.py is empty, so it has no `async_timed`")
               for c in checks.values()), [c.message for c in checks.values()]  # fmt: skip


def test_a_missing_await_on_gather_is_named(tmp_path):
    for number, stem, check in (("04", "ex04_cpu_bound", "returns_results_in_order"),
                                ("06", "ex06_aiohttp", "fetch_all_keeps_order")):  # fmt: skip
        wrong = SUBMISSIONS / "wrong" / stem / "gather_not_awaited.py"
        verdict = failed(grade_source(tmp_path / number, number, wrong))[check]
        assert "returned the future of asyncio.gather(...), which is itself awaitable: an `await` is missing" in (
            verdict.message
        ), verdict.message
        assert "return await asyncio.gather(*tasks)" in verdict.fix


def test_a_missing_await_on_an_executors_future_is_named_with_that_future(tmp_path):
    wrong = SUBMISSIONS / "wrong" / "ex05_blocking_io" / "executor_future_not_awaited.py"
    checks = failed(grade_source(tmp_path, "05", wrong))
    first = checks["returns_status_codes"]
    assert "returned a future, which is itself awaitable: an `await` is missing inside fetch_status" in first.message
    assert "`return await future`, not `return future`" in first.fix and "gather" not in first.fix
    listed = checks["fetch_all_keeps_order"]  # the futures fetch_status handed back, gathered: not a repr of each
    assert "returned a list of 5 item(s) with a future among them, not results" in listed.message, listed.message
    assert "_chain_future" not in listed.message


def test_a_coroutine_never_awaited_is_named_with_its_line(tmp_path):
    wrong = SUBMISSIONS / "wrong" / "ex01_futures" / "sleep_not_awaited.py"
    checks = failed(grade_source(tmp_path, "01", wrong))
    for name in ("sets_result_after_delay", "loop_keeps_running_while_waiting", "requests_overlap"):
        verdict = checks[name]
        assert "meanwhile `asyncio.sleep(delay)` on line 24 never ran: it only made a coroutine object" in (
            verdict.message
        ), verdict.message
        assert verdict.location.line == 24 and verdict.location.function == "set_future_value"
    not_blocked = checks["loop_keeps_running_while_waiting"].message
    assert not_blocked.startswith("make_request('x', 0.05) was answered after 0.0") and "blocked" not in not_blocked


def test_a_coroutine_never_awaited_comes_first_in_a_fix_that_does_not_speak_of_it():
    from grader.diagnose import Verdict
    from grader.model import Location, Status
    from grader.unawaited import Unawaited, note_unawaited

    made = Unawaited("fetch", Location("exercises/ex05_blocking_io.py", 12, "fetch_all"), "fetch(url)")
    told = note_unawaited(Verdict(Status.FAILED, "returned []", fix="Keep the order of urls."), [made], None, "/x")
    assert told.fix == (
        "Start with line 12: put `await` in front of that call (or schedule it with asyncio.create_task)."
        " Then, if this check still fails: Keep the order of urls."
    )
    speaks = note_unawaited(Verdict(Status.FAILED, "returned []", fix="Await each call."), [made], None, "/x")
    assert speaks.fix == "Await each call." and speaks.location.line == 12


def test_a_wrapper_that_does_not_await_the_body_is_told_so_at_once(tmp_path):
    wrong = SUBMISSIONS / "wrong" / "ex03_async_timed" / "func_not_awaited.py"
    checks = failed(grade_source(tmp_path, "03", wrong))
    assert "starting_line_shows_args_and_kwargs" not in checks  # its Starting line is right: that check is about it
    for verdict in checks.values():
        assert "instead of what the body returned: the body never ran" in verdict.message, verdict.message
        assert verdict.fix.startswith("Put `await` in front of func(*args, **kwargs)"), verdict.fix
        assert verdict.location.line == 15  # the line that calls func, not the wrapper's def
    assert "TimeoutError" not in checks["reports_time_when_cancelled"].message  # no 2 s wait for a body never run
    assert len({verdict.message for verdict in checks.values()}) == 1  # one wording: the text output folds them


def test_a_misspelt_unit_costs_only_the_format_check(tmp_path):
    wrong = SUBMISSIONS / "wrong" / "ex03_async_timed" / "unit_seconds.py"
    checks = failed(grade_source(tmp_path, "03", wrong))
    assert set(checks) == {"prints_finished_line_with_elapsed_time"}, {n: c.message for n, c in checks.items()}
    assert "the total followed by ' second(s)', exactly" in checks["prints_finished_line_with_elapsed_time"].expected


def test_the_functions_name_printed_instead_of_the_function_costs_only_the_format_checks(tmp_path):
    checks = failed(grade_source(tmp_path, "03", SUBMISSIONS / "wrong" / "ex03_async_timed" / "prints_name.py"))
    assert set(checks) == {"prints_starting_line_first", "prints_finished_line_with_elapsed_time"}, {
        n: c.message for n, c in checks.items()
    }  # the arguments and the times are right: the checks about them pass


def test_decorator_slips_are_named_where_they_happen_not_by_what_they_break_later(tmp_path):
    """Arguments passed on packed, `@functools.wraps` without `(func)`, strings without their f, the wrapper printed
    for func, a Finished line after the return: each is named with its own fix, never as a wrong clock, another
    exception or the grader's own error."""
    wrong = SUBMISSIONS / "wrong" / "ex03_async_timed"
    packed = failed(grade_source(tmp_path / "packed", "03", wrong / "passes_args_packed.py"))
    assert "greet() takes 0 positional arguments but 2 were given" in packed["prints_starting_line_first"].message
    for name in ("prints_starting_line_first", "exception_propagates_unchanged", "reports_time_when_body_raises"):
        assert "`await func(*args, **kwargs)`" in packed[name].fix, (name, packed[name].fix)
        assert packed[name].location.line == 14, (name, packed[name].location)
    wraps = failed(grade_source(tmp_path / "wraps", "03", wrong / "wraps_without_func.py"))
    assert all("`@functools.wraps(func)`, with `(func)`" in c.fix for c in wraps.values()), wraps
    unformatted = failed(grade_source(tmp_path / "f", "03", wrong / "no_f_prefix.py"))
    for name in (
        "prints_starting_line_first",
        "prints_finished_line_with_elapsed_time",
        "concurrent_calls_report_their_own_time",
    ):
        assert "is printed as written" in unformatted[name].message, (name, unformatted[name].message)
        assert unformatted[name].fix.startswith("Put an f in front of the string"), (name, unformatted[name].fix)
    # Where the string is written, not the wrapper's def: the Starting line's print, then the Finished line's.
    assert unformatted["prints_starting_line_first"].location.line == 11
    assert unformatted["prints_finished_line_with_elapsed_time"].location.line == 17
    wrapper = failed(grade_source(tmp_path / "wrapper", "03", wrong / "prints_the_wrapper.py"))
    for verdict in wrapper.values():
        assert "your wrapper" in verdict.message and "not your wrapper" in verdict.fix, verdict
    assert [verdict.location.line for verdict in wrapper.values()] == [11, 17], wrapper
    late = failed(grade_source(tmp_path / "late", "03", wrong / "prints_after_return.py"))
    concurrent = late["concurrent_calls_report_their_own_time"]
    assert concurrent.message.endswith("your code printed no Finished line") and "`finally:`" in concurrent.fix


def test_decorator_slips_that_crash_or_skip_the_body_are_named_not_blamed_on_the_clock(tmp_path):
    """asyncio.run() inside the wrapper, the clock function used uncalled, a timedelta formatted with :.4f: the
    student's own error with its fix in every check, never 'let the exception pass' (they had no except) or 'print
    the Finished line in finally' (they did). A wrapper that returns wrapped() or an unawaited task, a Starting line
    printed at decoration: each named, at its line."""
    wrong = SUBMISSIONS / "wrong" / "ex03_async_timed"
    nested = failed(grade_source(tmp_path / "run", "03", wrong / "asyncio_run_inside.py"))
    for name in ("returns_what_the_body_returns", "exception_propagates_unchanged", "reports_time_when_body_raises"):
        assert "asyncio.run() cannot be called from a running event loop" in nested[name].message, nested[name]
        assert nested[name].fix.startswith("Your code already runs on an event loop"), nested[name].fix
    uncalled = failed(grade_source(tmp_path / "uncalled", "03", wrong / "clock_not_called.py"))
    for name in ("returns_what_the_body_returns", "exception_propagates_unchanged", "reports_time_when_cancelled"):
        assert uncalled[name].fix.startswith("time.perf_counter is a function, not a time"), uncalled[name].fix
        assert uncalled[name].location.line == 21, uncalled[name].location
    delta = failed(grade_source(tmp_path / "delta", "03", wrong / "timedelta_formatted.py"))
    assert all("`total.total_seconds()`" in c.fix for c in delta.values()), delta
    called = failed(grade_source(tmp_path / "called", "03", wrong / "returns_wrapper_called.py"))
    verdict = called["is_a_coroutine_function"]
    assert "the decorator called the wrapper (`return wrapped()`)" in verdict.message, verdict.message
    assert verdict.location.line == 24 and "`return wrapped`, no parentheses" in verdict.fix, verdict
    async_decorator = failed(grade_source(tmp_path / "async", "03", wrong / "async_def_decorator.py"))
    verdict = async_decorator["is_a_coroutine_function"]
    assert "decorator, the decorator that async_timed returns, is an `async def`" in verdict.message, verdict.message
    assert "no parentheses" not in verdict.fix and verdict.fix.startswith("Write `def decorator(func):`, not `async")
    assert verdict.location.line == 14 and verdict.location.function == "decorator", verdict.location
    task = failed(grade_source(tmp_path / "task", "03", wrong / "create_task_returned.py"))
    verdict = task["reports_time_when_body_raises"]
    assert verdict.message.startswith("the decorated function returned <Task pending> instead of"), verdict.message
    assert "clock" not in verdict.fix and "`return await task`" in verdict.fix, verdict.fix
    early = failed(grade_source(tmp_path / "early", "03", wrong / "starting_at_decoration.py"))
    verdict = early["prints_starting_line_first"]
    assert verdict.message.startswith("your Starting line was printed once, when @async_timed() decorated greet")
    assert "not in the decorator around it" in verdict.fix, verdict.fix


def test_a_future_cancelled_by_the_students_code_is_told_apart(tmp_path):
    wrong = SUBMISSIONS / "wrong" / "ex01_futures" / "wait_for_cancels_the_future.py"
    verdict = failed(grade_source(tmp_path, "01", wrong))["schedules_a_task"]
    assert verdict.message == "the future that make_request('value', 0.01) returned ended cancelled instead of set"
    assert "asyncio.wait_for(future, timeout) cancels the future" in verdict.fix
    wrong = SUBMISSIONS / "wrong" / "ex01_futures" / "cancels_instead_of_failing.py"
    verdict = failed(grade_source(tmp_path / "cancel", "01", wrong))["failing_request_raises_same_exception"]
    assert verdict.fix.startswith("Call future.set_exception(exc) where your code calls future.cancel()"), verdict.fix
    assert (verdict.location.function, verdict.location.line) == ("fail_later", 27)  # the helper the task ran


def test_a_session_closed_by_fetch_status_is_blamed_on_its_line(tmp_path):
    wrong = SUBMISSIONS / "wrong" / "ex06_aiohttp" / "closes_the_session_it_was_given.py"
    checks = failed(grade_source(tmp_path, "06", wrong))
    assert "uses_one_session" not in checks  # one session it was, closed too early: the other checks say so
    verdict = checks["returns_status_codes"]
    assert "fetch_status closed the session it was given, at line 11" in verdict.message, verdict.message
    assert "`async with session:`" in verdict.fix and verdict.location.line == 11


def test_get_event_loop_after_making_a_loop_is_told_to_use_that_loop(tmp_path):
    wrong = SUBMISSIONS / "wrong" / "ex07_manual_loop" / "get_event_loop_for_the_tasks.py"
    verdict = failed(grade_source(tmp_path, "07", wrong))["closes_loop_on_success"]
    assert "new_event_loop() does not make the loop it returns current" in verdict.message
    assert verdict.fix.startswith("Use the loop you made: `asyncio.all_tasks(loop)`") and verdict.location.line == 22


def test_a_loop_misused_by_hand_gets_asyncios_fix_in_every_check(tmp_path):
    """asyncio's own error for a loop closed too early, a method handed over uncalled, a `with` on a loop or an
    empty asyncio.wait: each check names the fix for it, also those that expected another exception."""
    wrong = SUBMISSIONS / "wrong" / "ex07_manual_loop"
    for stem, check, fixed in (
        ("closes_before_running", "builds_its_own_loop", "That loop was closed already"),
        ("closes_before_running", "closes_loop_on_exception", "That loop was closed already"),
        ("shuts_down_after_close", "reraises_after_waiting", "That loop was closed already"),
        (
            "shutdown_asyncgens_not_called",
            "reraises_after_waiting",
            "`loop.run_until_complete(loop.shutdown_asyncgens())`",
        ),
        ("waits_on_an_empty_set", "builds_its_own_loop", "asyncio.wait() refuses an empty set"),
    ):
        verdict = failed(grade_source(tmp_path / stem / check, "07", wrong / f"{stem}.py"))[check]
        assert fixed in (verdict.fix or ""), (stem, check, verdict.fix)
        assert "get_event_loop" not in verdict.fix and verdict.location.line > 5, (stem, check, verdict)
    # On 3.10 too, which says only "AttributeError: __enter__": the loop is read from the student's line.
    verdict = failed(grade_source(tmp_path / "with", "07", wrong / "with_the_loop.py"))["returns_result"]
    assert "An event loop is no context manager" in verdict.fix


def test_a_delay_not_passed_on_is_blamed_on_make_request(tmp_path):
    wrong = SUBMISSIONS / "wrong" / "ex01_futures" / "delay_not_passed_on.py"
    verdict = failed(grade_source(tmp_path, "01", wrong))["requests_overlap"]
    assert "runs set_future_value with delay=1.0, not the 0.05 the call was given" in verdict.message
    assert verdict.location.function == "make_request"


def test_the_order_checks_description_of_a_wrong_list_takes_anything_a_student_returns():
    from grader.probes.traffic import order_slip

    assert order_slip([None] * 5) == "" and order_slip([[200]] * 5) == "" and order_slip("nope") == ""
    assert order_slip([202, 203, 200, 200, 201]) == ": the order in which the answers arrived"
    assert order_slip([200, 202, 201, 203]) == ": one status per distinct URL, sorted by URL"
    assert order_slip([201, 200, 203, 202]).startswith(": one status per distinct URL, although")


def kind_of_beginning_with(tmp_path, *lines: str) -> ExerciseResult:
    """Exercise 02 graded with the reference kind_of, `lines` put first in its body."""
    source = (KIT / "solutions" / "ex02_awaitables.py").read_text()
    body = "".join(f"    {line}\n" for line in lines)
    return grade_source(
        tmp_path, "02", source.replace("def kind_of(obj) -> str:\n", "def kind_of(obj) -> str:\n" + body)
    )


def test_what_the_students_code_printed_is_kept_for_the_checks_it_failed(tmp_path):
    result = kind_of_beginning_with(
        tmp_path,
        "print('DEBUG got', type(obj).__name__)",
        "if obj == 42:",
        "    print('x' * 5000)",
        "    return 'wrong'",
    )
    checks = {c.name: c for c in result.checks}
    wrong = [c for c in result.checks if not c.passed]
    assert [c.name for c in wrong] == ["other_objects_are_not_awaitable"], [c.message for c in wrong]
    printed = wrong[0].printed
    assert printed.startswith("DEBUG got") and "DEBUG got int" in printed
    assert len(printed) < 2100 and printed.endswith("more character(s)")  # the start of a flood, never all of it
    assert all(c.printed == "" for c in checks.values() if c.passed)  # what passed needs no debugging


def test_a_print_where_a_return_was_meant_is_named_first_and_told_once(tmp_path):
    wrong = SUBMISSIONS / "wrong" / "ex02_awaitables" / "prints_instead_of_returning.py"
    checks = failed(grade_source(tmp_path, "02", wrong))
    first = checks["task_is_task"]
    assert first.fix.startswith("Your code printed (see below) but returned None"), first.fix
    assert first.printed.strip() == "task"
    assert len({c.fix for c in checks.values() if c.fix}) == 1  # the same words: the text output folds them


def test_lone_surrogates_in_what_the_code_prints_or_raises_reach_no_output(tmp_path):
    result = kind_of_beginning_with(
        tmp_path, "if obj == 42:", "    print('bad \\udc80 char')", "    raise ValueError('\\udc81')"
    )
    (wrong,) = [c for c in result.checks if not c.passed]
    assert "bad ? char" in wrong.printed and wrong.message.endswith("raised ValueError: ?"), (
        wrong.printed,
        wrong.message,
    )
    json.dumps(result.to_dict(), ensure_ascii=False).encode("utf-8")  # as results.json and records are written


def test_a_failure_about_one_call_points_at_that_call_not_at_the_def(tmp_path):
    cases = [  # (exercise, wrong solution, check, the line of the call the failure is about)
        ("09", "ex09_debug_mode/no_finally.py", "cleans_up_when_main_raises", 27),  # removeHandler, not in finally
        ("02", "ex02_awaitables/future_before_task.py", "task_is_task", 10),  # the `return "future"` it reached
        ("09", "ex09_debug_mode/wraps_mains_exception.py", "cleans_up_when_main_raises", 27),  # the new raise
        ("07", "ex07_manual_loop/no_finally.py", "closes_loop_on_exception", 10),  # loop.close()
        ("01", "ex01_futures/blocking_sleep.py", "requests_overlap", 14),  # time.sleep(delay)
    ]
    for number, wrong, name, line in cases:
        checks = failed(grade_source(tmp_path / number, number, SUBMISSIONS / "wrong" / wrong))
        assert checks[name].location.line == line, (wrong, checks[name].location)


def test_asyncio_reprs_are_cut_and_a_comprehension_is_named_as_one(tmp_path):
    wrong = SUBMISSIONS / "wrong" / "ex04_cpu_bound" / "create_task_of_executor_future.py"
    verdict = failed(grade_source(tmp_path, "04", wrong))["returns_results_in_order"]
    raiser = "a list comprehension" if sys.version_info < (3, 12) else "run_cpu_bound()"  # 3.12 inlines them
    assert verdict.message == f"{raiser} raised TypeError: a coroutine was expected, got <Future pending>"
    assert "await it or gather it as it is" in verdict.fix


def test_plain_reprs_keep_class_and_state_only():
    long = "<Task pending name='Task-3' coro=<f() running at /x.py:3> cb=[g.<locals>.h() at /y.py:1]>"
    assert plain_reprs(f"got [{long}, <Future finished result=200>] <Future pend") == (
        "got [<Task pending>, <Future finished>] <Future pend"
    )
    assert plain_reprs("'_asyncio.Future' object has no attribute 'x'") == "'Future' object has no attribute 'x'"
    # No memory address, also where asyncio's locks show their state after it (a check's Event, printed as an arg).
    assert plain_reprs("(<asyncio.locks.Event object at 0x7fa393f79b90 [unset]>, <coroutine object f at 0x7f71>)") == (
        "(<asyncio.locks.Event object [unset]>, <coroutine object f>)"
    )


def test_an_async_def_where_the_stub_has_a_plain_def_is_named_as_the_cause_once(tmp_path):
    for number, stem, name in (("02", "ex02_awaitables", "kind_of"), ("07", "ex07_manual_loop", "run_manually"),
                               ("08", "ex08_running_loop", "schedule_soon")):  # fmt: skip
        wrong = SUBMISSIONS / "wrong" / stem / f"async_def_{name}.py"
        checks = failed(grade_source(tmp_path / number, number, wrong))
        for verdict in checks.values():
            assert verdict.message.startswith(f"{name} is an `async def` function"), verdict.message
            assert verdict.fix.startswith(f"Write `def {name}(...)`, not `async def`"), verdict.fix
            assert verdict.location.function == name


def test_a_check_stopped_in_run_forever_is_told_what_stops_it():
    from grader.messages import RUN_FOREVER_FIX, TIMEOUT_FIX, timeout_fix

    assert timeout_fix("        loop.run_forever()  # let the tasks finish\n") == RUN_FOREVER_FIX
    assert timeout_fix("    while True:\n") == TIMEOUT_FIX
    assert timeout_fix("") == TIMEOUT_FIX  # no line of the student's known


def test_future_slips_of_ex01_are_named_where_they_are_written(tmp_path):
    wrong = SUBMISSIONS / "wrong" / "ex01_futures"
    checks = failed(grade_source(tmp_path / "parens", "01", wrong / "done_without_parens.py"))
    verdict = checks["sets_result_after_delay"]
    assert "`future.done`, without parentheses, is the method itself" in verdict.message, verdict.message
    assert verdict.fix == "Call the method to ask the future: `future.done()`."
    assert verdict.location.function == "set_future_value" and verdict.location.line == 19
    assert checks["failing_request_raises_same_exception"].location.function == "_fail_later"
    checks = failed(grade_source(tmp_path / "raises", "01", wrong / "raises_at_once.py"))
    verdict = checks["failing_request_raises_same_exception"]
    assert "raised ValueError itself, at once, instead of returning a future" in verdict.message, verdict.message
    assert "future.set_exception(exc)" in verdict.fix
    checks = failed(grade_source(tmp_path / "result", "01", wrong / "returns_the_result.py"))
    fix = checks["returns_pending_future"].fix
    assert fix.startswith("`return future.result()` reads the result before anything has set it"), fix


def test_kind_of_asking_the_wrong_question_first_or_at_all_is_told_which(tmp_path):
    wrong = SUBMISSIONS / "wrong" / "ex02_awaitables"
    checks = failed(grade_source(tmp_path / "order", "02", wrong / "isawaitable_before_coroutine.py"))
    assert checks["coroutine_object_is_coroutine"].fix.startswith("A coroutine is awaitable too")
    checks = failed(grade_source(tmp_path / "all", "02", wrong / "all_tasks_membership.py"))
    assert checks["task_is_task"].fix.startswith("asyncio.all_tasks() lists only the tasks not done yet")
    checks = failed(grade_source(tmp_path / "abc", "02", wrong / "abc_coroutine.py"))
    assert "isinstance(obj, collections.abc.Coroutine) also say yes" in checks["custom_awaitable_is_awaitable"].fix


def test_kind_of_that_runs_closes_or_judges_a_spent_object_is_told_so(tmp_path):
    wrong = SUBMISSIONS / "wrong" / "ex02_awaitables"
    checks = failed(grade_source(tmp_path / "run", "02", wrong / "ensure_future_to_ask.py"))
    verdict = checks["custom_awaitable_is_awaitable"]
    assert verdict.message.startswith("kind_of(an object whose class defines only __await__) started a task")
    assert verdict.fix.startswith("asyncio.ensure_future and asyncio.create_task wrap an awaitable in a task")
    assert verdict.location.line == 16  # the ensure_future call
    checks = failed(grade_source(tmp_path / "close", "02", wrong / "closes_coroutines.py"))
    verdict = checks["coroutine_object_is_coroutine"]
    assert verdict.message.endswith("changed the coroutine: it was CORO_CREATED, it is now CORO_CLOSED")
    assert verdict.location.line == 15  # obj.close()
    checks = failed(grade_source(tmp_path / "spent", "02", wrong / "finished_coroutine_not_awaitable.py"))
    verdict = checks["coroutine_object_is_coroutine"]
    assert verdict.message == "kind_of(a coroutine that was awaited to its end) returned 'not awaitable'"
    assert verdict.fix.startswith("A coroutine is still a coroutine object once it has run to its end")


def test_a_point_on_the_wall_clock_handed_to_call_at_is_named(tmp_path):
    wrong = SUBMISSIONS / "wrong" / "ex08_running_loop" / "call_at_on_the_wall_clock.py"
    checks = failed(grade_source(tmp_path, "08", wrong))
    verdict = checks["later_returns_timer_handle"]
    assert "on the loop's clock: at time.time() + 0.05, a point on the wall clock" in verdict.message
    assert verdict.fix.startswith("call_at takes a point on the loop's own clock, loop.time(), not on the wall clock")
    verdict = checks["later_runs_after_delay_in_order"]
    assert "their handles are due at time.time() + delay" in verdict.message and "2 s later" not in verdict.message
    assert verdict.fix.startswith("call_at takes a point on the loop's own clock")


def test_a_handle_that_cancels_nothing_is_pointed_at_by_the_call_that_made_it(tmp_path):
    wrong = SUBMISSIONS / "wrong" / "ex08_running_loop" / "timer_beside_a_sleeping_task.py"
    verdict = failed(grade_source(tmp_path, "08", wrong))["later_returns_timer_handle"]
    assert verdict.message == "after handle.cancel(), the callback ran anyway", verdict.message
    assert (verdict.location.line, verdict.location.function) == (14, "schedule_later"), verdict.location


def test_a_callback_on_another_loop_or_in_the_delays_place_is_named(tmp_path):
    wrong = SUBMISSIONS / "wrong" / "ex08_running_loop"
    checks = failed(grade_source(tmp_path / "loop", "08", wrong / "new_event_loop_each_call.py"))
    for name in ("soon_runs_callback_later", "later_runs_after_delay_in_order"):
        assert "scheduled the callback on another event loop than the running one" in checks[name].message
        assert checks[name].fix.startswith("Get the loop with asyncio.get_running_loop()"), checks[name].fix
    checks = failed(grade_source(tmp_path / "swapped", "08", wrong / "call_later_arguments_swapped.py"))
    verdict = checks["later_returns_timer_handle"]
    assert "handed the callback where the delay goes" in verdict.message and "Recorder" not in verdict.message
    assert verdict.fix == "Pass the delay first: loop.call_later(delay, callback, *args)."


def test_debug_mode_slips_get_the_fix_for_what_the_code_did(tmp_path):
    wrong = SUBMISSIONS / "wrong" / "ex09_debug_mode"
    checks = failed(grade_source(tmp_path / "msg", "09", wrong / "reads_the_format_string.py"))
    assert checks["reports_blocking_step"].fix.startswith("record.msg is the message's format string")
    checks = failed(grade_source(tmp_path / "run", "09", wrong / "asyncio_run_in_debug_mode.py"))
    for name in ("runs_main_in_debug_mode", "honours_threshold"):
        assert checks[name].fix.startswith("asyncio.run makes its loop itself"), checks[name].fix
    checks = failed(grade_source(tmp_path / "null", "09", wrong / "null_handler_with_a_filter.py"))
    assert checks["reports_blocking_step"].fix.startswith("logging.NullHandler ignores every record")
    checks = failed(grade_source(tmp_path / "tenth", "09", wrong / "own_test_against_a_tenth.py"))
    verdict = checks["honours_threshold"]
    assert verdict.message.endswith("those left out are all shorter than 0.1 s"), verdict.message
    assert verdict.fix.startswith("Debug mode has applied the threshold already"), verdict.fix
    checks = failed(grade_source(tmp_path / "inside", "09", wrong / "debug_on_from_inside.py"))
    verdict = checks["reports_blocking_step"]
    assert "debug mode did not time main()'s first step, time.sleep(0.125), although it was on" in verdict.message
    assert verdict.fix.startswith("The loop decides whether to time a step before it runs it"), verdict.fix
    assert (verdict.location.line, verdict.location.function) == (23, "_in_debug_mode"), (
        verdict.location
    )  # await main()


def test_an_own_call_unlike_the_functions_parameters_is_shown_the_call_to_write(tmp_path):
    wrong = SUBMISSIONS / "wrong" / "ex06_aiohttp" / "maps_fetch_status_over_the_urls.py"
    verdict = failed(grade_source(tmp_path, "06", wrong))["fetch_all_keeps_order"]
    assert "fetch_status() missing 1 required positional argument: 'url'" in verdict.message, verdict.message
    assert verdict.fix.startswith(
        "Your code calls fetch_status() with arguments unlike its parameters: call it as"
        " `fetch_status(session, url)`. map(fetch_status, urls) passes each item alone"
    )
    assert verdict.fix.endswith("`(fetch_status(session, url) for url in urls)`."), verdict.fix
    assert (verdict.location.line, verdict.location.function) == (17, "fetch_all"), verdict.location


def test_a_filter_on_tasks_steps_is_told_that_callbacks_are_steps_too(tmp_path):
    wrong = SUBMISSIONS / "wrong" / "ex09_debug_mode" / "task_steps_only.py"
    verdict = failed(grade_source(tmp_path, "09", wrong))["reports_blocking_step"]
    assert verdict.message.endswith("those left out are a plain callback's, not a task's"), verdict.message
    assert verdict.fix.startswith("Debug mode times every callback the loop runs, not only tasks"), verdict.fix
    assert "<Handle sleep(0.205) ...>" in verdict.fix


def test_a_return_in_finally_is_named_not_an_except_never_written(tmp_path):
    """A `return` in `finally:` drops the exception: the fix says so at that line, not "do not catch the exception"
    to a student who wrote no `except`."""
    wrong = SUBMISSIONS / "wrong"
    for exercise, stem, names, line in (
        ("03", "ex03_async_timed", ("exception_propagates_unchanged", "reports_time_when_cancelled"), 19),
        ("07", "ex07_manual_loop", ("reraises_after_waiting",), 24),
        ("09", "ex09_debug_mode", ("cleans_up_when_main_raises",), 29),
    ):
        checks = failed(grade_source(tmp_path / exercise, exercise, wrong / stem / "return_in_finally.py"))
        for name in names:
            assert checks[name].fix.startswith("A `return` in a `finally:` block drops the exception"), checks[name]
            assert "catch" not in checks[name].fix and checks[name].location.line == line, checks[name]


def test_an_error_of_run_manually_own_is_not_blamed_on_the_coroutines_exception(tmp_path):
    wrong = SUBMISSIONS / "wrong" / "ex07_manual_loop" / "calls_the_coroutine.py"
    checks = failed(grade_source(tmp_path, "07", wrong))
    verdict = checks["closes_loop_on_exception"]
    assert verdict.message == checks["returns_result"].message, verdict.message  # told as in the other checks
    assert "'coroutine' object is not callable" in verdict.message and "exception through" not in (verdict.fix or "")
    assert verdict.location.line == 10  # run_until_complete(coro())


def test_a_start_time_kept_per_task_is_caught_by_a_call_that_awaits_another(tmp_path):
    wrong = SUBMISSIONS / "wrong" / "ex03_async_timed"
    for stem, totals in (("start_per_task", "the totals 2.0000, "), ("start_in_a_context_var", "2.0000, 6.0000")):
        verdict = failed(grade_source(tmp_path / stem, "03", wrong / f"{stem}.py"))[
            "concurrent_calls_report_their_own_time"
        ]
        assert "awaited another decorated coroutine, in the same task" in verdict.message, verdict.message
        assert totals in verdict.message and "a start time kept per task" in verdict.fix, verdict


def test_a_task_that_waits_for_itself_is_named_not_left_to_time_out(tmp_path):
    """gather(*asyncio.all_tasks()) run by a task of the loop waits for itself for ever: named at the call at once,
    not stopped at the time limit with the advice for an endless loop; `await task` on itself gets asyncio's
    refusal with the same fix."""
    wrong = SUBMISSIONS / "wrong" / "ex07_manual_loop"
    checks = failed(grade_source(tmp_path / "gather", "07", wrong / "waits_for_itself.py"))
    verdict = checks["waits_for_pending_tasks"]
    assert verdict.status.value == "failed" and "handed asyncio.gather() the very task" in verdict.message, verdict
    assert "current_task()" in verdict.fix and verdict.location.line == 17, verdict
    checks = failed(grade_source(tmp_path / "await", "07", wrong / "awaits_itself.py"))
    verdict = checks["waits_for_pending_tasks"]
    assert "Task cannot await on itself" in verdict.message and "current_task()" in verdict.fix, verdict
    assert verdict.location.line == 18, verdict  # await task


def test_running_loop_or_none_that_caught_the_error_is_told_what_else_went_wrong(tmp_path):
    """The RuntimeError caught, and then a name left unassigned or False returned: the fix is about that, not "catch
    the RuntimeError" or "use get_running_loop()", which the student did."""
    wrong = SUBMISSIONS / "wrong" / "ex08_running_loop"
    verdict = failed(grade_source(tmp_path / "name", "08", wrong / "name_unbound_after_except.py"))
    verdict = verdict["running_loop_or_none_outside"]
    assert "UnboundLocalError" in verdict.message, verdict.message
    assert verdict.fix.startswith("Return None in the `except RuntimeError:`"), verdict.fix
    assert verdict.location.line == 20, verdict.location  # return loop
    verdict = failed(grade_source(tmp_path / "false", "08", wrong / "returns_false_with_no_loop.py"))
    verdict = verdict["running_loop_or_none_outside"]
    assert verdict.fix.startswith("Return None itself, not False"), verdict.fix


def test_a_handler_that_hears_nothing_is_not_told_of_a_test_against_a_tenth(tmp_path):
    """An empty list under the low threshold is a test of the student's own against 0.1 s only when their code
    does return the long steps; a handler that hears nothing is told where to attach it, in every check."""
    wrong = SUBMISSIONS / "wrong" / "ex09_debug_mode"
    for stem, fix in (
        ("handler_on_its_own_modules_logger", "Your handler is on the logger 'exercises.ex09_debug_mode'"),
        ("handler_level_error", "Attach a logging.Handler of your own to logging.getLogger('asyncio')"),
    ):
        verdict = failed(grade_source(tmp_path / stem, "09", wrong / f"{stem}.py"))["honours_threshold"]
        assert "shorter than 0.1 s" not in verdict.message, verdict.message
        assert verdict.fix.startswith(fix), verdict


def test_durations_changed_on_the_way_are_told_to_be_kept_as_reported(tmp_path):
    wrong = SUBMISSIONS / "wrong" / "ex09_debug_mode"
    for stem, fix in (
        ("durations_in_milliseconds", "Keep the durations in seconds"),
        ("durations_rounded", "Keep each duration exactly as debug mode reports it"),
        # Within the tolerance of the ones reported, or not: a whole number of hundredths each, where debug mode
        # reported a step of 0.305 s, is rounded or cut, on every run.
        ("durations_rounded_to_hundredths", "Keep each duration exactly as debug mode reports it"),
        ("two_decimals_read_from_the_message", "Keep each duration exactly as debug mode reports it"),
    ):
        checks = failed(grade_source(tmp_path / stem, "09", wrong / f"{stem}.py"))
        for name in ("reports_blocking_step", "honours_threshold"):
            assert checks[name].fix.startswith(fix), (stem, name, checks[name].fix)


def test_a_duration_kept_to_the_hundredth_is_never_the_same_as_one_reported_off_the_hundredths():
    from grader.suites.test_ex09_debug_mode import _cut_to_hundredths

    assert _cut_to_hundredths([0.13, 0.31], [0.1253, 0.3049])  # rounded: within the tolerance of neither
    assert _cut_to_hundredths([0.13, 0.3], [0.1296, 0.3009])  # 0.3009 is within a millisecond of 0.30
    assert not _cut_to_hundredths([0.13, 0.3], [0.1296, 0.3002])  # all reported as whole hundredths: no evidence
    assert not _cut_to_hundredths([0.125, 0.305], [0.1253, 0.3049])  # as printed, to the millisecond: right
    assert not _cut_to_hundredths([0.1253, 0.3049], [0.1253, 0.3049])
    assert not _cut_to_hundredths([3.11, 0.3], [0.1253, 0.3049])  # another number (a path's): another mistake
    assert not _cut_to_hundredths([], [])


def test_a_handler_left_on_the_root_logger_is_named(tmp_path):
    wrong = SUBMISSIONS / "wrong" / "ex09_debug_mode" / "handler_left_on_the_root_logger.py"
    checks = failed(grade_source(tmp_path, "09", wrong))
    for name, after in (("leaves_logger_as_found", "slow_callbacks returned"), ("cleans_up_when_main_raises",
                                                                                "main() raised")):  # fmt: skip
        verdict = checks[name]
        assert verdict.message == (
            f"after {after}, your handler stayed on the root logger (Collector): every later log record of the program"
            " goes to it"
        ), verdict.message
        assert verdict.fix.startswith("Remove your handler in a `finally:` block"), verdict.fix
        assert verdict.location.line == 21, verdict.location  # addHandler: there is no removeHandler


def test_a_search_in_the_format_string_is_told_that_record_msg_holds_no_number(tmp_path):
    """A handler that got every warning but kept nothing, in code that reads record.msg: not told to attach a handler
    or to lower its level, which it did."""
    wrong = SUBMISSIONS / "wrong" / "ex09_debug_mode"
    checks = failed(grade_source(tmp_path / "msg", "09", wrong / "searches_the_format_string.py"))
    for name in ("reports_blocking_step", "honours_threshold"):
        verdict = checks[name]
        assert verdict.fix.startswith(
            "Your handler got the warnings but kept nothing: record.msg is the format string, 'Executing %s took %.3f"
            " seconds', with no number in it."
        ), verdict.fix
        assert "record.getMessage()" in verdict.fix and "record.args[-1]" in verdict.fix
        assert (verdict.location.line, verdict.location.function) == (18, "emit"), verdict.location
    # A handler at ERROR reads record.msg too, but never got the warnings: told of its level, as before.
    verdict = failed(grade_source(tmp_path / "level", "09", wrong / "handler_level_error.py"))["reports_blocking_step"]
    assert "record.msg is the format string" not in verdict.fix, verdict.fix


def test_a_setter_that_waits_on_a_cancelled_future_is_told_why_it_raised_cancelled_error(tmp_path):
    wrong = SUBMISSIONS / "wrong" / "ex01_futures" / "waits_on_a_shielded_future.py"
    verdict = failed(grade_source(tmp_path, "01", wrong))["set_future_value_ignores_done_future"]
    assert verdict.message.startswith("set_future_value on a future that was cancelled raised CancelledError:")
    assert "waiting on a cancelled future" in verdict.message, verdict.message
    assert verdict.fix.startswith("Wait with `await asyncio.sleep(delay)`"), verdict.fix
    # 3.10's CancelledError keeps no traceback of the awaiting line: the setter's def is named there.
    assert verdict.location.line == (12 if sys.version_info >= (3, 11) else 10), verdict.location
    assert verdict.location.function == "set_future_value"


def test_an_async_def_setter_handed_to_call_soon_is_told_to_run_it_as_a_task(tmp_path):
    wrong = SUBMISSIONS / "wrong" / "ex01_futures"
    verdict = failed(grade_source(tmp_path / "soon", "01", wrong / "call_soon_of_the_coroutine_function.py"))[
        "schedules_a_task"
    ]
    assert verdict.message.startswith("make_request scheduled no task: loop.call_soon(set_future_value, ...) calls")
    assert verdict.fix.startswith("call_soon is for plain functions (callbacks); a coroutine runs as a task")
    assert verdict.location.line == 23 and verdict.location.function == "make_request"
    # A plain callback on a timer is not told that nothing runs it: it runs, it just is no task.
    timer = failed(grade_source(tmp_path / "later", "01", wrong / "call_later.py"))["schedules_a_task"]
    assert timer.message.endswith("loop.call_later(...) schedules a plain function (a callback), not a task running"
                                  " set_future_value"), timer.message  # fmt: skip


def test_an_exception_caught_where_it_should_pass_is_pointed_at_the_except_that_caught_it(tmp_path):
    wrong = SUBMISSIONS / "wrong"
    cases = [  # (exercise, fixture, check, line of its `except`)
        ("03", "ex03_async_timed/swallows_exception.py", "exception_propagates_unchanged", 16),
        ("03", "ex03_async_timed/swallows_cancel.py", "reports_time_when_cancelled", 18),  # not `except Exception:`
        ("07", "ex07_manual_loop/returns_none_when_the_coroutine_raises.py", "closes_loop_on_exception", 11),
        ("09", "ex09_debug_mode/reports_mains_error_instead_of_raising.py", "cleans_up_when_main_raises", 31),
        ("05", "ex05_blocking_io/swallows_errors.py", "fetch_status_raises_connection_errors", 16),
        ("05", "ex05_blocking_io/swallows_errors.py", "fetch_all_propagates_errors", 16),
        ("05", "ex05_blocking_io/swallows_errors_in_its_helper.py", "fetch_all_propagates_errors", 17),
        ("06", "ex06_aiohttp/swallows_errors.py", "fetch_all_propagates_errors", 13),
        ("04", "ex04_cpu_bound/logs_errors_and_returns_what_finished.py", "propagates_work_errors", 24),
    ]
    for exercise, fixture, check, line in cases:
        verdict = failed(grade_source(tmp_path / fixture, exercise, wrong / fixture))[check]
        assert "returned" in verdict.message or "ended returning" in verdict.message, verdict.message
        assert verdict.location is not None and verdict.location.line == line, (fixture, verdict.location)
    in_helper = wrong / "ex05_blocking_io/swallows_errors_in_its_helper.py"
    helper = failed(grade_source(tmp_path / "helper", "05", in_helper))
    assert helper["fetch_status_raises_connection_errors"].fix.endswith("do not catch it in safe_status.")
    assert helper["fetch_all_propagates_errors"].fix.startswith("safe_status caught the exception and went on")
    # An exception gather handed back in the list was caught by nobody's `except`.
    handed_back = failed(grade_source(tmp_path / "handed", "06", wrong / "ex06_aiohttp/return_exceptions.py"))
    assert "return_exceptions=True" in handed_back["fetch_all_propagates_errors"].fix


def test_a_background_tasks_exception_let_out_is_pointed_at_the_wait_that_raised_it(tmp_path):
    fixture = SUBMISSIONS / "wrong" / "ex07_manual_loop" / "gathers_background_errors.py"
    verdict = failed(grade_source(tmp_path, "07", fixture))["background_failure_does_not_change_result"]
    assert "return_exceptions=True" in verdict.fix
    assert verdict.location.line == 20, verdict.location  # loop.run_until_complete(asyncio.gather(*pending))


def test_a_copy_of_the_coroutines_exception_is_pointed_at_the_raise_that_made_it(tmp_path):
    fixture = SUBMISSIONS / "wrong" / "ex07_manual_loop" / "raises_a_copy_of_the_error.py"
    verdict = failed(grade_source(tmp_path, "07", fixture))["closes_loop_on_exception"]
    assert verdict.message.startswith("run_manually raised another Boom") and "not a copy" in verdict.expected
    assert verdict.location.line == 12, verdict.location  # raise type(error)(*error.args) from None


def test_a_finished_line_printed_in_except_exception_is_told_that_a_cancellation_skips_it(tmp_path):
    fixture = SUBMISSIONS / "wrong" / "ex03_async_timed" / "except_exception.py"
    verdict = failed(grade_source(tmp_path, "03", fixture))["reports_time_when_cancelled"]
    assert verdict.fix.startswith("This `except` does not take a cancellation"), verdict.fix
    assert verdict.location.line == 16, verdict.location  # except Exception:
    # What the wrapper printed shows the check's arguments, asyncio Events, without their memory addresses.
    assert "<asyncio.locks.Event object [unset]>" in verdict.message and " at 0x" not in verdict.message
    # A wrapper with no `except` at all is told about `finally:` alone.
    plain = failed(grade_source(tmp_path / "plain", "03", SUBMISSIONS / "wrong" / "ex03_async_timed" / "no_finally.py"))
    assert plain["reports_time_when_cancelled"].fix.startswith("Print the Finished line in the `finally:`")


def test_a_shielded_body_is_told_that_it_kept_running_after_the_call_was_cancelled(tmp_path):
    """The cancelled call ends, Finished line and all: only the body that never got the CancelledError shows the
    shield, and the fix names it rather than `finally:`, which the student wrote."""
    fixture = SUBMISSIONS / "wrong" / "ex03_async_timed" / "shields_the_body.py"
    verdict = failed(grade_source(tmp_path, "03", fixture))["reports_time_when_cancelled"]
    assert "never got the CancelledError: it kept running on its own" in verdict.message, verdict.message
    assert verdict.fix.startswith("asyncio.shield(func(...)) does that"), verdict.fix
    assert "`return await func(*args, **kwargs)`" in verdict.fix and "finally" not in verdict.fix, verdict.fix
    assert verdict.location.line == 17, verdict.location  # return await asyncio.shield(func(*args, **kwargs))


WRITES_TO_STANDARD_ERROR = [
    "prints_starting_line_first",
    "starting_line_shows_args_and_kwargs",
    "prints_finished_line_with_elapsed_time",
    "times_each_call_not_the_decoration",
    "reports_time_when_body_raises",
    "reports_time_when_cancelled",
    "concurrent_calls_report_their_own_time",
]


@pytest.mark.parametrize(
    ("name", "how", "lines"),
    [("logs_the_lines.py", "logging", (16, 21)), ("prints_to_stderr.py", "print(..., file=sys.stderr)", (14, 19))],
)
def test_lines_written_to_standard_error_are_told_where_they_went(tmp_path, name, how, lines):
    """The lines are right, only not on standard output: every check that reads the output says where the line it
    judges went, not that it is missing or that Finished belongs in `finally:`, which the student did."""
    checks = failed(grade_source(tmp_path, "03", SUBMISSIONS / "wrong" / "ex03_async_timed" / name))
    assert set(checks) == set(WRITES_TO_STANDARD_ERROR), checks
    for check, verdict in checks.items():
        word, line = ("Starting", lines[0]) if "starting" in check else ("Finished", lines[1])
        assert verdict.message.startswith(f"your {word} line went to standard error, written with {how}: "), check
        assert f"{word} <function " in verdict.message, verdict.message
        assert verdict.fix.startswith("Write the Starting and Finished lines with plain print(f'...')"), verdict.fix
        assert "finally" not in verdict.fix, verdict.fix
        assert (verdict.location.line, verdict.location.function) == (line, "wrapper"), verdict.location


FINISHED_TO_STANDARD_ERROR = """\
import functools
import sys
import time


def async_timed():
    def decorate(func):
        @functools.wraps(func)
        async def wrapper(*args, **kwargs):
            print(f"Starting {func} with args {args} {kwargs}")
            start = time.perf_counter()
            try:
                return await func(*args, **kwargs)
            finally:
                total = time.perf_counter() - start
                print(f"Finished {func} in {total:.4f} second(s)", file=sys.stderr)

        return wrapper

    return decorate
"""


def test_a_finished_line_alone_written_to_standard_error_is_told_so(tmp_path):
    checks = failed(grade_source(tmp_path, "03", FINISHED_TO_STANDARD_ERROR))
    assert set(checks) == set(WRITES_TO_STANDARD_ERROR[2:]), checks
    for verdict in checks.values():
        assert verdict.message.startswith("your Finished line went to standard error, written with print(...,")
        assert verdict.location.line == 16, verdict.location  # the print of the Finished line


def test_a_wrapper_that_starts_when_called_is_told_that_a_call_runs_when_awaited(tmp_path):
    """A plain `def` wrapper marked as a coroutine function (or a stand-in for it before Python 3.12) prints its
    Starting line and reads its start time when called: a call awaited later shows both."""
    wrong = SUBMISSIONS / "wrong" / "ex03_async_timed"
    checks = failed(grade_source(tmp_path, "03", wrong / "plain_wrapper_starts_when_called.py"))
    starting = checks["prints_starting_line_first"]
    assert starting.message.startswith("calling the decorated greet() printed 'Starting"), starting.message
    assert "before the call was awaited" in starting.message and "markcoroutinefunction" in starting.fix
    timed = checks["times_each_call_not_the_decoration"]
    assert timed.message.endswith("in 30.7500 second(s)'") and "0.7500" in timed.expected, timed.message
    assert timed.fix.startswith("The total counts from when the decorated function was called"), timed.fix
    # A task of the body made at the call runs the body before the call is awaited: told so, not "a total near 0".
    task = failed(grade_source(tmp_path / "task", "03", wrong / "body_started_when_called.py"))
    for verdict in task.values():
        assert verdict.fix.startswith("Start nothing when the decorated function is called"), verdict.fix


def test_a_future_set_from_a_callback_is_told_that_the_exercise_asks_for_a_task(tmp_path):
    fixture = SUBMISSIONS / "wrong" / "ex01_futures" / "sets_the_future_from_call_later.py"
    checks = failed(grade_source(tmp_path, "01", fixture))
    for name, line in (("schedules_a_task", 10), ("failing_request_waits_and_tolerates_cancel", 23)):
        verdict = checks[name]
        assert "loop.call_later(...) schedules a plain function (a callback), not a" in verdict.message, verdict
        assert "asyncio.create_task" in verdict.fix and verdict.location.line == line, (name, verdict.location)


def test_kind_of_falling_off_its_end_is_told_to_end_with_not_awaitable(tmp_path):
    wrong = SUBMISSIONS / "wrong" / "ex02_awaitables"
    checks = failed(grade_source(tmp_path, "02", wrong / "falls_through_to_none.py"))
    verdict = checks["async_def_function_is_not_awaitable"]
    assert verdict.message == "kind_of(fetch, the async def function itself (not called)) returned None"
    assert verdict.fix.startswith("kind_of reached its end without a `return` for this object"), verdict.fix
    assert '`return "not awaitable"`, under no condition' in verdict.fix, verdict.fix
    # A kind_of with no return at all (it prints, say) is not told to add one line at its end.
    printer = failed(grade_source(tmp_path / "p", "02", wrong / "prints_instead_of_returning.py"))
    assert all("reached its end" not in c.fix for c in printer.values()), [c.fix for c in printer.values()]


def test_kind_of_returning_none_on_purpose_is_told_it_returned_none_there(tmp_path):
    """An explicit `return None` (or a `return` of a name that was None) is not "reached its end without a
    `return`": the fix names the return that ran and the location is that line."""
    path = SUBMISSIONS / "wrong" / "ex02_awaitables" / "returns_none_at_its_end.py"
    source = path.read_text().splitlines()
    for verdict in failed(grade_source(tmp_path, "02", path)).values():
        assert verdict.fix.startswith("kind_of returned None for this object, at `return None`"), verdict.fix
        assert '`return "not awaitable"` there' in verdict.fix and "reached its end" not in verdict.fix
        assert source[verdict.location.line - 1].strip() == "return None", verdict.location
    result = kind_of_beginning_with(tmp_path / "name", "answer = None", "if obj == 42:", "    return answer")
    (verdict,) = [c for c in result.checks if not c.passed]
    assert verdict.fix.startswith("kind_of returned None for this object, at `return answer`"), verdict.fix
    assert "the value returned there must be one of them" in verdict.fix, verdict.fix


def test_kind_of_that_remembers_its_answer_about_an_object_is_told_to_ask_each_time(tmp_path):
    """A cache keyed by id(obj) gives a stale answer to an object whose class changed between two calls, on every
    Python (no verdict left to ids that happen to be reused); the failure points at the `return` of the cached
    answer, or at the cache decorator when the function's own code never ran."""
    wrong = SUBMISSIONS / "wrong" / "ex02_awaitables"
    for name, line in (
        ("cached_by_id.py", "return _seen[key]"),
        ("cached_by_the_object.py", "@functools.lru_cache(maxsize=None)"),
    ):
        checks = failed(grade_source(tmp_path / name, "02", wrong / name))
        verdict = checks["custom_awaitable_is_awaitable"]
        assert verdict.message.endswith(
            "(obj.__class__ = ReadyToo)) returned 'not awaitable' again, its answer about this object before the class"
            " changed"
        ), verdict.message
        assert verdict.fix.startswith("kind_of remembered its answer from an earlier call about the same object")
        assert "Ask what the object is each time kind_of is called" in verdict.fix, verdict.fix
        source = (wrong / name).read_text().splitlines()
        assert source[verdict.location.line - 1].strip() == line, verdict.location
    assert set(checks) == {"custom_awaitable_is_awaitable", "other_objects_are_not_awaitable"}


def test_kind_of_asking_awaitable_first_is_told_so_for_tasks_futures_and_coroutines(tmp_path):
    checks = failed(grade_source(tmp_path, "02", SUBMISSIONS / "wrong" / "ex02_awaitables" / "awaitable_first.py"))
    for name, said, question in (
        ("task_is_task", "A task is awaitable too", "ask isinstance(obj, asyncio.Task) before"),
        ("future_is_future", "A future is awaitable too", "ask asyncio.isfuture(obj) before"),
        ("coroutine_object_is_coroutine", "A coroutine is awaitable too", "ask inspect.iscoroutine(obj) before"),
    ):
        assert checks[name].fix.startswith(said) and question in checks[name].fix, checks[name].fix


def test_ifs_asked_least_specific_first_are_not_told_they_overwrite(tmp_path):
    """Plain `if`s from the broadest question to the narrowest overwrite the answer on purpose: a look-alike called a
    'coroutine' is asyncio.iscoroutine's mistake, and the fix says that, not "use elif"."""
    path = SUBMISSIONS / "wrong" / "ex02_awaitables" / "ascending_ifs_asyncio_iscoroutine.py"
    checks = failed(grade_source(tmp_path, "02", path))
    assert all("Every `if` runs" not in c.fix for c in checks.values()), [c.fix for c in checks.values()]
    verdict = checks["custom_awaitable_is_awaitable"]
    assert verdict.fix.startswith("Only what calling an async def gives is a 'coroutine'"), verdict.fix
    assert "asyncio.iscoroutine" in verdict.fix
    assert path.read_text().splitlines()[verdict.location.line - 1].strip() == 'kind = "coroutine"'


def test_kind_of_that_asks_the_state_the_current_task_or_returns_a_class_is_told_so(tmp_path):
    wrong = SUBMISSIONS / "wrong" / "ex02_awaitables"
    checks = failed(grade_source(tmp_path / "done", "02", wrong / "done_future_not_future.py"))
    assert checks["future_is_future"].message == "kind_of(a future whose result is set) returned 'awaitable'"
    assert checks["future_is_future"].fix.startswith("A future is still a future once it is done")
    checks = failed(grade_source(tmp_path / "current", "02", wrong / "current_task_is_task.py"))
    assert checks["task_is_task"].fix.startswith("asyncio.current_task() is the one task running now")
    checks = failed(grade_source(tmp_path / "class", "02", wrong / "returns_the_class.py"))
    verdict = checks["task_is_task"]
    assert verdict.fix.startswith("kind_of returned a class, the type it matched"), verdict.fix
    assert verdict.location.line == 12  # return asyncio.Task


def test_running_loop_or_none_that_keeps_a_loop_or_asks_current_task_is_told_so(tmp_path):
    wrong = SUBMISSIONS / "wrong" / "ex08_running_loop"
    verdict = failed(grade_source(tmp_path / "kept", "08", wrong / "remembers_the_loop.py"))[
        "running_loop_or_none_outside"
    ]
    assert "closed=True" in verdict.message, verdict.message
    assert verdict.fix.startswith("That loop was kept from before the call (closed now)"), verdict.fix
    verdict = failed(grade_source(tmp_path / "task", "08", wrong / "current_task_guard.py"))[
        "running_loop_or_none_outside"
    ]
    assert verdict.fix.startswith("asyncio.current_task() raises RuntimeError too"), verdict.fix
    assert verdict.location.line == 17  # if asyncio.current_task() is None


def test_slow_callbacks_that_hands_over_main_uncalled_or_returns_no_list_is_told_so(tmp_path):
    wrong = SUBMISSIONS / "wrong" / "ex09_debug_mode"
    verdict = failed(grade_source(tmp_path / "run", "09", wrong / "asyncio_run_of_main_uncalled.py"))
    verdict = verdict["runs_main_in_debug_mode"]
    assert verdict.message == "slow_callbacks() raised ValueError: a coroutine was expected, got <function main>"
    assert verdict.fix.startswith("`asyncio.run(main)` hands asyncio the async def function itself"), verdict.fix
    assert verdict.location.line == 24  # asyncio.run(main, debug=True), not the grader's spy on asyncio.run
    verdict = failed(grade_source(tmp_path / "await", "09", wrong / "awaits_main_uncalled.py"))
    verdict = verdict["runs_main_in_debug_mode"]
    assert verdict.fix.startswith("`main` is an async def function that was never called"), verdict.fix
    assert verdict.location.line == 21  # await main
    verdict = failed(grade_source(tmp_path / "attr", "09", wrong / "debug_attribute.py"))["runs_main_in_debug_mode"]
    assert verdict.fix.startswith("`loop.debug = True` only gives the loop an attribute of your own"), verdict.fix
    assert verdict.location.line == 25
    checks = failed(grade_source(tmp_path / "tuple", "09", wrong / "returns_a_tuple.py"))
    assert checks["awaiting_main_gives_empty_list"].fix.startswith("Return a list, not a tuple")
    checks = failed(grade_source(tmp_path / "print", "09", wrong / "handler_prints_no_return.py"))
    assert checks["awaiting_main_gives_empty_list"].fix.startswith("slow_callbacks has no `return` of its own")


def test_a_task_that_hands_the_setting_to_a_callback_is_not_told_to_schedule_a_task(tmp_path):
    wrong = SUBMISSIONS / "wrong" / "ex01_futures" / "task_hands_the_setting_to_a_callback.py"
    checks = failed(grade_source(tmp_path, "01", wrong))
    verdict = checks["schedules_a_task"]
    assert verdict.message.endswith("although make_request did schedule a task"), verdict.message
    assert verdict.fix.startswith("Set the future in the task itself: call future.set_result(value)"), verdict.fix
    assert "create_task" not in verdict.fix and verdict.location.function == "set_future_value"
    verdict = checks["failing_request_waits_and_tolerates_cancel"]
    assert "future.set_exception(exc)" in verdict.fix and "create_task" not in verdict.fix, verdict.fix


def test_a_wait_with_a_time_limit_is_told_that_the_limit_ran_out(tmp_path):
    wrong = SUBMISSIONS / "wrong" / "ex07_manual_loop" / "waits_with_a_time_limit.py"
    checks = failed(grade_source(tmp_path, "07", wrong))
    for name in ("waits_for_pending_tasks", "background_failure_does_not_change_result", "reraises_after_waiting"):
        verdict = checks[name]
        assert "raised TimeoutError: a wait with a time limit" in verdict.message, verdict.message
        assert verdict.fix.startswith("Wait with no timeout") and verdict.location.line == 24, verdict


def test_a_time_limit_on_the_coroutine_is_told_that_it_cancels_long_work(tmp_path):
    wrong = SUBMISSIONS / "wrong" / "ex07_manual_loop" / "time_limit_on_the_coroutine.py"
    checks = failed(grade_source(tmp_path, "07", wrong))
    for name, line in (("returns_result", 8), ("waits_for_pending_tasks", 15)):
        verdict = checks[name]
        assert "raised TimeoutError: a time limit on the coroutine ran out" in verdict.message, verdict.message
        assert verdict.fix.startswith("A time limit on the coroutine cancels long work: run it to completion with"
                                      " `loop.run_until_complete(coro)`"), verdict.fix  # fmt: skip
        assert verdict.location.line == line, verdict.location


STEPS_THE_LOOP_BY_HAND = """\
import asyncio


def run_manually(coro):
    loop = asyncio.new_event_loop()
    try:
        return loop.run_until_complete(coro)
    finally:
        loop.close()


def run_until_all_done(coro):
    loop = asyncio.new_event_loop()
    try:
        try:
            return loop.run_until_complete(coro)
        finally:
            while asyncio.all_tasks(loop):
                step = getattr(loop, "_run_" + "once")
                step()
            loop.run_until_complete(loop.shutdown_asyncgens())
    finally:
        loop.close()
"""


def test_tasks_that_die_of_how_they_were_run_are_told_that_a_task_runs_only_in_the_running_loop(tmp_path):
    """Tasks that ended with an error of their own are not finished: not "keep running the loop while all_tasks is
    not empty", which the code does, nor a time limit run out (a bystander never cancelled). loop._run_once() is
    named only where the code calls it."""
    wrong = SUBMISSIONS / "wrong" / "ex07_manual_loop" / "steps_the_loop_with_run_once.py"
    checks = failed(grade_source(tmp_path / "run_once", "07", wrong))
    for name in ("waits_for_pending_tasks", "background_failure_does_not_change_result", "reraises_after_waiting"):
        verdict = checks[name]
        assert verdict.status is Status.FAILED, verdict  # not stopped at its time limit
        assert "left pending raised RuntimeError: no running event loop, before running to" in verdict.message, (
            verdict.message
        )
        assert verdict.fix.startswith(
            "A task runs only inside the running loop: run_until_complete (or run_forever) runs it, not"
            " loop._run_once()."
        ), verdict.fix
        assert verdict.location.line == 18, verdict.location
    verdict = failed(grade_source(tmp_path / "stepped", "07", STEPS_THE_LOOP_BY_HAND))["waits_for_pending_tasks"]
    assert "raised RuntimeError: no running event loop" in verdict.message, verdict.message
    assert verdict.fix.startswith("A task runs only inside the running loop: run_until_complete (or run_forever)"
                                  " runs it. Stepped any other way"), verdict.fix  # fmt: skip


@pytest.mark.parametrize(
    ("exercise_id", "name", "needs"),
    [("06", "ex06_aiohttp/as_completed_async_iterator.py", (3, 13)),
     ("09", "ex09_debug_mode/loop_factory_in_asyncio_run.py", (3, 12))],
)  # fmt: skip
def test_a_use_of_a_newer_python_says_which_python_it_needs(tmp_path, exercise_id, name, needs):
    """Correct code on the Python it was written for, graded by an older one: Python's own words ("'async for'
    requires an object with __aiter__", "unexpected keyword argument 'loop_factory'") read as a mistake."""
    if sys.version_info >= needs:
        pytest.skip("this Python has it: the file is a correct solution here (test_solutions_and_wrong)")
    checks = failed(grade_source(tmp_path, exercise_id, SUBMISSIONS / "alternative" / name))
    assert checks, "graded on a Python without the feature, it cannot pass"
    wanted = ".".join(map(str, needs))
    for verdict in checks.values():
        assert f"is new in Python {wanted}, and this is Python" in (verdict.fix or ""), (verdict.name, verdict.fix)


def test_arguments_dropped_are_told_to_be_passed_on_not_unpacked(tmp_path):
    wrong = SUBMISSIONS / "wrong" / "ex08_running_loop"
    checks = failed(grade_source(tmp_path / "dropped", "08", wrong / "arguments_dropped.py"))
    soon, later = checks["soon_runs_callback_later"], checks["later_runs_after_delay_in_order"]
    assert soon.message == "the callback was called with the arguments ()", soon.message
    assert soon.fix.startswith("Pass the arguments on too, after the callback: call_soon(callback, *args).")
    assert later.fix.startswith("Pass the arguments on too, after the callback: call_later(delay, callback, *args).")
    tupled = failed(grade_source(tmp_path / "tuple", "08", wrong / "args_as_tuple.py"))["soon_runs_callback_later"]
    assert "not call_soon(callback, args)" in tupled.fix, tupled.fix


def test_no_starting_line_at_all_is_told_to_add_it_by_the_checks_that_look_for_it(tmp_path):
    wrong = SUBMISSIONS / "wrong" / "ex03_async_timed" / "lesson_version.py"
    checks = failed(grade_source(tmp_path, "03", wrong))
    for name in ("prints_starting_line_first", "starting_line_shows_args_and_kwargs"):
        assert checks[name].fix.startswith("The lesson's decorator code has no Starting line"), checks[name].fix


def test_create_task_handed_the_function_and_its_arguments_apart_is_told_to_call_it(tmp_path):
    wrong = SUBMISSIONS / "wrong" / "ex01_futures" / "create_task_of_the_function_and_its_arguments.py"
    verdict = failed(grade_source(tmp_path, "01", wrong))["failing_request_raises_same_exception"]
    assert "create_task() takes 1 positional argument" in verdict.message, verdict.message
    assert "`asyncio.create_task(set_future_exception(...))`" in verdict.fix, verdict.fix


def test_a_coroutine_of_its_own_run_in_place_of_the_one_given_is_told_so_by_every_check_about_it(tmp_path):
    wrong = SUBMISSIONS / "wrong" / "ex07_manual_loop" / "runs_the_lessons_main.py"
    checks = failed(grade_source(tmp_path, "07", wrong))
    for name in ("returns_result", "builds_its_own_loop", "closes_loop_on_success", "closes_loop_on_exception"):
        assert checks[name].message == "run_manually(coro) never started the coroutine it was given", checks[name]
        assert checks[name].fix.startswith("Run the coroutine you are given, `loop.run_until_complete(coro)`")
        assert checks[name].location.line == 13  # the run_until_complete that ran another coroutine


def test_durations_heard_by_one_call_and_not_the_next_are_told_the_handler_must_live_per_call(tmp_path):
    wrong = SUBMISSIONS / "wrong" / "ex09_debug_mode" / "filter_left_on_the_logger.py"
    verdict = failed(grade_source(tmp_path, "09", wrong))["reports_blocking_step"]
    assert "returned [], but debug mode reported the slow steps [0.2" in verdict.message, verdict.message
    assert verdict.fix.startswith("An earlier call of slow_callbacks returned durations, this one none"), verdict.fix
    assert "plain callback" not in verdict.message  # the tasks' steps did not come back either


def test_a_callback_queued_late_is_told_what_put_it_behind_the_others(tmp_path):
    wrong = SUBMISSIONS / "wrong" / "ex08_running_loop"
    task = failed(grade_source(tmp_path / "task", "08", wrong / "callback_queued_from_a_task.py"))
    assert "A task's first step is what joins the queue" in task["soon_runs_callback_later"].fix
    timer = failed(grade_source(tmp_path / "timer", "08", wrong / "soon_through_a_timer.py"))
    assert "a timer, even call_later(0, ...)" in timer["soon_runs_callback_later"].fix


def test_a_helper_hidden_by_a_parameter_of_its_name_is_told_so_and_costs_no_check_of_make_request(tmp_path):
    wrong = SUBMISSIONS / "wrong" / "ex01_futures" / "helper_shadowed_by_a_parameter.py"
    checks = failed(grade_source(tmp_path, "01", wrong))
    verdict = checks["schedules_a_task"]
    assert verdict.message == "set_future_value() raised TypeError: 'float' object is not callable", verdict.message
    assert verdict.fix.startswith("`delay` here is the float this function was given as its parameter `delay`")
    assert "`from util import delay as pause`" in verdict.fix and "returns_pending_future" not in checks


def test_a_name_that_only_the_try_block_sets_is_told_to_be_set_where_finally_can_read_it(tmp_path):
    wrong = SUBMISSIONS / "wrong" / "ex03_async_timed" / "end_read_inside_the_try.py"
    verdict = failed(grade_source(tmp_path, "03", wrong))["exception_propagates_unchanged"]
    assert "UnboundLocalError" in verdict.message and "'end'" in verdict.message, verdict.message
    assert verdict.fix.startswith("`end` is set inside the `try:` block"), verdict.fix


def test_a_handler_removed_by_the_coroutine_that_awaited_main_is_told_the_last_step_comes_after(tmp_path):
    wrong = SUBMISSIONS / "wrong" / "ex09_debug_mode" / "listens_inside_a_wrapper_coroutine.py"
    checks = failed(grade_source(tmp_path, "09", wrong))
    verdict = checks["reports_blocking_step"]
    assert "the last one, main()'s last step, time.sleep(0.155), is missing" in verdict.message, verdict.message
    assert verdict.fix.startswith("Debug mode reports a step once it has ended"), verdict.fix
    assert verdict.location.function == "watched" and verdict.location.line == 28  # await main()


def test_a_level_saved_from_get_effective_level_is_told_to_save_the_loggers_own(tmp_path):
    wrong = SUBMISSIONS / "wrong" / "ex09_debug_mode" / "restores_the_effective_level.py"
    verdict = failed(grade_source(tmp_path, "09", wrong))["leaves_logger_as_found"]
    assert verdict.message.endswith("its level changed from NOTSET to WARNING"), verdict.message
    assert verdict.fix.startswith("logger.getEffectiveLevel() is the level the logger acts on"), verdict.fix
    assert verdict.location.line == 20  # old_level = logger.getEffectiveLevel()


def test_a_copy_of_the_value_is_told_apart_from_the_value(tmp_path):
    wrong = SUBMISSIONS / "wrong" / "ex01_futures" / "sets_a_copy_of_the_value.py"
    verdict = failed(grade_source(tmp_path, "01", wrong))["future_resolves_to_value"]
    assert "gave a copy of [1, 2, 3], equal to it but another object" in verdict.message, verdict.message
    assert verdict.expected == "[1, 2, 3], the very object passed as value"


def test_a_wait_in_finally_that_stops_short_is_not_told_to_wait_in_finally(tmp_path):
    wrong = SUBMISSIONS / "wrong" / "ex07_manual_loop" / "stops_when_one_task_is_left.py"
    checks = failed(grade_source(tmp_path, "07", wrong))
    assert checks["reraises_after_waiting"].fix == checks["waits_for_pending_tasks"].fix
    assert checks["waits_for_pending_tasks"].fix.startswith("After run_until_complete(coro), keep running the loop")


def test_a_body_started_as_a_task_before_the_starting_line_is_told_where_it_started(tmp_path):
    wrong = SUBMISSIONS / "wrong" / "ex03_async_timed" / "body_started_as_a_task_before_the_print.py"
    verdict = failed(grade_source(tmp_path, "03", wrong))["prints_starting_line_first"]
    assert verdict.fix.startswith("Print the Starting line before you start the original function"), verdict.fix
    assert (verdict.location.function, verdict.location.line) == ("wrapper", 14)  # task = asyncio.ensure_future(...)


@pytest.mark.parametrize(
    ("name", "said", "line"),
    [("answer_overwritten_by_later_ifs.py", "Every `if` runs, one after the other", 'answer = "awaitable"'),
     ("isawaitable_asked_for_coroutine.py", "Only what calling an async def gives is a 'coroutine'",
      'return "coroutine"')],
)  # fmt: skip
def test_kind_of_is_told_why_its_answer_came_out_wrong(tmp_path, name, said, line):
    """Answers set by `if` after `if` are overwritten, and isawaitable says yes to every awaitable: the fix says so,
    not "ask isinstance(obj, asyncio.Task) first", which the student already does, and points at the answer's line."""
    path = SUBMISSIONS / "wrong" / "ex02_awaitables" / name
    checks = failed(grade_source(tmp_path, "02", path))
    source = path.read_text().splitlines()
    for verdict in checks.values():
        assert verdict.fix.startswith(said), verdict.fix
        assert source[verdict.location.line - 1].strip() == line, verdict.location


@pytest.mark.parametrize(
    ("name", "check", "said"),
    [("loop_got_at_import.py", "soon_runs_callback_later", "Ask asyncio.get_running_loop() in the function itself"),
     ("raises_value_error_outside.py", "raises_outside_a_running_loop", "Let the RuntimeError of")],
)  # fmt: skip
def test_a_loop_from_elsewhere_and_an_error_of_another_type_are_told_what_they_did(tmp_path, name, check, said):
    """A loop got at import is not blamed on new_event_loop(), which the student never called; a RuntimeError turned
    into a ValueError is not told to call get_running_loop(), which the student already does."""
    checks = failed(grade_source(tmp_path, "08", SUBMISSIONS / "wrong" / "ex08_running_loop" / name))
    assert checks[check].fix.startswith(said), checks[check].fix


def test_clearing_the_loggers_lists_is_told_to_remove_only_its_own(tmp_path):
    wrong = SUBMISSIONS / "wrong" / "ex09_debug_mode" / "clears_filters.py"
    verdict = failed(grade_source(tmp_path, "09", wrong))["leaves_logger_as_found"]
    assert verdict.message.endswith("1 filter(s) that were there before removed"), verdict.message
    assert verdict.fix.startswith("Remove only what you added"), verdict.fix
    assert verdict.location.line == 26, verdict.location  # logger.filters.clear()


def test_a_loop_saved_from_get_event_loop_and_set_back_is_named(tmp_path):
    """In a fresh program get_event_loop() makes the loop that the student's tidy-up then leaves current and open:
    the fix names that call, where it is, not set_event_loop in general."""
    wrong = SUBMISSIONS / "wrong" / "ex07_manual_loop" / "restores_a_loop_from_get_event_loop.py"
    verdict = failed(grade_source(tmp_path, "07", wrong))["closes_loop_on_success"]
    assert verdict.message.endswith("in a fresh program, where no loop had been set"), verdict.message
    assert verdict.fix.startswith("asyncio.get_event_loop() made that loop"), verdict.fix
    assert verdict.location.line == 13, verdict.location  # return asyncio.get_event_loop()


def test_a_handler_on_another_logger_is_told_which_logger_asyncio_uses(tmp_path):
    wrong = SUBMISSIONS / "wrong" / "ex09_debug_mode" / "handler_on_its_own_modules_logger.py"
    verdict = failed(grade_source(tmp_path, "09", wrong))["reports_blocking_step"]
    assert verdict.fix.startswith("Your handler is on the logger 'exercises.ex09_debug_mode'"), verdict.fix
    assert verdict.location.line == 21, verdict.location  # logger.addHandler(collector)


def test_one_wrong_number_per_warning_is_told_which_number_to_keep(tmp_path):
    """The handler heard every warning, so "attach a handler" would repeat what the student did."""
    wrong = SUBMISSIONS / "wrong" / "ex09_debug_mode" / "first_number_in_the_message.py"
    verdict = failed(grade_source(tmp_path, "09", wrong))["reports_blocking_step"]
    assert verdict.fix.startswith("Your code kept one value per warning, but not the duration"), verdict.fix


def test_a_cancelled_error_raised_on_purpose_is_not_blamed_on_a_read_of_the_future(tmp_path):
    wrong = SUBMISSIONS / "wrong" / "ex01_futures" / "raises_cancelled_error_itself.py"
    verdict = failed(grade_source(tmp_path, "01", wrong))["set_future_value_ignores_done_future"]
    assert verdict.message.endswith("your code raises it itself: `raise asyncio.CancelledError()`"), verdict.message
    assert verdict.fix.startswith("Return quietly instead"), verdict.fix


def test_a_sleep_shorter_than_the_delay_is_told_to_sleep_the_delay_itself(tmp_path):
    """The student does await asyncio.sleep: "await asyncio.sleep(delay)" would tell them what they think they did."""
    wrong = SUBMISSIONS / "wrong" / "ex01_futures" / "sleeps_a_whole_number_of_seconds.py"
    verdict = failed(grade_source(tmp_path, "01", wrong))["sets_result_after_delay"]
    assert verdict.fix.startswith("Your code awaits asyncio.sleep(int(delay)), which is less than `delay`"), verdict.fix
    assert verdict.location.line == 15, verdict.location  # await asyncio.sleep(int(delay))


@pytest.mark.parametrize(
    ("stem", "lines"), [("sleeps_in_steps_of_a_tenth", (13, 13)), ("sleeps_the_delay_rounded", (10, 14))]
)
def test_sleeps_that_add_up_to_more_than_the_delay_are_told_what_was_asked(tmp_path, stem, lines):
    """0.1 s for a delay of 0.05 is told from what the code asked asyncio.sleep for, not from a stopwatch, and at the
    line that asked it: the confirming delay, 0.2 s, is a multiple of 0.1 and shows nothing."""
    checks = failed(grade_source(tmp_path, "01", SUBMISSIONS / "wrong" / "ex01_futures" / f"{stem}.py"))
    ended = ("set_future_value(future, 7, 0.05) set the result", "the future of make_failing_request(KeyError('late'),"
             " 0.05) failed")  # fmt: skip
    names = ("sets_result_after_delay", "failing_request_waits_and_tolerates_cancel")
    for name, starts, line in zip(names, ended, lines, strict=True):
        verdict = checks[name]
        assert verdict.message.startswith(starts), verdict.message
        assert verdict.message.endswith(
            "your code asked asyncio.sleep for 0.1 s in all (asyncio.sleep(0.1)), not the 0.05 s of `delay`"
        ), verdict.message
        assert verdict.fix.startswith("Sleep exactly `delay`, as it is given: `await asyncio.sleep(delay)`."), verdict
        assert verdict.location.line == line, verdict.location


def test_an_exception_wrapped_in_another_is_told_to_pass_on_the_one_given(tmp_path):
    wrong = SUBMISSIONS / "wrong" / "ex01_futures" / "wraps_the_exception_in_another.py"
    verdict = failed(grade_source(tmp_path, "01", wrong))["failing_request_raises_same_exception"]
    assert verdict.fix.startswith("Fail the future with the exception you were given"), verdict.fix


def test_a_slip_in_the_finished_line_points_at_its_print_not_at_a_docstring(tmp_path):
    wrong = SUBMISSIONS / "wrong" / "ex03_async_timed" / "two_decimals_under_a_docstring.py"
    checks = failed(grade_source(tmp_path, "03", wrong))
    assert {verdict.location.line for verdict in checks.values()} == {19}, checks  # the print(f"Finished ...")


def test_a_slip_in_a_finished_line_printed_by_a_helper_points_at_the_helper(tmp_path):
    wrong = SUBMISSIONS / "wrong" / "ex03_async_timed" / "two_decimals_in_a_helper.py"
    checks = failed(grade_source(tmp_path, "03", wrong))
    assert {(v.location.line, v.location.function) for v in checks.values()} == {(9, "_report")}, checks


def test_a_callback_called_at_once_from_a_plain_callback_is_caught_there(tmp_path):
    """schedule_soon called from a callback the loop ran, where no task runs, is judged as from a coroutine: it must
    not call the callback before returning, and it returns a handle (schedule_later with no delay likewise)."""
    wrong = SUBMISSIONS / "wrong" / "ex08_running_loop" / "calls_at_once_without_a_task.py"
    checks = failed(grade_source(tmp_path, "08", wrong))
    soon, later = checks["soon_runs_callback_later"], checks["later_returns_timer_handle"]
    assert soon.message == (
        "schedule_soon(fourth), called from a callback the loop ran, called the callback itself, before returning"
    )
    assert soon.location.line == 12, soon.location  # callback(*args)
    assert later.message.startswith("schedule_later(0, callback), called from a callback the loop ran, called the")
    assert later.location.line == 20, later.location


def test_two_async_defs_are_each_named_by_the_checks_that_call_them(tmp_path):
    """schedule_soon and running_loop_or_none both async def: a check of schedule_soon says schedule_soon is one,
    not running_loop_or_none, the first of the two by name, whose message it would otherwise replace by "first was
    called 0 times" and a fix the student already follows."""
    wrong = SUBMISSIONS / "wrong" / "ex08_running_loop" / "async_def_soon_and_running_loop_or_none.py"
    checks = failed(grade_source(tmp_path, "08", wrong))
    for name, function in (("soon_runs_callback_later", "schedule_soon"), ("soon_returns_handle", "schedule_soon"),
                           ("raises_outside_a_running_loop", "schedule_soon"),
                           ("running_loop_or_none_inside", "running_loop_or_none"),
                           ("running_loop_or_none_outside", "running_loop_or_none")):  # fmt: skip
        verdict = checks[name]
        assert verdict.message.startswith(f"{function} is an `async def` function"), (name, verdict.message)
        assert verdict.fix.startswith(f"Write `def {function}(...)`, not `async def`"), (name, verdict.fix)
        assert verdict.location.function == function, (name, verdict.location)
    # Exercise 01's own words for its two async defs, which say what each should do instead, are kept.
    ex01 = failed(grade_source(tmp_path / "01", "01", SUBMISSIONS / "wrong" / "ex01_futures" / "async_def_requests.py"))
    for name, function in (("returns_pending_future", "make_request"),
                           ("failing_request_raises_same_exception", "make_failing_request")):  # fmt: skip
        assert f"{function} is an async def function" in ex01[name].message, ex01[name].message
        assert "it runs while the loop runs" in ex01[name].fix, ex01[name].fix


def test_get_running_loop_without_parentheses_is_told_to_call_it(tmp_path):
    wrong = SUBMISSIONS / "wrong" / "ex08_running_loop" / "get_running_loop_without_parens.py"
    checks = failed(grade_source(tmp_path, "08", wrong))
    for name, method, line in (("soon_runs_callback_later", "call_soon", 9), ("soon_returns_handle", "call_soon", 9),
                               ("later_returns_timer_handle", "call_later", 14),
                               ("later_runs_after_delay_in_order", "call_later", 14),
                               ("raises_outside_a_running_loop", "call_soon", 9)):  # fmt: skip
        verdict = checks[name]
        assert "`get_running_loop` is the function itself, not called" in verdict.message, (name, verdict.message)
        assert verdict.fix.startswith(f"Call it, with the parentheses: `asyncio.get_running_loop().{method}(...)`"), (
            name,
            verdict.fix,
        )
        assert verdict.location.line == line, (name, verdict.location)


def test_a_loop_cached_from_an_earlier_run_is_told_to_ask_at_each_call(tmp_path):
    """ "Event loop is closed" in exercise 08 means a loop kept from an earlier run, not one closed too early: the fix
    names the cached helper and asks for get_running_loop() at each call, not exercise 07's "close a loop last"."""
    wrong = SUBMISSIONS / "wrong" / "ex08_running_loop" / "loop_helper_cached.py"
    checks = failed(grade_source(tmp_path, "08", wrong))
    for name in ("soon_returns_handle", "later_returns_timer_handle"):
        verdict = checks[name]
        assert "raised RuntimeError: Event loop is closed: the loop it used is not the one running" in verdict.message
        assert verdict.fix.startswith("`_loop` is cached (functools.cache, lru_cache)"), verdict.fix
        assert "asyncio.get_running_loop() at each call" in verdict.fix and "finally" not in verdict.fix, verdict.fix
