"""The pytest plugin that runs inside each suite's process (`-p grader.plugin`).

Without the grader around (a maintainer running `pytest` on a suite) it only registers the `check` marker.
Launched by the runner, it reads its `RunSetup` from stdin, imports the student's module under guard, arms
a timer on every check, turns each check's outcome into a `Verdict`, and streams events to the parent on
a private pipe. The parent trusts nothing else this process says.
"""

from __future__ import annotations

import ast
import contextlib
import dataclasses
import faulthandler
import importlib
import os
import re
import signal
import sys
import tempfile
from collections.abc import Generator
from pathlib import Path
from types import FrameType, TracebackType
from typing import NoReturn

import pytest
from pytest_socket import disable_socket

from grader.asyncio_mistakes import read_from_an_awaitable
from grader.diagnose import (
    UNEXPLAINED,
    ImportFailure,
    Verdict,
    async_where_the_stub_has_def,
    explain_failure,
    explain_import_error,
    explain_timeout,
    tampering,
)
from grader.guard import GraderSnapshot, changes_since, restore
from grader.interactive import breakpoint_message, stop_at_breakpoints
from grader.messages import clip, plain_reprs, printed_not_returned
from grader.model import NOT_IMPLEMENTED, Location, Outcome, Status
from grader.printed import PrintedDuringCheck
from grader.protocol import EVENTS_FD_ENV, EventWriter, RunSetup
from grader.sandbox import confine
from grader.stub_parameters import parameters_unlike_the_stub
from grader.student_code import student_location
from grader.unawaited import Unawaited, UnawaitedWatch, note_unawaited

MESSAGE_LIMIT = 2000
"""Characters of a verdict's message, expected value and fix sent to the parent: far more than any output shows."""


def check_name(item: pytest.Item) -> str:
    return getattr(item, "originalname", item.name).removeprefix("test_")


def _named_in(nodeid: str) -> str:
    """The check that pytest's `nodeid` runs: `suite.py::test_doubles` runs `doubles`."""
    return nodeid.rsplit("::", 1)[-1].removeprefix("test_")


def _file_of(module: str) -> str:
    """The student's file that the dotted `module` is, as messages name it: `exercises/ex01_futures.py`."""
    return module.replace(".", "/") + ".py"


def _title(suite: object, name: str) -> str:
    """The human title of check `name` in the suite module `suite` (students never see check ids)."""
    marks = getattr(getattr(suite, f"test_{name}", None), "pytestmark", [])
    return next((m.args[0] for m in marks if m.name == "check" and m.args), name.replace("_", " "))


def _involves(verdict: Verdict, name: str) -> bool:
    """Whether a failed check's verdict is about the student's function `name`: it names it, or points at it."""
    said = f"{verdict.message} {verdict.expected or ''}"
    return re.search(rf"\b{re.escape(name)}\b", said) is not None or (
        verdict.location is not None and verdict.location.function == name
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "check(title, depends=()): a graded check; points live in exercises.toml")
    fd = os.environ.pop(EVENTS_FD_ENV, None)
    if fd is None:
        return
    import_what_the_suites_import(config.args)
    setup = RunSetup.from_json(sys.stdin.readline())
    sys.stdin.close()  # the nonce is ours alone; student code reads nothing from here
    _confine(setup)
    faulthandler.register(signal.SIGUSR1, all_threads=True)  # the parent asks where a hung check is stuck
    config.pluginmanager.register(GradingSession(setup, EventWriter(int(fd), setup.nonce)), "grader-session")


def import_what_the_suites_import(args: list[str]) -> None:
    """Import the suites' own dependencies (aiohttp, requests, freezegun, the probes) before the setup arrives.

    A warm start (`suite_process.WarmStart`) waits for its setup with these already loaded, so they cost the grading
    nothing. The student's module is not among them: a suite imports it through `grader.testing.student`, which
    is a call, not an import statement.

    A probe imported as `from grader.probes import work` is a module too, and must be loaded here: it binds what
    it relies on (`os.getpid`) before the student's module can patch it.
    """
    for suite in {arg.partition("::")[0] for arg in args}:
        for node in ast.parse(Path(suite).read_bytes()).body:
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                package = _try_import(node.module)
                if hasattr(package, "__path__"):  # `from package import module`: the names may be modules
                    for alias in node.names:
                        _try_import(f"{node.module}.{alias.name}")
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    _try_import(alias.name)


