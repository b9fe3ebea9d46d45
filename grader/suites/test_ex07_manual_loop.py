"""Exercise 07: managing the event loop by hand.

The student's functions build and run their own loops, so every check is a plain sync test. `LoopSpy` sees each
loop they construct and each use of `asyncio.run` / `asyncio.Runner`; the coroutines below note the loop they ran
on, so "was it closed?" is read from that loop itself, at once, not from a ResourceWarning later.
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import AsyncGenerator, Callable, Coroutine, Iterator
from typing import Any, NoReturn

import pytest

from grader.asyncio_mistakes import asyncio_fix
from grader.asyncio_mistakes.loops import kept_closed_loop
from grader.except_clauses import catching_handler
from grader.probes.idle_gate import IdleGate
from grader.suites.loop_spies import (
    LoopSpy,
    current_loop,
    fresh_policy,
    loop_state_guard,
    patch_everywhere,
    runners_on_stack,
    spy_on_loops,
)
from grader.suites.missing_loop import explain_missing_loop, run, student_line
from grader.testing import (
    RETURN_IN_FINALLY,
    CallIn,
    CheckFailure,
    calling_line,
    check,
    expect,
    fail,
    follows_from,
    named_in_finally,
    return_in_finally,
    student,
    where,
)

ex = student("exercises.ex07_manual_loop")

CLOSE_IN_FINALLY = (
    "Close the loop in a `finally` block: `loop = asyncio.new_event_loop()`, then `try: return "
    "loop.run_until_complete(coro)` and `finally: loop.close()`."
)
WAIT_FOR_TASKS = (
    "After run_until_complete(coro), keep running the loop while `asyncio.all_tasks(loop)` is not empty, e.g. "
    "`loop.run_until_complete(asyncio.wait(pending))` in a `while` loop, and only then close it. A fixed delay "
    "(one asyncio.sleep, or a timeout) is a guess at how long the tasks take, not a wait for them."
)
WAIT_ALSO_WHEN_RAISED = (
    "When the coroutine raises, run_until_complete(coro) raises that exception, which skips the lines after it. "
    "Wait for the pending tasks where the exception does not skip it: in the `finally:` block, before "
    "loop.close() (ask `asyncio.all_tasks(loop)` again after each wait, until it is empty)."
)


LONG_TASK_ITERATIONS = 50
GENERATIONS = 12
"""Tasks in the chain that the later-tasks check leaves, each started by the one before: waiting a fixed number of
rounds (the pending tasks, then theirs, a few times over) is not enough; only asking again until none is left is."""
NAMES = ("run_manually", "run_until_all_done")


class Boom(Exception):
    """The exception the checks' coroutines raise, so that it cannot be mistaken for anything else."""


@pytest.fixture(autouse=True)
def loops(monkeypatch: pytest.MonkeyPatch) -> Iterator[LoopSpy]:
    spy = spy_on_loops(monkeypatch, ex)
    refuse_waiting_for_itself(monkeypatch)
    with loop_state_guard(spy):
        yield spy


_GATHER, _WAIT = asyncio.gather, asyncio.wait
WAITS_FOR_ITSELF_FIX = (
    "Leave the waiting task out: `me = asyncio.current_task()`, then wait for `[t for t in asyncio.all_tasks() if t"
    " is not me]` until that list is empty. Or wait from outside the loop, where no task is running: `while pending"
    " := asyncio.all_tasks(loop): loop.run_until_complete(asyncio.wait(pending))`."
)


def _includes_the_running_task(awaitables: Any) -> bool:
    try:
        running = asyncio.current_task()
    except RuntimeError:  # no loop running: no task to wait for itself
        return False
    return running is not None and any(item is running for item in awaitables)


def _waits_for_itself(name: str) -> NoReturn:
    fail(
        f"a task of your code handed {name}() the very task that was running it: asyncio.all_tasks() lists the"
        " running task too, and a task that waits for itself to finish waits for ever",
        expected="the task that waits for the others leaves itself out",
        fix=WAITS_FOR_ITSELF_FIX,
        at=calling_line() or ex.run_until_all_done,
    )


def refuse_waiting_for_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail the check at once, naming the mistake, when the student's code has a task wait for itself with
    asyncio.gather or asyncio.wait (for every task: the default): `gather(*asyncio.all_tasks())` run by a task.
    That wait never ends; without this, the check would stop at its time limit with the advice for an endless loop
    or a blocking call, and every check that runs run_until_all_done would wait that long too."""

    def gather(*aws: Any, **kwargs: Any) -> Any:  # named as asyncio's: tracebacks and messages read the name
        if _includes_the_running_task(aws):
            _waits_for_itself("asyncio.gather")
        return _GATHER(*aws, **kwargs)

    def wait(fs: Any, *args: Any, **kwargs: Any) -> Any:
        # A plain def that hands back asyncio's own coroutine: awaiting it, no frame of ours stands between the
        # student's line and asyncio's errors, which grader.asyncio_mistakes reads.
        fs = list(fs) if not isinstance(fs, (set, frozenset, list, tuple)) else fs
        every = kwargs.get("return_when", asyncio.ALL_COMPLETED) == asyncio.ALL_COMPLETED or len(fs) == 1
        if every and kwargs.get("timeout") is None and not args and _includes_the_running_task(fs):
            _waits_for_itself("asyncio.wait")
        return _WAIT(fs, *args, **kwargs)

    patch_everywhere(monkeypatch, ex, _GATHER, gather, ((asyncio, "gather"),))
    patch_everywhere(monkeypatch, ex, _WAIT, wait, ((asyncio, "wait"),))


def discard(coro: Coroutine[Any, Any, Any]) -> None:
    """Close a coroutine the student's code never started, so it does not warn 'never awaited' later."""
    if inspect.getcoroutinestate(coro) == inspect.CORO_CREATED:
        coro.close()


