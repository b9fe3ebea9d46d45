"""The grader's own errors, translated into exit codes and one-line messages at the CLI boundary.

    GraderError                 anything the grader reports on purpose
    ├── UsageError              the user asked for something that does not exist (exit 2)
    │   ├── UnknownExercise
    │   └── NoSubmission
    ├── GradingCancelled        grading was stopped on purpose (Ctrl-C, a new save in `grader watch`)
    ├── MachineRefused          the machine refused what the grader needed, such as a file to write (exit 3)
    └── InternalError           a bug or a broken installation of the kit (exit 3)
        └── CatalogError

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


class GradingCancelled(GraderError):
    """A `suite_process.Cancellation` stopped the grading; the results in progress are discarded."""


class MachineRefused(GraderError):
    """A file the grader must write could not be (a full disk, a missing folder): not the kit's bug."""


class InternalError(GraderError):
    """The kit itself is broken; a maintainer has to look."""


class CatalogError(InternalError):
    pass
