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

_INSTALL = "python -m pip install -e ."


def python_problem(version: tuple[int, ...] | None = None) -> str | None:
    """One paragraph saying why `version` (default: this Python) cannot run the kit, or None when it can."""
    version = tuple(version or sys.version_info)[:3]
    if version >= MIN_PYTHON:
        return None
    shown = ".".join(str(part) for part in version)
    return (
        f"the grader needs Python {SUPPORTED}, and this is Python {shown} ({sys.executable}).\n"
        "Make the kit's virtual environment with a newer Python, in the kit's folder:\n"
        "    python3.11 -m venv .venv && .venv/bin/python -m pip install -e .\n"
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
        "the kit from the Linux side: python3 -m venv .venv && .venv/bin/python -m pip install -e ."
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
        "Install the kit's dependencies into the Python you run the grader with, in the kit's folder:\n"
        f"    {_INSTALL}\n"
        "(inside the kit's virtual environment if you use one: .venv/bin/python -m pip install -e .)"
    )


def exit_if_unusable(names: set[str] | None = None) -> None:
    """For the CLI's first lines: print the problem and exit with the usage code (2), or return quietly."""
    problem = platform_problem() or python_problem() or missing_packages_problem(missing_packages(names))
    if problem:
        sys.stderr.write(f"error: {problem}\n")
        raise SystemExit(2)