def run_then_discard(
    func: Callable[[Coroutine[Any, Any, Any]], Any], coro: Coroutine[Any, Any, Any], call: str | None = None
) -> Any:
    """`run(func, coro, call)`, then `discard(coro)` however the call ended."""
    try:
        return run(func, coro, call)
    except TIMEOUTS as error:
        timed_out(error, call or f"{getattr(func, '__name__', 'the function')}(coro)", func)
    finally:
        discard(coro)


TIMEOUTS = (TimeoutError, asyncio.TimeoutError)
"""Two classes on 3.10, one from 3.11."""


def timed_out(error: BaseException, call: str, func: Callable[..., Any]) -> NoReturn:
    """Fail for a TimeoutError out of the student's function: a wait for the tasks with a time limit ran out."""
    fail(
        f"{call} raised {type(error).__name__}: a wait with a time limit (`asyncio.wait_for(..., timeout=...)`,"
        " `asyncio.wait(..., timeout=...)`) ran out before the pending tasks were done (the checks' tasks finish"
        " only once the loop waits for them with no limit, so any limit runs out first: real tasks can take longer"
        " than any limit too)",
        expected="the pending tasks are waited for however long they take",
        fix="Wait with no timeout, until no task is left: `while pending := asyncio.all_tasks(loop):"
        " loop.run_until_complete(asyncio.wait(pending))`.",
        at=student_line(error, func) or func,
    )


class Probe:
    """Coroutines for the checks; each notes the loop it ran on and what its tasks did."""

    def __init__(self) -> None:
        self.loop: asyncio.AbstractEventLoop | None = None
        self.runners: set[str] = set()
        self.tasks: list[asyncio.Task] = []
        self.bystanders: list[asyncio.Task] = []
        """Tasks a check starts that end otherwise than by finishing (cancelled by another task): not `tasks`."""
        self.events: list[str] = []
        self.result = object()
        self.planted: list[BaseException] = []
        """The exceptions the check's tasks raise on purpose; any other that one of `tasks` ends with is its own."""
        self._gate: IdleGate | None = None

    def note_loop(self) -> None:
        self.loop = asyncio.get_running_loop()
        self.runners = runners_on_stack()

    def start(self, coro: Coroutine[Any, Any, Any]) -> asyncio.Task:
        task = asyncio.get_running_loop().create_task(coro)
        self.tasks.append(task)
        task.add_done_callback(self._ended)
        return task

    def plant(self, error: BaseException) -> BaseException:
        """`raise probe.plant(Boom(...))`: an exception a task of the check raises on purpose."""
        self.planted.append(error)
        return error

    def own_errors(self) -> list[BaseException]:
        """The exceptions that tasks of the check ended with though none raises them on purpose: what the student's
        way of running them made them raise (asyncio.sleep with no loop running, say)."""
        ended = [t.exception() for t in self.tasks if t.done() and not t.cancelled()]
        return [e for e in ended if e is not None and not any(e is planted for planted in self.planted)]

    def _ended(self, task: asyncio.Task) -> None:
        # A task that dies of an error of its own never does what a bystander waits for (a cancel, say): cancel
        # them, so that the student's wait ends and the check tells that error, rather than running out of time.
        if self.bystanders and not task.cancelled() and task.exception() is not None and self.own_errors():
            for bystander in self.bystanders:
                bystander.cancel()

    async def until_the_loop_waits(self) -> None:
        """Wait behind the current IdleGate; a task started after it opened waits behind a new one."""
        if self._gate is None or self._gate.opened:
            self._gate = IdleGate(asyncio.get_running_loop())
        await self._gate.future

    async def sleep_then_note(self, seconds: float, name: str) -> None:
        await self.until_the_loop_waits()
        await asyncio.sleep(seconds)
        # Then many more iterations of the loop than run_until_complete runs after its future is done: a
        # solution that stops the loop too early never gets this far, however long the machine stalls meanwhile.
        for _ in range(LONG_TASK_ITERATIONS):
            await asyncio.sleep(0)
        self.events.append(name)

    async def returns_after_a_sleep(self) -> object:
        self.note_loop()
        self.events.append("started")
        await asyncio.sleep(0.01)
        self.events.append("resumed")
        return self.result

    async def works_until_the_loop_waits(self, leaves_a_task: bool = False) -> object:
        """Work that takes as long as the loop lets it: it goes on only once the loop waits for it alone, with no
        timer set. A time limit on it is a timer, which IdleGate runs out at once by moving the loop's clock on.
        With `leaves_a_task`, a task is still pending when it returns, as run_until_all_done's coroutines leave one:
        code that waits for the pending tasks only once, without asking whether there are any, runs as it does there."""
        self.note_loop()
        self.events.append("started")
        if leaves_a_task:
            self.start(self.steps_after_the_gate())
        await self.until_the_loop_waits()
        self.events.append("resumed")
        return self.result

    async def steps_after_the_gate(self) -> None:
        await self.until_the_loop_waits()
        for _ in range(3):  # resumed after the coroutine that started it, so still pending when that one returns
            await asyncio.sleep(0)

    async def raises_after_a_sleep(self, error: BaseException) -> NoReturn:
        self.note_loop()
        await asyncio.sleep(0.01)
        raise error

    async def leaves_a_task_then_raises(self, error: BaseException) -> NoReturn:
        self.note_loop()
        self.start(self.sleep_then_note(0.02, "pending task"))
        await asyncio.sleep(0)
        raise error

    async def leaves_tasks_behind(self) -> object:
        self.note_loop()
        self.start(self.sleep_then_note(0.02, "first"))
        self.start(self.sleep_then_note(0.04, "second"))
        await asyncio.sleep(0)
        return self.result

    async def starts_a_generation(self, left: int) -> None:
        """Once the loop waits, start the next task, which starts the next, `left` generations deep; the last notes
        "last generation"."""
        await self.until_the_loop_waits()
        await asyncio.sleep(0.02)
        if left > 1:
            self.start(self.starts_a_generation(left - 1))
        else:
            self.start(self.sleep_then_note(0.02, "last generation"))

    async def leaves_a_task_that_starts_others(self) -> object:
        self.note_loop()
        self.start(self.starts_a_generation(GENERATIONS - 1))
        return self.result


