"""Grade a whole class: `plan` and `run_batch` (for `grader batch`); `merge` (for `grader merge`) is in merging.

discovery   which student repositories, and which shard of them
pool        (student, exercise) jobs over worker threads, each a confined pytest process of the core
stubs       untouched stubs graded once per batch
records     one record per student, saved as each is graded; fingerprints for --resume
outputs     grades.csv, results.json, feedback/, report.html (gradebook, feedback, markdown, stats, report)
merging     several batch outputs (the shards of one class) joined into one
progress    a live bar on a terminal, plain lines elsewhere
"""

from __future__ import annotations

import os
import resource
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from grader.batch import outputs
from grader.batch.discovery import Student, discover, misplaced, name_order, select_shard
from grader.batch.pool import Graded, Pool
from grader.batch.progress import LineProgress, TerminalProgress
from grader.batch.records import GRADER_ERROR, RecordStore, StudentRecord, failed, graded, grading_inputs_fingerprint
from grader.catalog import Exercise
from grader.errors import GradingCancelled, UsageError
from grader.identity import grader_version
from grader.messages import safe_line

LEFT_OUT = "left-out"
"""Where `--resume` moves the records of students no longer under the ROOTs, inside `--out`."""


@dataclass
class BatchOptions:
    roots: list[Path]
    out: Path
    exercises: list[Exercise]
    jobs: int
    resume: bool = False
    shard: tuple[int, int] | None = None
    stub_shortcut: bool = True


@dataclass
class BatchSummary:
    students: int
    graded: int = 0
    reused: int = 0
    errors: list[str] = field(default_factory=list)
    interrupted: bool = False
    duration: float = 0.0
    peak_memory: float = 0.0
    """Megabytes of memory the grader's own process used at most (its suites' processes not included)."""


def refuse_out_inside_a_student(out: Path, students: list[Student]) -> None:
    """Raise `UsageError` when `out` is one of `students`' repositories or inside one (`grader merge` too)."""
    for student in students:
        if out == student.home or student.home in out.parents:
            raise UsageError(f"--out {out} is inside {student.id}'s repository, which the grader never writes to")


def _check_resume(out: Path, exercises: list[str], shard: str | None) -> None:
    """A resumed run finishes the earlier one: other exercises or another shard would silently re-grade
    everyone and drop the earlier columns, so that is refused with what to run instead."""
    earlier = outputs.read_manifest(out)
    if earlier is None:
        return
    before = earlier.get("exercises")
    if isinstance(before, list) and before != exercises:
        raise UsageError(
            f"--resume: the earlier run into {out} graded exercise(s) {','.join(map(str, before))}; this one grades "
            f"{','.join(exercises)}. To finish the earlier run, pass --exercises {','.join(map(str, before))}; to "
            f"grade everyone again on {','.join(exercises)}, leave out --resume (the earlier gradebook is replaced)."
        )
    if "shard" in earlier and earlier["shard"] != shard:
        same = f"--shard {earlier['shard']}" if earlier["shard"] else "no --shard"
        raise UsageError(
            f"--resume: the earlier run into {out} graded {_shard_name(earlier['shard'])}; this one grades "
            f"{_shard_name(shard)}: resume it with {same}, as it was graded, or choose another --out"
        )


def _shard_name(shard: object) -> str:
    return f"shard {shard}" if shard else "the whole class"


def incomplete_note(ungraded: list[str], students: int) -> str:
    """What the report's title adds for a gradebook that lacks students a run stopped before."""
    return f" (incomplete: {len(ungraded)} of {students} student(s) not graded yet)" if ungraded else ""


def _title(options: BatchOptions) -> str:
    names = ", ".join(root.resolve().name for root in options.roots)
    shard = f" (shard {options.shard[0]}/{options.shard[1]})" if options.shard else ""
    return f"Class report · {names}{shard}"


@dataclass
class Plan:
    """A batch whose arguments have all been checked (nothing written yet): what `run_batch` grades."""

    options: BatchOptions
    out: Path
    students: list[Student]
    skipped: list[str]
    """`frank.txt: not a folder`: entries of a class folder that are not students, and why."""
    notes: list[str]
    """Students of this run found in an unusual shape (`erin: no exercises/ folder; graded erin/repo/, …`), or
    whose exercise files are not where the grader looks (`discovery.misplaced`)."""
    shared: list[str] = field(default_factory=list)
    """Folders graded under two ids or more (`discovery.Discovery.shared`): said as warnings."""
    left_out: list[str] = field(default_factory=list)
    """With --resume: students an earlier run into `out` graded who are no longer under the ROOTs (a folder
    removed or renamed). Their records are moved to `OUT/left-out/` rather than kept for later runs or merges."""

    @property
    def left_out_warning(self) -> str | None:
        """What to tell the instructor about `left_out`, or None."""
        if not self.left_out:
            return None
        roots = ", ".join(str(root) for root in self.options.roots)
        names = ", ".join(map(safe_line, self.left_out[:10]))  # as their records are named: maybe from long ago
        if len(self.left_out) > 10:  # a whole re-cloned class gone: the count, not a screenful of names
            names += f" and {len(self.left_out) - 10} more"
        return (f"WARNING: graded earlier but no longer under {roots}: {names} — left out of this "
                f"gradebook (their records moved to {self.out / LEFT_OUT})")  # fmt: skip

    @property
    def replacing(self) -> str | None:
        """What to tell the instructor when this run replaces an earlier gradebook in `out` (no --resume), or None:
        a rerun with other --exercises would otherwise drop the earlier columns without a word."""
        earlier = None if self.options.resume else outputs.read_manifest(self.out)
        if earlier is None:
            return None
        before = earlier.get("exercises", [])
        exercises = ", ".join(str(e) for e in before) or "no exercise"
        resumable = before == [e.id for e in self.options.exercises] and earlier.get("shard") == self.shard
        instead = ("--resume instead keeps it and grades only what changed" if resumable  # else --resume refuses it
                   else "another --out keeps it")  # fmt: skip
        replaced = f"replacing the earlier gradebook in {self.out} (exercises {exercises})"
        return f"{replaced}: everyone is graded again; {instead}"

    @property
    def grader_changed(self) -> str | None:
        """What to tell the instructor when --resume will grade everyone again because the grader is not the one
        that graded the earlier run (a `git pull` of the kit, an edited suite), or None: a resume that silently
        took as long as the first run looked broken."""
        earlier = outputs.read_manifest(self.out) if self.options.resume else None
        before = earlier.get("grader_version") if earlier else None
        if not before or before == grader_version():
            return None
        return (f"--resume: the grader changed since the earlier run into {self.out} ({safe_line(str(before))}, now "
                f"{grader_version()}): everyone is graded again, by this grader")  # fmt: skip

    @property
    def shard(self) -> str | None:
        return f"{self.options.shard[0]}/{self.options.shard[1]}" if self.options.shard else None


