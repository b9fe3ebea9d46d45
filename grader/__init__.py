"""asyncio-kit's grader: runs the hidden suites against a student's `exercises/` and explains the verdicts."""

__version__ = "0.1.0"