def describe_tasks(probe: Probe) -> str:
    states = ["cancelled" if t.cancelled() else "done" if t.done() else "still pending" for t in probe.tasks]
    return ", ".join(f"{states.count(state)} {state}" for state in dict.fromkeys(states))


def source_of(func: Callable[..., Any]) -> str:
    try:
        return inspect.getsource(func)
    except (OSError, TypeError):
        return ""


NEVER_STARTED = (
    "Run the coroutine you are given, `loop.run_until_complete(coro)`: a coroutine of your own in its place (the"
    " lesson's main(), say) leaves `coro` unrun."
)


def expect_started(probe: Probe, call: str, func: Callable[..., Any]) -> None:
    """Fail, saying so, when `call` returned or raised without ever starting the coroutine it was given: then every
    claim about how it ran that coroutine (its result, its loop, its exception) would fail in words that miss it."""
    __tracebackhide__ = True
    expect(probe.loop is not None, f"{call} never started the coroutine it was given",
           expected="that coroutine run to its end on a new loop", fix=NEVER_STARTED,
           at=CallIn(func, "run_until_complete"))  # fmt: skip


def expect_closed(probe: Probe, call: str, func: Callable[..., Any]) -> None:
    expect_started(probe, call, func)
    stopped = ".stop()" in source_of(func) and ".close()" not in source_of(func)
    expect(
        probe.loop.is_closed(),
        f"when {call} was over, the loop the coroutine ran on was still open",
        expected="the loop is closed before the function returns or raises",
        fix="loop.stop() does not close a loop: it only makes a running loop return from run_forever(), and"
        " run_until_complete has returned already. Call loop.close() in the `finally` block."
        if stopped
        else CLOSE_IN_FINALLY,
        at=CallIn(func, ("close", "new_event_loop"), "new_event_loop"),
    )


def expect_no_current_loop(probe: Probe, loops: LoopSpy, call: str, func: Callable[..., Any], when: str = "") -> None:
    """No loop is left set as current: not the closed loop the coroutine ran on, and not another one either (a
    new loop set "to leave a usable one behind" is a loop nobody closes). The check began with none set."""
    left = current_loop()
    if left is None:
        return
    fix = (
        "You need not call asyncio.set_event_loop(loop); if you do, call asyncio.set_event_loop(None) in the"
        " `finally` block, which runs when the coroutine raises too."
    )
    at: Any = func
    if left is probe.loop:
        happened = f"{call} left its closed loop set as the current event loop{when}"
    else:
        happened = f"{call} left another event loop, {'closed' if left.is_closed() else 'open'}, set as current{when}"
        fix += " A new loop set there instead is one more loop that nobody runs or closes."
        if left in loops.made_by_get_event_loop:
            at = CallIn(func, "get_event_loop").found() or CallIn(ex, "get_event_loop").found() or func
            fix = (
                "asyncio.get_event_loop() made that loop: where none is set, as in a fresh program, it makes a new"
                " one (Python 3.10 to 3.13), so a loop saved from it to be set back afterwards is a loop that nobody"
                " runs or closes. Save nothing: call asyncio.set_event_loop(None) in the `finally` block."
            )
    fail(happened, expected="no current loop afterwards, as before the call, however the call ends", fix=fix, at=at)


def expect_tasks_finished(probe: Probe, call: str, func: Callable[..., Any], fix: str = WAIT_FOR_TASKS) -> None:
    """Every task of `probe` done; `fix` is said when some are left unfinished (not when they were cancelled)."""
    states = describe_tasks(probe)
    cancelled = sum(t.cancelled() for t in probe.tasks)
    if cancelled:
        total = len(probe.tasks)
        if total == 1:
            which = "the task that was still pending when the main coroutine ended, instead of letting it finish"
        else:
            which = "all" if cancelled == total else f"{cancelled} of the"
            which += f" {total} tasks still pending when the main coroutine ended, instead of letting them finish"
        fail(
            f"{call} cancelled {which}",
            expected="every task left pending runs to the end: cancelling them is what asyncio.run does, and what"
            " this function avoids",
            fix=WAIT_FOR_TASKS,
            at=func,
        )
    if errors := probe.own_errors():
        tasks_raised(probe, errors, call, func)
    closed = probe.loop is not None and probe.loop.is_closed()
    expect(
        all(t.done() for t in probe.tasks),
        f"after {call}, the loop was {'closed' if closed else 'left'} with tasks unfinished ({states})",
        expected="every task on the loop is done before the loop is closed",
        fix=fix,
        at=func,
    )