def plan(options: BatchOptions) -> Plan:
    """Check everything about `options` (raising `UsageError`) before anything is printed, written or graded."""
    out = options.out.resolve()
    found = discover(options.roots, out)
    refuse_out_inside_a_student(out, found.students)
    outputs.check_folder(out)
    students = select_shard(found.students, options.shard)
    notes = [found.notes[s.id] for s in students if s.id in found.notes]
    notes += [line for s in students if (line := misplaced(s, options.exercises))]
    result = Plan(options, out, students, found.skipped, notes, found.shared)
    if options.resume:
        _check_resume(out, [e.id for e in options.exercises], result.shard)
        here = {s.id for s in students}
        result.left_out = sorted((s for s in RecordStore(out / "students").students() if s not in here), key=name_order)
    return result


def run_batch(planned: Plan, progress: LineProgress | TerminalProgress) -> BatchSummary:
    """Grade the class of `planned` into its `out`; Ctrl-C ends it early with what is graded written. A failure to
    write `out` (a full disk) raises `outputs.OutputsNotWritten`; the records saved before it are kept."""
    with outputs.writing_to(planned.out):
        return _run(planned, progress)


def _run(planned: Plan, progress: LineProgress | TerminalProgress) -> BatchSummary:
    started = time.perf_counter()
    options, out, students = planned.options, planned.out, planned.students
    store = RecordStore(out / "students")
    run = time.strftime("%Y%m%dT%H%M%S") + f"-{os.getpid()}"
    records: dict[str, StudentRecord] = {}
    fingerprints = {}
    todo = []
    for student in students:
        fingerprints[student.id] = grading_inputs_fingerprint(student.root, student.problem, options.exercises)
        earlier = store.load(student.id) if options.resume else None
        if earlier and earlier.fingerprint == fingerprints[student.id] and earlier.status != GRADER_ERROR:
            records[student.id] = earlier
        else:
            todo.append(student)
    # Until the run ends, the manifest counts everyone left as ungraded: a killed run (no chance to say so) leaves
    # a folder that `grader merge` refuses rather than merges as if its class were complete.
    manifest = {"grader_version": grader_version(), "exercises": [e.id for e in options.exercises],
                "shard": planned.shard, "roots": [str(r.resolve()) for r in options.roots],
                "ungraded": [s.id for s in todo]}  # fmt: skip
    outputs.prepare(out, manifest)
    if not options.resume:  # a new gradebook: neither its students' old records nor the ones set aside remain
        store.clear()
        RecordStore(out / LEFT_OUT).clear()
    store.set_aside(planned.left_out, out / LEFT_OUT)  # students/ holds the records of this gradebook only
    summary = BatchSummary(len(students), reused=len(records))

    def on_done(done: Graded) -> None:
        if done.result is None:
            record = failed(done.student.id, done.error or "unknown error", run)
            summary.errors.append(f"{record.student}: {record.error}")
        else:
            record = graded(done.student.id, done.result, fingerprints[done.student.id], run)
        store.save(record)
        records[record.student] = record
        summary.graded += 1
        progress.student_done(record)

    pool = Pool(options.exercises, options.jobs, stubs=options.stub_shortcut)
    try:
        with progress:
            progress.start(len(students), summary.reused)
            pool.grade(todo, on_done)
    except (KeyboardInterrupt, GradingCancelled):
        summary.interrupted = True
    finally:
        ordered = [records[s.id] for s in students if s.id in records]
        left = [s.id for s in students if s.id not in records]
        title = _title(options) + incomplete_note(left, len(students))
        outputs.write_all(out, ordered, options.exercises, title, ungraded=left)
        outputs.write_manifest(out, {**manifest, "ungraded": left})  # last: only once the gradebook is written
        summary.duration = time.perf_counter() - started
        summary.peak_memory = _peak_memory_mb()
    return summary


def _peak_memory_mb() -> float:
    """This process's peak resident memory. On Linux from VmHWM, the high-water mark of this process's own memory:
    ru_maxrss survives exec, so a grader started by a large process (a test run's worker of 120 MB) reported that
    process's size as its own, not the 30 MB it used."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024  # kB
    except (OSError, ValueError, IndexError):
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024**2 if sys.platform == "darwin" else peak / 1024  # bytes on macOS, kilobytes on Linux
