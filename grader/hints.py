"""Hints that unfold one at a time: how many of an exercise's hints the student has seen, remembered in the state."""

from __future__ import annotations

from pathlib import Path

from grader import state
from grader.catalog import Exercise


def reveal(root: Path, exercise: Exercise, *, everything: bool = False) -> tuple[int, bool]:
    """Show one more hint (or all of them) from now on; returns (hints now shown, whether one was added)."""
    total = len(exercise.hints)
    with state.updating(root) as current:
        entry = current.of(exercise.id)
        before = min(entry.hints_shown, total)
        entry.hints_shown = total if everything else min(before + 1, total)
        return entry.hints_shown, entry.hints_shown > before


def shown(root: Path, exercise: Exercise) -> int:
    return min(state.load(root).of(exercise.id).hints_shown, len(exercise.hints))