RUN_BY_THE_LOOP = (
    "A task runs only inside the running loop: run_until_complete (or run_forever) runs it{not_this}. Stepped any"
    " other way, with no loop running, asyncio.sleep() and everything else that asks for the running loop raise."
    " Wait with `while pending := asyncio.all_tasks(loop): loop.run_until_complete(asyncio.wait(pending))`."
)


def tasks_raised(probe: Probe, errors: list[BaseException], call: str, func: Callable[..., Any]) -> NoReturn:
    """Fail for tasks of the check that ended with an exception of their own, none the check planted: the way the
    student's code ran them made them raise it (loop._run_once() from outside, where no loop is running, say). Done
    is not finished: without this, the check would blame a wait that the student's code does run."""
    first, total = errors[0], len(probe.tasks)
    if total == 1:
        who, their = "the task left pending", "its"
    elif len(errors) == total:
        who, their = f"{'both' if total == 2 else f'all {total}'} tasks left pending", "their"
    else:
        who, their = f"{len(errors)} of the {total} tasks left pending", "their"
    steps = CallIn(func, "_run_once").found() or CallIn(ex, "_run_once").found()
    if steps is not None:
        fix = RUN_BY_THE_LOOP.format(not_this=", not loop._run_once()")
    elif isinstance(first, RuntimeError) and "no running event loop" in str(first):
        fix = RUN_BY_THE_LOOP.format(not_this="")
    else:
        fix = asyncio_fix(first) or (
            "Let the loop run the tasks as they are, to their end: `while pending := asyncio.all_tasks(loop):"
            " loop.run_until_complete(asyncio.wait(pending))`."
        )
    fail(
        f"under {call}, {who} raised {type(first).__name__}: {first}, before running to {their} end",
        expected="every task left pending runs to its end on the running loop, raising nothing of its own",
        fix=fix,
        at=steps or student_line(first, func) or func,
    )


KEEP_THE_RESULT = "Keep what run_until_complete(coro) returned and return it at the end."


def not_the_result(got: Any, probe: Probe) -> tuple[str, Any]:
    """The fix, and the line to point at, for run_until_all_done returning something else than its coroutine's
    result. What a wait for the pending tasks returns (asyncio.wait's `(done, pending)`, gather's list of the tasks'
    results) says that the name holding the coroutine's result was reused for the wait's: "keep what
    run_until_complete(coro) returned" alone reads as if it had never been kept."""
    waited = isinstance(got, tuple) and len(got) == 2 and all(isinstance(part, (set, frozenset)) for part in got)
    gathered = (
        isinstance(got, list)
        and 0 < len(got) <= len(probe.tasks) + len(probe.bystanders)  # the last round may gather fewer
        and all(item is None or isinstance(item, BaseException) for item in got)  # return_exceptions=True
    )
    if not (waited or gathered):
        return KEEP_THE_RESULT, ex.run_until_all_done
    what, name = ("a pair of sets, (done, pending)", "wait") if waited else ("a list of the tasks' results", "gather")
    return (
        f"That is {what}: what `run_until_complete(asyncio.{name}(...))` returns for the pending tasks, kept in"
        " the variable that held the coroutine's result. Keep the coroutine's result in a variable of its own,"
        " `result = loop.run_until_complete(coro)`, and do not assign the wait's value to it.",
        CallIn(ex.run_until_all_done, name).found() or ex.run_until_all_done,
    )


@check("run_manually(coro) runs the coroutine to the end and returns its result")
def test_returns_result():
    probe = Probe()
    coro = probe.returns_after_a_sleep()
    got = run_then_discard(ex.run_manually, coro)
    expect_started(probe, "run_manually(coro)", ex.run_manually)
    expect(probe.events == ["started", "resumed"], f"the coroutine ran as far as {probe.events}",
           expected="it runs to the end, past its `await asyncio.sleep(0.01)`",
           fix="loop.run_until_complete(coro) runs it to the end.", at=ex.run_manually)  # fmt: skip
    expect(
        got is probe.result,
        f"run_manually(coro) returned {got!r}",
        expected="the coroutine's own result, the object it returned",
        fix="Return what loop.run_until_complete(coro) returns.",
        at=ex.run_manually,
    )
    expect_runs_however_long(ex.run_manually, "run_manually")


RUN_TO_ITS_END = (
    "A time limit on the coroutine cancels long work: run it to completion with `loop.run_until_complete(coro)`,"
    " with no asyncio.wait_for(..., timeout=...) around it."
)


