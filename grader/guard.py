"""Notice when a submission rewrites the grader's own code, and undo it.

The student's code runs in the process that judges it, so it can reach the judge: rebinding
`grader.testing.expect` at import, or `pytest.fail`, or a check function's `__code__`, would turn failures into
passes. A snapshot of the judging modules, taken before the student's code runs and compared after, catches that
casual forgery: the grader puts its code back and the submission loses the exercise (at import) or the check.
It is a tripwire, not a security boundary: code that digs through `gc` for the grader's objects is beyond it,
which is why instructors still read what looks too good.
"""

from __future__ import annotations

import sys
from pathlib import Path
from types import FunctionType, ModuleType

import grader

_WHOLE = ("grader", "pytest")
"""Packages whose every module attribute must stay bound as it was (`pytest` is only the public namespace)."""
_CODE_ONLY = ("_pytest", "pluggy", "pytest_asyncio", "pytest_socket")
"""Packages that rebind some globals themselves as tests run: only their functions' code and classes are watched."""
_GRADER_DIR = str(Path(grader.__file__).parent)
_MISSING = object()


def _kind(name: str, module: ModuleType) -> str | None:
    package = name.partition(".")[0]
    if package in _WHOLE or (getattr(module, "__file__", None) or "").startswith(_GRADER_DIR):  # suites too
        return "whole"
    return "code" if package in _CODE_ONLY else None


class GraderSnapshot:
    """The attributes of the judging modules and of their classes, and the code of their functions."""

    def __init__(self) -> None:
        self._namespaces: list[tuple[str, object, dict[str, object]]] = []
        self._codes: list[tuple[str, FunctionType, object]] = []
        for name, module in list(sys.modules.items()):
            kind = module is not None and _kind(name, module)
            if not kind:
                continue
            self._take(name, module, kind == "whole")
            for attr, value in vars(module).items():
                if isinstance(value, type) and value.__module__ == name:
                    self._take(f"{name}.{attr}", value, True)

    def _take(self, name: str, namespace: object, bindings: bool) -> None:
        attributes = dict(vars(namespace))
        if bindings:
            self._namespaces.append((name, namespace, attributes))
        for attr, value in attributes.items():
            if isinstance(value, FunctionType):
                self._codes.append((f"{name}.{attr}", value, value.__code__))

    def changes(self) -> list[str]:
        """The qualified names that were rebound, deleted or given other code since the snapshot."""
        changed = [
            f"{name}.{attr}"
            for name, namespace, attributes in self._namespaces
            for attr, value in attributes.items()
            if vars(namespace).get(attr, _MISSING) is not value
        ]
        return changed + [name for name, function, code in self._codes if function.__code__ is not code]

    def restore(self) -> None:
        for _, namespace, attributes in self._namespaces:
            for attr, value in attributes.items():
                if vars(namespace).get(attr, _MISSING) is not value:
                    setattr(namespace, attr, value)
        for _, function, code in self._codes:
            function.__code__ = code
