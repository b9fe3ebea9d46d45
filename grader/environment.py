"""Can this Python run the kit? Said before anything fails obscurely, with what to do about it.

Kept free of third-party imports and of syntax newer than Python 3.7, so that the message reaches a student who
runs the grader with an old or bare Python.
"""

from __future__ import annotations

import importlib.util
import sys

MIN_PYTHON = (3, 10)
SUPPORTED = "3.10 to 3.13"

REQUIRED = {
    # import name: distribution name (what `pip install` takes)
    "click": "click",
    "rich": "rich",
    "watchfiles": "watchfiles",
    "pytest": "pytest",
    "pytest_asyncio": "pytest-asyncio",
    "pytest_socket": "pytest-socket",
    "aiohttp": "aiohttp",
    "aioresponses": "aioresponses",
    "requests": "requests",
    "requests_mock": "requests-mock",
    "freezegun": "freezegun",
}
"""What the suites and the CLI import; pyproject.toml lists the versions."""

_MAKE_VENV = "python3 -m venv .venv && .venv/bin/python -m pip install ."
"""The student README's first command: `install`, not `install -e`, so the grader installed is not the files a student
might edit (the kit's maintainers install with `-e`, as its own README says)."""


def python_problem(version: tuple[int, ...] | None = None) -> str | None:
    """One paragraph saying why `version` (default: this Python) cannot run the kit, or None when it can."""
    version = tuple(version or sys.version_info)[:3]
    if version >= MIN_PYTHON:
        return None
    shown = ".".join(str(part) for part in version)
    return (
        f"the grader needs Python {SUPPORTED}, and this is Python {shown} ({sys.executable}).\n"
        "Make the kit's virtual environment with a newer Python, in the kit's folder (--clear replaces a .venv\n"
        "that an older Python made):\n"
        "    python3.12 -m venv --clear .venv && .venv/bin/python -m pip install .\n"
        "then run .venv/bin/grader (or activate the environment: source .venv/bin/activate)."
    )


def platform_problem(platform: str | None = None) -> str | None:
    """Why this operating system cannot run the grader, or None when it can (Linux, macOS and other Unixes)."""
    platform = platform or sys.platform
    if not platform.startswith("win"):
        return None
    return (
        "the grader runs on Linux and macOS, not on Windows itself: it confines each suite with process groups,\n"
        "POSIX signals and resource limits, which Windows lacks. Use WSL (in PowerShell: wsl --install), then run\n"
        f"the kit from the Linux side: {_MAKE_VENV}"
    )


def missing_packages(names: set[str] | None = None) -> list[str]:
    """The distribution names of the required packages this Python cannot import, in a stable order."""
    missing = []
    for module, distribution in REQUIRED.items():
        if names is not None and module not in names:
            continue
        try:
            found = importlib.util.find_spec(module) is not None
        except (ImportError, ValueError):
            found = False
        if not found:
            missing.append(distribution)
    return missing


def missing_packages_problem(missing: list[str]) -> str | None:
    """The paragraph for packages that are not installed, or None when nothing is missing."""
    if not missing:
        return None
    return (
        f"the grader needs {', '.join(missing)}, which this Python ({sys.executable}) does not have.\n"
        "Run the grader of the kit's virtual environment, .venv/bin/grader (or source .venv/bin/activate first).\n"
        "If there is none yet, or it lacks them too, install the kit into it, in the kit's folder:\n"
        f"    {_MAKE_VENV}"
    )


def exit_if_unusable(names: set[str] | None = None) -> None:
    """For the CLI's first lines: print the problem and exit with the usage code (2), or return quietly."""
    problem = platform_problem() or python_problem() or missing_packages_problem(missing_packages(names))
    if problem:
        sys.stderr.write(f"error: {problem}\n")
        raise SystemExit(2)