def expect_runs_however_long(func: Callable[..., Any], name: str, leaves_a_task: bool = False) -> None:
    """`func` runs its coroutine to the end however long that takes: no time limit on it. The coroutine waits until
    its loop waits for it alone (IdleGate): a limit's timer is run out at once, with no real wait, and a run with
    no limit waits for nothing but the coroutine, so the gate opens at once too."""
    probe, call = Probe(), f"{name}(coro)"
    coro = probe.works_until_the_loop_waits(leaves_a_task)
    try:
        got = run(func, coro, call)
    except (NotImplementedError, CheckFailure):
        raise
    except TIMEOUTS as error:
        fail(
            f"{call} raised {type(error).__name__}: a time limit on the coroutine ran out while it was still at work,"
            " and cancelled it (the check's coroutine goes on until the loop waits for it with no limit, so any"
            " limit runs out first: real work can take longer than any limit too)",
            expected="the coroutine runs to its end however long it takes, and its result is returned",
            fix=RUN_TO_ITS_END,
            at=student_line(error, func) or CallIn(func, "wait_for").found() or func,
        )
    except Exception:
        if probe.loop is None:
            return  # it failed before running the coroutine (on a loop an earlier call closed): the claim of others
        raise
    finally:
        discard(coro)
    limited = CallIn(func, "wait_for", "timeout").found()
    expect(
        "resumed" in probe.events,
        f"{call} returned {got!r} while the coroutine was still at work",
        expected="the coroutine runs to its end however long it takes, and its result is returned",
        fix=RUN_TO_ITS_END if limited else "loop.run_until_complete(coro) runs it to the end.",
        at=limited or func,
    )


def _run_on_own_loop(spy: LoopSpy, name: str, func: Callable[..., Any]) -> None:
    probe = Probe()
    coro = probe.returns_after_a_sleep()
    try:
        func(coro)
    except RuntimeError as error:
        if isinstance(error, NotImplementedError):
            raise
        if probe.loop is not None and probe.loop in spy.created and not spy.used():
            pass  # it ran the coroutine on a loop of its own, as claimed here, and failed later: other checks say so
        else:
            explain_missing_loop(error, f"{name}(coro)", func)
            # A loop it made, then misused (closed before running it, say), or one it keeps from an earlier call:
            # asyncio's error names that mistake.
            made = (bool(spy.created) or kept_closed_loop(error) is not None) and asyncio_fix(error)
            fail(
                f"{name}(coro) raised RuntimeError: {error}",
                expected="it makes a new loop with asyncio.new_event_loop() and runs the coroutine on it",
                fix=made or "asyncio.get_event_loop() does not make a loop you own; asyncio.new_event_loop() does.",
                at=student_line(error, func) if made else func,
            )
    finally:
        discard(coro)
    # asyncio.run runs a Runner from 3.11 on: name what the student called, the outer one
    used = spy.used() or next((n for n in ("asyncio.run", "asyncio.Runner") if n in probe.runners), None)
    if used:
        fail(
            f"{name} used {used}",
            expected="a loop of its own, made with asyncio.new_event_loop() and run with run_until_complete",
            fix="The point of this exercise is to do by hand what asyncio.run does: new_event_loop, "
            "run_until_complete, close.",
            at=func,
        )
    expect_started(probe, f"{name}(coro)", func)
    expect(
        probe.loop in spy.created,
        f"{name}(coro) ran the coroutine on a loop that existed before the call",
        expected="a new loop, made by asyncio.new_event_loop() during the call",
        at=func,
    )


@check("run_manually and run_until_all_done make their own loop, without asyncio.run or asyncio.Runner")
def test_builds_its_own_loop(loops: LoopSpy):
    for name in NAMES:
        _run_on_own_loop(loops, name, getattr(ex, name))


@check("after a coroutine returns, the loop is closed and not left behind as the current loop")
def test_closes_loop_on_success(loops: LoopSpy):
    for name in NAMES:
        func = getattr(ex, name)
        probe = Probe()
        coro = probe.returns_after_a_sleep()
        run_then_discard(func, coro, f"{name}(coro)")
        expect_closed(probe, f"{name}(coro)", func)
        expect_no_current_loop(probe, loops, name, func)
    # As in a fresh program, where no loop was ever set and asyncio.get_event_loop() makes one (3.10 to 3.13): a loop
    # "saved" from it to be set back is left current and open.
    for name in NAMES:
        func, probe = getattr(ex, name), Probe()
        with fresh_policy():
            try:
                run_then_discard(func, probe.returns_after_a_sleep(), f"{name}(coro)")
                expect_no_current_loop(probe, loops, name, func, " in a fresh program, where no loop had been set")
            finally:
                if (left := current_loop()) is not None and not left.is_running():
                    left.close()


