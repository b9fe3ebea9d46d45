"""`python -m grader`. The first lines parse and run on any Python, even 2.7, to say clearly when it is too old
(newer ones get the same message from `grader.environment`, with the rest of the checks)."""

import sys

if sys.version_info < (3, 7):  # noqa: UP036 - where the rest of the grader cannot even be parsed
    sys.stderr.write(
        "error: the grader needs Python 3.10 to 3.13, and this is Python "
        + ".".join(str(part) for part in sys.version_info[:3])
        + " ("
        + sys.executable
        + ").\nMake the kit's virtual environment with a newer Python, in the kit's folder:\n"
        "    python3.12 -m venv --clear .venv && .venv/bin/python -m pip install .\n"
    )
    sys.exit(2)

from grader.cli import main

main()
