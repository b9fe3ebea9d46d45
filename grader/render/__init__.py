"""Output formats: one module per format, each a `render(result, stream)` over the one results model.

Beside them, `console` holds the terminal primitives every text output shares, and `hints_text` and
`progress_text` print what `grader hint` and `grader status` say, which is no result of a grading."""

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


def writes_utf8(stream: TextIO) -> bool:
    """Whether `stream` takes any character as it is; JSON written elsewhere escapes what is not ASCII (`\\u00fc`),
    so that it stays valid JSON on a terminal or pipe set to ASCII."""
    return (getattr(stream, "encoding", None) or "utf-8").lower().replace("-", "") == "utf8"


def renderer(name: str) -> Renderer:
    """The `render` function of the format called `name` (imported only when asked for: start-up is speed)."""
    if name not in FORMATS:
        raise ValueError(f"unknown format {name!r}")
    return import_module(f"grader.render.{name}_format").render