@check("when the coroutine raises, or ends cancelled, run_manually closes the loop and raises that same exception")
def test_closes_loop_on_exception(loops: LoopSpy):
    probe = Probe()
    error = Boom("raised by the coroutine")
    coro = probe.raises_after_a_sleep(error)
    try:
        ex.run_manually(coro)
    except Boom as raised:
        expect(raised is error, f"run_manually raised another Boom, {raised!r}",
               expected="the very exception object the coroutine raised, not a copy",
               fix="Let the exception through: no `except` that raises a new one.",
               at=where(raised) or ex.run_manually)  # fmt: skip
    except (NotImplementedError, CheckFailure):
        raise
    except Exception as raised:
        explain_missing_loop(raised, "run_manually(coro)", ex.run_manually)
        if asyncio_fix(raised) is None and not follows_from(raised, error):
            raise  # run_manually failing on its own, as in the other checks: explained as any error of theirs is
        fail(f"run_manually raised {type(raised).__name__}: {raised}", expected=f"the coroutine's {error!r}",
             fix=asyncio_fix(raised) or "Let the coroutine's exception through unchanged.",
             at=student_line(raised, ex.run_manually) or ex.run_manually)  # fmt: skip
    else:
        expect_started(probe, "run_manually(coro)", ex.run_manually)
        returns = return_in_finally(ex.run_manually)
        caught = catching_handler(ex.run_manually, error)
        fail("run_manually returned although the coroutine raised", expected=f"the coroutine's {error!r}",
             fix=RETURN_IN_FINALLY if returns else "Do not catch the exception: a `try`/`finally` closes the loop and"
             " lets it through.", at=returns or caught or ex.run_manually)  # fmt: skip
    finally:
        discard(coro)
    expect_closed(probe, "run_manually(coro) (whose coroutine raised)", ex.run_manually)
    expect_no_current_loop(probe, loops, "run_manually", ex.run_manually, " when its coroutine raised")
    expect_closed_when_cancelled(ex.run_manually, "run_manually")


MISSES_BASE_EXCEPTIONS = (
    "`except Exception:` misses asyncio.CancelledError and KeyboardInterrupt, which are BaseExceptions."
)


def expect_closed_when_cancelled(func: Callable[..., Any], name: str, leaves_a_task: bool = False) -> Probe:
    """`func` closes its loop also when the coroutine ends cancelled: CancelledError is a BaseException (as
    KeyboardInterrupt is, a Ctrl-C), which an `except Exception:` that closes the loop lets by. With
    `leaves_a_task`, the coroutine leaves a task pending first; the probe returned tells what became of it."""
    probe = Probe()
    error = asyncio.CancelledError("cancelled by the check")
    coro = probe.leaves_a_task_then_raises(error) if leaves_a_task else probe.raises_after_a_sleep(error)
    try:
        func(coro)
    except asyncio.CancelledError:
        pass
    except (NotImplementedError, CheckFailure):
        raise
    except Exception as raised:
        explain_missing_loop(raised, f"{name}(coro), whose coroutine ended cancelled,", func)
        fail(f"{name}(coro), whose coroutine ended cancelled, raised {type(raised).__name__}: {raised}",
             expected="asyncio.CancelledError, as run_until_complete raises it", fix=asyncio_fix(raised),
             at=student_line(raised, func) or func)  # fmt: skip
    else:
        returns = return_in_finally(func)
        fail(f"{name}(coro) returned although its coroutine ended cancelled", expected="asyncio.CancelledError",
             fix=RETURN_IN_FINALLY if returns else "Let every exception through; close the loop in a `finally:` block.",
             at=returns or catching_handler(func, error) or func)  # fmt: skip
    finally:
        discard(coro)
    expect(
        probe.loop is None or probe.loop.is_closed(),
        f"when the coroutine of {name}(coro) ended cancelled, the loop was left open",
        expected="the loop is closed however the coroutine ends: returned, raised or cancelled",
        fix=f"Close the loop in a `finally:` block: {MISSES_BASE_EXCEPTIONS}",
        at=CallIn(func, ("close", "new_event_loop"), "new_event_loop"),
    )
    return probe


@check("run_until_all_done lets the tasks still pending finish, then returns the coroutine's result")
def test_waits_for_pending_tasks():
    probe = Probe()
    coro = probe.leaves_tasks_behind()
    got = run_then_discard(ex.run_until_all_done, coro)
    expect_tasks_finished(probe, "run_until_all_done(coro)", ex.run_until_all_done)
    expect(probe.events == ["first", "second"], f"the pending tasks got as far as {probe.events}",
           expected="both ran to the end", fix=WAIT_FOR_TASKS, at=ex.run_until_all_done)  # fmt: skip
    fix, at = not_the_result(got, probe)
    expect(got is probe.result, f"run_until_all_done(coro) returned {got!r}", expected="the coroutine's own result",
           fix=fix, at=at)  # fmt: skip
    expect_closed(probe, "run_until_all_done(coro)", ex.run_until_all_done)
    expect_runs_however_long(ex.run_until_all_done, "run_until_all_done", leaves_a_task=True)


@check("run_until_all_done also waits for tasks that the pending tasks start", depends=("waits_for_pending_tasks",))
def test_waits_for_tasks_started_later():
    probe = Probe()
    coro = probe.leaves_a_task_that_starts_others()
    run_then_discard(ex.run_until_all_done, coro)
    if "last generation" not in probe.events:
        fail(
            f"the main coroutine left a task that starts the next, {GENERATIONS} in a chain, each once the main"
            f" coroutine had returned; the last never finished: only {len(probe.tasks)} of the {GENERATIONS} had been"
            f" started ({describe_tasks(probe)})",
            expected="run_until_all_done waits until no task at all is left on the loop",
            fix="Tasks you wait for may start new ones: ask asyncio.all_tasks(loop) again after each wait, "
            "until it is empty.",
            at=ex.run_until_all_done,
        )
    expect_closed(probe, "run_until_all_done(coro)", ex.run_until_all_done)


