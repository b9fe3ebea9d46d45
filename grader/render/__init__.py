"""Output formats: one module per format, each a `render(result, stream)` over the one results model."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import TextIO

from grader.model import SubmissionResult

Renderer = Callable[[SubmissionResult, TextIO], None]

FORMATS = ("text", "json", "classroom", "gradescope", "junit")

STEP_FORMATS = frozenset({"classroom"})
"""Formats that one CI step hands to the next, which must run whatever the verdict: `grader check` exits 0 with
them (the verdict travels in the output) and writes the text report to stderr for the step's log."""


def renderer(name: str) -> Renderer:
    """The `render` function of the format called `name` (imported only when asked for: start-up is speed)."""
    if name not in FORMATS:
        raise ValueError(f"unknown format {name!r}")
    return import_module(f"grader.render.{name}_format").render