def _try_import(name: str) -> object:
    with contextlib.suppress(ImportError):  # the suite's own import says it better, in its place
        return importlib.import_module(name)
    return None


def _confine(setup: RunSetup) -> None:
    """Sandbox this process before the student's module is imported; temporary files go to the workspace."""
    scratch = os.path.join(setup.root, "tmp")
    os.makedirs(scratch, exist_ok=True)
    os.environ["TMPDIR"] = scratch
    tempfile.tempdir = None
    confine(setup.root, setup.cgroup, setup.memory_limit)


class GradingSession:
    def __init__(self, setup: RunSetup, events: EventWriter) -> None:
        self.setup = setup
        self.events = events
        self.failed = set(setup.failed_before)
        self.garbage_since_failure = False
        """A check failed in this process since the last collection: what its code dropped may wait in a cycle."""
        self.not_implemented: set[str] = set()
        self.verdicts: dict[str, tuple[Verdict, float]] = {}
        self.running = ""
        self.printed: PrintedDuringCheck | None = None
        self.environ = os.environ
        """The environment mapping itself, put back should a student's code replace it (`os.environ = {}`)."""
        self.environment = dict(os.environ), os.getcwd()
        self.unawaited: list[Unawaited] = []
        self.unawaited_watch = UnawaitedWatch(setup.root)
        self.grader_code: GraderSnapshot | None = None
        self.breakpoints: list[Location | None] = []
        """Where the student's code called breakpoint() since the current check began (or during the import)."""
        self.wrong_kinds: list[tuple[str, Verdict]] = []
        """A function of the student's unlike the stub's (`async def`, parameters reordered), and what to say of it."""
        # Held here, taken before any student code ran: rebinding grader.guard's or this module's names later
        # does not change what the checks below call.
        self._changes_since, self._restore, self._explain = changes_since, restore, explain_failure

    def pytest_sessionstart(self, session: pytest.Session) -> None:
        self.events.send("importing")
        # From here to the end of the process: the student's file runs code when imported too (a demo left at its
        # end), and a thread or task of theirs may outlive a check. Unix sockets stay: event loops wake through them.
        disable_socket(allow_unix_socket=True)
        self.unawaited_watch.install()
        sys.path.insert(0, self.setup.root)
        # A file run as a script imports its neighbours by name (`from util import delay`); appended, that folder
        # can never shadow the standard library or an installed package.
        sys.path.append(os.path.join(self.setup.root, "exercises"))
        relpath = _file_of(self.setup.module)
        self.grader_before = self._snapshot()
        stop_at_breakpoints(self.setup.root, self.breakpoints)
        try:
            module = importlib.import_module(self.setup.module)
        except BaseException as exc:
            if self.breakpoints:
                happened, fix = breakpoint_message(self.breakpoints[0])
                self._import_failed(
                    ImportFailure(Outcome.IMPORT_ERROR, f"importing {relpath}: {happened}. {fix}", self.breakpoints[0])
                )
            self._import_failed(explain_import_error(exc, exc.__traceback__, self.setup.root, relpath))
        self._fail_import_if_tampered(relpath, new_modules=True)
        expected_root = os.path.realpath(self.setup.root)
        if not os.path.realpath(module.__file__ or "").startswith(expected_root + os.sep):
            raise RuntimeError(f"{self.setup.module} was imported from {module.__file__}, not the submission")
        self.wrong_kinds = [*async_where_the_stub_has_def(module), *parameters_unlike_the_stub(module)]
        self.events.send("imported")

    def _import_failed(self, failure: ImportFailure) -> NoReturn:
        self.events.send(
            "import_error",
            outcome=failure.outcome.value,
            message=failure.message,
            location=failure.location.__dict__ if failure.location else None,
        )
        os._exit(0)  # nothing else can run meaningfully, and student threads must not keep us alive

    def _fail_import_if_tampered(self, relpath: str, *, new_modules: bool = False) -> None:
        if changed := self._changes_since(self.grader_before, new_modules=new_modules):
            self._import_failed(ImportFailure(Outcome.IMPORT_ERROR, tampering(relpath, changed, "when imported"), None))

    def pytest_collectreport(self, report: pytest.CollectReport) -> None:
        """The suite could not be loaded (after the student's module was imported): say why, in one line of the
        exception, never pytest's report with the grader's paths."""
        if report.failed:
            lines = report.longreprtext.strip().splitlines() or [""]
            said = next((line[1:].strip() for line in reversed(lines) if line.startswith("E ")), lines[-1])
            said = re.sub(r":? '/[^']*'", "", said)  # the grader's paths: not theirs
            self.events.send("collect_error", message=clip(said, 300))

    def pytest_collection_finish(self, session: pytest.Session) -> None:
        self._fail_import_if_tampered(_file_of(self.setup.module))  # a thread of it, meanwhile
        self.grader_code = self._snapshot()  # now with the suite's own module

    def _snapshot(self) -> GraderSnapshot:
        snapshot = GraderSnapshot().pin("the grader's event channel", self.events)
        return snapshot.pin("the grading session", self, ("setup", "events", "_changes_since", "_restore", "_explain"))

    def pytest_runtest_logstart(self, nodeid: str) -> None:
        self.running = _named_in(nodeid)
        # A check's verdict must not rest on what an earlier one left: PYTHONASYNCIODEBUG set by the student's code,
        # say, puts every later loop in debug mode. Put back as the check ends.
        with contextlib.suppress(Exception):  # a working directory removed by the last check: the one noted before
            self.environment = dict(self.environ), os.getcwd()
        self.printed = PrintedDuringCheck.install()
        self.breakpoints.clear()
        self.events.send("begin", name=self.running)
        signal.signal(signal.SIGALRM, self._out_of_time)
        signal.setitimer(signal.ITIMER_REAL, self.setup.time_limit)

    def _out_of_time(self, signum: int, frame: FrameType | None) -> None:
        """The check overran its limit: report where the student's code was, and end this process.

        Raising instead would not stop it: inside a task the exception is only stored in the task, and a loop
        wrapped in `except BaseException` swallows it. The parent re-runs the remaining checks in a new process.
        """
        limit = self.setup.time_limit
        self._report(self.running, explain_timeout(frame, self.setup.root, limit), limit)
        os._exit(0)

    def pytest_runtest_setup(self, item: pytest.Item) -> None:
        marker = item.get_closest_marker("check")
        for dependency in marker.kwargs.get("depends", ()) if marker else ():
            if dependency in self.failed and dependency not in self.not_implemented:
                pytest.skip(f'can\'t check this until the check "{_title(item.module, dependency)}" passes')

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtest_call(self, item: pytest.Item) -> None:
        self.unawaited_watch.start(after_a_failure=self.garbage_since_failure)
        self.garbage_since_failure = False

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_makereport(
        self, item: pytest.Item, call: pytest.CallInfo[None]
    ) -> Generator[None, pytest.TestReport, pytest.TestReport]:
        report = yield
        if call.when == "call":
            self.unawaited = self.unawaited_watch.stop()
        name = check_name(item)
        if name in self.verdicts and self.verdicts[name][0].status is not Status.PASSED:
            return report  # the first phase that went wrong is the story
        duration = report.duration if call.when == "call" else self.verdicts.get(name, (None, 0.0))[1]
        if report.skipped:
            reason = call.excinfo.value.msg if call.excinfo else "skipped"
            verdict = Verdict(Status.SKIPPED, str(reason))
        elif report.failed and call.excinfo is not None:
            # Tampering first: a check that disarmed the grader's code raises failures the grader cannot read.
            verdict = self._tampering() or self._explained(call.excinfo.value, call.excinfo.tb, call.when)
            if call.when == "teardown":
                verdict.message = f"after the check itself passed, cleaning up failed: {verdict.message}"
        else:
            verdict = Verdict(Status.PASSED, "")
        self.verdicts[name] = (verdict, duration)
        return report

    def _explained(self, exc: BaseException, tb: TracebackType | None, when: str) -> Verdict:
        """What `exc`, which ended the check's phase `when`, says to the student. Never raises: an error in a pytest
        hook ends the whole process (exit code 3), which would cost every check after this one its own verdict."""
        try:
            verdict = self._explain(exc, tb, self.setup.root)
            if when == "call" and not verdict.message.startswith(NOT_IMPLEMENTED) and not read_from_an_awaitable(exc):
                verdict = note_unawaited(verdict, self.unawaited, tb, self.setup.root)
        except BaseException:  # the student's exception's own methods run here: they may raise anything, SystemExit too
            try:
                name, where = type(exc).__name__, student_location(tb, self.setup.root)
            except BaseException:
                name, where = "an exception", None
            verdict = Verdict(Status.FAILED, f"the check failed with {name} {UNEXPLAINED}", location=where)
        return verdict

    def _tampering(self) -> Verdict | None:
        """The verdict for a check that changed the grader's code, which is put back; None when it did not."""
        if self.grader_code is None or not (changed := self._changes_since(self.grader_code)):
            return None
        self._restore(self.grader_code)
        return Verdict(Status.FAILED, tampering(_file_of(self.setup.module), changed, "in this check"))

    def _stopped_at_breakpoint(self) -> Verdict | None:
        """The verdict for a check in which the student's code called breakpoint(), even one it got past by
        catching what the call raised: code that would stop in a debugger is not finished; None when none was."""
        if not self.breakpoints:
            return None
        happened, fix = breakpoint_message(self.breakpoints[0])
        return Verdict(Status.FAILED, happened, fix=fix, location=self.breakpoints[0])

    @pytest.hookimpl(tryfirst=True)  # before pytest's reporter spends the check's time formatting the traceback
    def pytest_keyboard_interrupt(self, excinfo: pytest.ExceptionInfo[BaseException]) -> None:
        """The student's code raised KeyboardInterrupt (nothing from outside signals this process group): pytest
        ends the session, so say so for the check that raised it; the parent re-runs the rest in a new process."""
        if self.running:  # between checks, nothing is left to report
            signal.setitimer(signal.ITIMER_REAL, 0)
            self._report(self.running, self._explained(excinfo.value, excinfo.tb, "interrupt"), 0.0)

    def pytest_runtest_logfinish(self, nodeid: str) -> None:
        signal.setitimer(signal.ITIMER_REAL, 0)
        name = _named_in(nodeid)
        verdict, duration = self.verdicts.pop(name, (Verdict(Status.FAILED, "the check produced no result"), 0.0))
        self._report(name, verdict, duration)
        if self.printed is not None:
            self.printed.uninstall()
            self.printed = None
        self._put_environment_back()

    def _put_environment_back(self) -> None:
        """The environment variables and working directory as the check found them. Never raises (a hook that
        raises ends the process): a directory the check removed, say, is left; the next check needs none."""
        variables, directory = self.environment
        os.environ = self.environ  # noqa: B003 -- the mapping object itself, which a student may have replaced
        with contextlib.suppress(Exception):
            if dict(os.environ) != variables:
                os.environ.clear()
                os.environ.update(variables)
        with contextlib.suppress(Exception):
            os.chdir(directory)

    def _report(self, name: str, verdict: Verdict, duration: float) -> None:
        """Send a check's verdict, unless the check changed the grader's code: then that is the verdict (and the
        code is put back). Every path to a result goes through here, however the check ended."""
        verdict = self._tampering() or self._stopped_at_breakpoint() or verdict
        if verdict.status is not Status.PASSED:
            self.failed.add(name)
            self.garbage_since_failure = True
            if verdict.message.startswith(NOT_IMPLEMENTED):
                self.not_implemented.add(name)
        wrong = next((kind for name, kind in self.wrong_kinds if _involves(verdict, name)), None)
        if wrong is not None and wrong.cause is not None and verdict.cause == wrong.cause:
            wrong = None  # the check's own words for that cause, which say more (ex01's for make_request)
        if verdict.status is Status.FAILED and wrong is not None:
            verdict = dataclasses.replace(wrong)  # the cause, told the same way by every check it fails
        # asyncio's reprs of futures and tasks, in a message of a check or of an exception, say nothing to a student.
        # Clipped: a message holds reprs of what the student's code returned, and a list of a million numbers made
        # the result event itself megabytes long, which the parent stopped as "printed more than 8 MB".
        verdict.message = clip(plain_reprs(verdict.message), MESSAGE_LIMIT)
        verdict.expected = clip(plain_reprs(verdict.expected), MESSAGE_LIMIT) if verdict.expected else verdict.expected
        verdict.fix = clip(verdict.fix, MESSAGE_LIMIT) if verdict.fix else verdict.fix
        printed = self.printed.text() if self.printed is not None and verdict.status is not Status.PASSED else ""
        if said := printed_not_returned(verdict.message, printed, verdict.expected):
            verdict.fix = f"{said} {verdict.fix}" if verdict.fix else said
        self.events.send("result", name=name, duration=duration, printed=printed, **verdict.to_event())
        self.running = ""