@check("run_until_all_done shuts down async generators once every task is done, before it closes the loop")
def test_shuts_down_async_generators():
    finished: list[str] = []
    generators = []  # held here, so that only shutdown_asyncgens() can finish the generator, never the GC

    async def numbers():
        try:
            yield 1
            yield 2
        finally:
            await asyncio.sleep(0)  # only a running loop can get past this
            finished.append("cleanup")

    async def main():
        generators.append(numbers())
        return await generators[0].__anext__()

    coro = main()
    try:
        run(ex.run_until_all_done, coro)
        cleaned_up = finished == ["cleanup"]
    finally:
        discard(coro)
        for generator in generators:
            _finish_outside(generator)
    expect(
        cleaned_up,
        "an async generator left half-way through never ran its `finally` block",
        expected="run_until_all_done closes unfinished async generators before closing the loop",
        fix="Before loop.close(), run loop.run_until_complete(loop.shutdown_asyncgens()).",
        at=ex.run_until_all_done,
    )
    _expect_generators_outlive_their_tasks()


async def _counting():
    for number in (1, 2, 3):
        yield number


def _expect_generators_outlive_their_tasks() -> None:
    """A task still iterating an async generator when the main coroutine returns gets all of its items: the
    generators are shut down after the tasks are done, not under them."""
    probe = Probe()
    received: list[int] = []

    async def consumer(first: asyncio.Event) -> None:
        async for number in _counting():
            received.append(number)
            if number == 1:
                first.set()
                await probe.until_the_loop_waits()  # pending, with its generator half-way, until the loop waits

    async def main():
        probe.note_loop()
        first = asyncio.Event()
        probe.start(consumer(first))
        await first.wait()
        return probe.result

    coro = main()
    run_then_discard(ex.run_until_all_done, coro)
    task = probe.tasks[0] if probe.tasks else None
    if task is None or not task.done() or task.cancelled():
        return  # the task never finished: waits_for_pending_tasks' claim, not this one's
    expect(
        received == [1, 2, 3],
        f"a task left pending while it iterated an async generator got {received} of its items [1, 2, 3]:"
        " shutdown_asyncgens() closed the generator under the task, before the task was done",
        expected="every task done first, then the async generators shut down, then the loop closed",
        fix="Shut the generators down only after the wait for the tasks: `while pending := asyncio.all_tasks(loop):"
        " ...`, then loop.run_until_complete(loop.shutdown_asyncgens()), then loop.close().",
        at=ex.run_until_all_done,
    )


def _finish_outside(generator: AsyncGenerator[Any, Any]) -> None:
    """Finish a generator the student's code left open, on a loop of ours, so it does not warn in a later check."""
    if generator.ag_frame is None or generator.ag_running:
        return
    loop = asyncio.new_event_loop()
    try:
        loop.run_until_complete(generator.aclose())
    except Exception:
        pass  # it could only fail because its own loop is closed; nothing for the student to hear about here
    finally:
        loop.close()


@check("a background task that fails, or that another task cancels, does not change run_until_all_done's result")
def test_background_failure_does_not_change_result():
    probe = Probe()

    async def fails_later() -> None:
        await probe.until_the_loop_waits()
        await asyncio.sleep(0.01)
        raise probe.plant(Boom("raised by a background task"))

    async def waits_for_ever() -> None:
        await asyncio.Event().wait()

    async def cancels_after(failing: asyncio.Task, task: asyncio.Task) -> None:
        # Once the failing task is done, and the loop waits again: a wait that stopped at its exception and went round
        # again (`except Exception:`) meets the cancel in its next round, however the machine times the two.
        await asyncio.wait([failing])
        await probe.until_the_loop_waits()
        await asyncio.sleep(0.01)
        task.cancel()

    async def main():
        probe.note_loop()
        failing = probe.start(fails_later())
        victim = asyncio.get_running_loop().create_task(waits_for_ever())
        probe.bystanders.append(victim)
        probe.start(cancels_after(failing, victim))
        probe.start(probe.sleep_then_note(0.03, "slow task"))
        return probe.result

    coro = main()
    try:
        got = run(ex.run_until_all_done, coro)
    except TIMEOUTS as raised:
        timed_out(raised, "run_until_all_done(coro)", ex.run_until_all_done)
    except Boom as raised:
        fail(
            "run_until_all_done raised the exception of a background task",
            expected="the main coroutine's result; a background task's exception is only logged by asyncio",
            fix="Wait with asyncio.wait(pending), which does not raise, or asyncio.gather(*pending, "
            "return_exceptions=True).",
            at=student_line(raised, ex.run_until_all_done) or ex.run_until_all_done,  # the wait that raised it
        )
    except asyncio.CancelledError as raised:
        fail(
            "run_until_all_done raised CancelledError: a background task was cancelled (by another task), and the"
            " wait for it raised that in place of the result",
            expected="the main coroutine's result; a cancelled background task is simply done",
            fix="asyncio.CancelledError is a BaseException, which `except Exception:` does not catch. Wait with"
            " asyncio.wait(pending), which raises nothing, or asyncio.gather(*pending, return_exceptions=True), which"
            " returns the CancelledError as a value.",
            at=student_line(raised, ex.run_until_all_done) or ex.run_until_all_done,
        )
    finally:
        discard(coro)
    fix, at = not_the_result(got, probe)
    expect(got is probe.result, f"run_until_all_done(coro) returned {got!r}", expected="the coroutine's own result",
           fix=fix, at=at)  # fmt: skip
    expect_tasks_finished(probe, "run_until_all_done(coro)", ex.run_until_all_done)
    expect(probe.events == ["slow task"], "the slow background task did not finish",
           expected="every task finishes, whether another one failed or not", fix=WAIT_FOR_TASKS,
           at=ex.run_until_all_done)  # fmt: skip


