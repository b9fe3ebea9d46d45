"""The grader's own errors, translated into exit codes and one-line messages at the CLI boundary.

    GraderError                 anything the grader reports on purpose
    ├── UsageError              the user asked for something that does not exist (exit 2)
    │   ├── UnknownExercise
    │   ├── NoSubmission
    │   └── SetupProblem        wrong Python, missing package: the student can fix it, the message says how
    ├── InternalError           a bug or a broken installation of the kit (exit 3)
    │   └── CatalogError
    └── GradingCancelled        a grading stopped on request (`grader watch` after a new save); never shown

Problems in a student's code are never errors here: they are results (see `grader.model`).
"""


class GraderError(Exception):
    """Base of every error the grader raises on purpose."""


class UsageError(GraderError):
    """The command line named something that does not exist."""


class UnknownExercise(UsageError):
    pass


class NoSubmission(UsageError):
    pass


class SetupProblem(UsageError):
    """The Python running the grader cannot run the kit (too old, packages missing)."""


class InternalError(GraderError):
    """The kit itself is broken; a maintainer has to look."""


class CatalogError(InternalError):
    pass


class GradingCancelled(GraderError):
    """The caller asked a grading in progress to stop; its processes are gone and its result is void."""