def _waits_for_later_tasks() -> bool:
    """Whether run_until_all_done, given a coroutine that returns, waits for the tasks that pending tasks start."""
    probe = Probe()
    coro = probe.leaves_a_task_that_starts_others()
    try:
        ex.run_until_all_done(coro)
    except Exception:
        return False
    finally:
        discard(coro)
    return "last generation" in probe.events


@check(
    "when the coroutine raises or ends cancelled, run_until_all_done still waits for the pending tasks, then"
    " closes the loop and raises that exception, not a background task's"
)
def test_reraises_after_waiting(loops: LoopSpy):
    probe = Probe()
    error = Boom("raised by the main coroutine")

    async def fails_later() -> None:
        await probe.until_the_loop_waits()
        raise probe.plant(LookupError("raised by a background task"))

    async def main():
        probe.note_loop()
        probe.start(fails_later())
        probe.start(probe.sleep_then_note(0.03, "pending task"))
        probe.start(probe.starts_a_generation(GENERATIONS - 1))  # the wait goes on until no task is left, here too
        await asyncio.sleep(0)
        raise error

    coro = main()
    try:
        ex.run_until_all_done(coro)
    except Boom as raised:
        expect(raised is error, f"run_until_all_done raised another Boom, {raised!r}",
               expected="the very exception object the coroutine raised, not a copy",
               at=where(raised) or ex.run_until_all_done)  # fmt: skip
    except (NotImplementedError, CheckFailure):
        raise
    except TIMEOUTS as raised:
        timed_out(raised, "run_until_all_done(coro)", ex.run_until_all_done)
    except Exception as raised:
        explain_missing_loop(raised, "run_until_all_done(coro)", ex.run_until_all_done)
        background = isinstance(raised, LookupError) and str(raised) == "raised by a background task"
        fail(
            f"run_until_all_done raised {type(raised).__name__}: {raised}"
            + (", instead of the main coroutine's exception" if background else ""),
            expected=f"the coroutine's {error!r}",
            fix="Wait for the pending tasks without raising their errors, with asyncio.wait(pending) or"
            " asyncio.gather(*pending, return_exceptions=True), then raise the coroutine's own exception."
            if background
            else asyncio_fix(raised),
            at=ex.run_until_all_done
            if background
            else student_line(raised, ex.run_until_all_done) or ex.run_until_all_done,
        )
    else:
        returns = return_in_finally(ex.run_until_all_done)
        fail("run_until_all_done returned although the coroutine raised", expected=f"the coroutine's {error!r}",
             fix=RETURN_IN_FINALLY if returns else "Do not catch the coroutine's exception: wait for the pending tasks"
             " in a `finally:` block, which runs and then lets the exception through.",
             at=returns or catching_handler(ex.run_until_all_done, error) or ex.run_until_all_done)  # fmt: skip
    finally:
        discard(coro)
    first = probe.tasks[:3]  # the tasks main() started; those after them were started by its chain since
    if "last generation" not in probe.events and all(t.done() and not t.cancelled() for t in first):
        if _waits_for_later_tasks():  # on the way out for a return it does: only the way out for an exception stops
            fail(
                "when the coroutine raised, run_until_all_done waited for the tasks pending then, but closed the loop"
                f" with the tasks they had started since unfinished ({describe_tasks(probe)}); when the coroutine"
                " returns, it waits for those too",
                expected="however the coroutine ends, every task on the loop is done before the loop is closed",
                fix="Wait the same way on both ways out, in the `finally:` block: ask asyncio.all_tasks(loop) again"
                " after each wait, until it is empty.",
                at=ex.run_until_all_done,
            )
        probe.tasks[:] = first  # it never waits for the tasks started later: waits_for_tasks_started_later says so
    expect_tasks_finished(
        probe, "run_until_all_done(coro) (whose coroutine raised)", ex.run_until_all_done, fix=wait_when_raised_fix()
    )
    expect_closed(probe, "run_until_all_done(coro) (whose coroutine raised)", ex.run_until_all_done)
    expect_no_current_loop(probe, loops, "run_until_all_done", ex.run_until_all_done, " when its coroutine raised")
    expect_closed_when_cancelled(ex.run_until_all_done, "run_until_all_done")
    probe = expect_closed_when_cancelled(ex.run_until_all_done, "run_until_all_done", leaves_a_task=True)
    expect_tasks_finished(
        probe,
        "run_until_all_done(coro) (whose coroutine ended cancelled)",
        ex.run_until_all_done,
        fix="Wait for the pending tasks in a `finally:` block, which runs however run_until_complete ends: "
        + MISSES_BASE_EXCEPTIONS
        if "except Exception" in source_of(ex.run_until_all_done)
        else wait_when_raised_fix(),
    )


def wait_when_raised_fix() -> str:
    """WAIT_ALSO_WHEN_RAISED, unless the student's code asks for the tasks in a `finally:` block already: then what
    it waits for falls short, whichever way the coroutine ended (`while len(all_tasks(loop)) > 1`, say)."""
    asks = named_in_finally(ex.run_until_all_done, "all_tasks") is not None
    return WAIT_FOR_TASKS if asks else WAIT_ALSO_WHEN_RAISED
