"""Notice when a submission rewrites the grader's own code, and undo it.

The student's code runs in the process that judges it, so it can reach the judge: rebinding
`grader.testing.expect` at import, or `pytest.fail`, or a check function's `__code__`, would turn failures into
passes. A snapshot of the judging modules, taken before the student's code runs and compared after, catches that
casual forgery: the grader puts its code back and the submission loses the exercise (at import) or the check.
The grader's own objects that carry the verdicts (the grading session, its event channel) are pinned the same way,
and so are the judging modules' entries in `sys.modules`. It is a tripwire, not a security boundary: code that
walks the call stack or digs through `gc` for the grader's objects can still write to the channel itself, which
is why instructors still read what looks too good.
"""

from __future__ import annotations

import operator
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from types import BuiltinFunctionType, FunctionType, ModuleType

import grader

_WHOLE = ("grader", "pytest")
"""Packages whose every module attribute must stay bound as it was (`pytest` is only the public namespace)."""
_CODE_ONLY = ("_pytest", "pluggy", "pytest_asyncio", "pytest_socket", "contextlib", "json")
"""Packages that rebind some private globals themselves as tests run: their public functions and classes, and the
code of every function, are watched. `contextlib` too: every `with` of a check runs its `__exit__`, which could
otherwise be made to swallow the check's failure; and `json`, which writes every verdict to the event channel.
Not `asyncio`: the suites' own spies rebind its functions and methods during a check (`loop_spies`)."""
_GRADER_DIR = str(Path(grader.__file__).parent)
_SUITES = frozenset(path.stem for path in (Path(_GRADER_DIR) / "suites").glob("test_*.py"))
_MISSING = object()


def _kind(name: str, module: ModuleType) -> str | None:
    package = name.partition(".")[0]
    if package in _WHOLE or (getattr(module, "__file__", None) or "").startswith(_GRADER_DIR):  # suites too
        return "whole"
    return "code" if package in _CODE_ONLY else None


def _public_code(attributes: dict[str, object]) -> dict[str, object]:
    return {k: v for k, v in attributes.items() if not k.startswith("_") and isinstance(v, _CODE)}


_CODE = (FunctionType, BuiltinFunctionType, type)
"""What a module's public name may be bound to and still be watched: functions of Python or C (`json.encoder`'s
`c_make_encoder`), and classes."""


class GraderSnapshot:
    """The attributes of the judging modules and of their classes, the code of their functions, and which
    modules were loaded."""

    def __init__(self) -> None:
        self._loaded = set(sys.modules)
        self._modules: dict[str, ModuleType] = {}
        self._namespaces: list[tuple[str, object, dict[str, object]]] = []
        self._whole: list[tuple[str, object, frozenset[str]]] = []
        self._codes: list[tuple[str, FunctionType, object]] = []
        self._functions: list[FunctionType] = []
        self._function_codes: list[object] = []
        """`_codes` again, as two lists that `changes` compares at C speed: it runs after every check."""
        for name, module in list(sys.modules.items()):
            kind = module is not None and _kind(name, module)
            if not kind:
                continue
            self._modules[name] = module
            attributes = dict(vars(module))
            self._take(name, module, attributes if kind == "whole" else _public_code(attributes))
            for attr, value in attributes.items():
                if isinstance(value, type) and value.__module__ == name:
                    self._take(f"{name}.{attr}", value, dict(vars(value)))

    def pin(self, name: str, instance: object, attributes: Iterable[str] | None = None) -> GraderSnapshot:
        """Watch an object of the grader's too: the named attributes, or all of them (then one added, such as an
        instance attribute that shadows a method, is a change as well)."""
        own = vars(instance)
        self._take(name, instance, {a: own[a] for a in attributes} if attributes is not None else dict(own))
        if attributes is None:
            self._whole.append((name, instance, frozenset(own)))
        return self

    def _take(self, name: str, namespace: object, watched: dict[str, object]) -> None:
        self._namespaces.append((name, namespace, watched))
        for attr, value in vars(namespace).items():
            if isinstance(value, FunctionType):
                self._codes.append((f"{name}.{attr}", value, value.__code__))
                self._functions.append(value)
                self._function_codes.append(value.__code__)

    def changes(self, _is_not: Callable[[object, object], bool] = operator.is_not) -> list[str]:
        """The qualified names that were rebound, deleted or given other code since the snapshot."""
        changed = [name for name, namespace, attributes in self._namespaces if not _same(namespace, attributes)]
        changed = [
            f"{name}.{attr}"
            for name, namespace, attributes in self._namespaces
            if name in changed
            for attr, value in attributes.items()
            if vars(namespace).get(attr, _MISSING) is not value
        ]
        changed += [f"{name}.{attr}" for name, instance, own in self._whole for attr in vars(instance).keys() - own]
        changed += [f"sys.modules[{name!r}]" for name, mod in self._modules.items() if sys.modules.get(name) is not mod]
        codes = map(_code_of, self._functions)
        if any(map(_is_not, codes, self._function_codes)):
            changed += [name for name, function, code in self._codes if function.__code__ is not code]
        return changed

    def new_judging_modules(self) -> list[str]:
        """Modules of the grader (a suite above all) loaded since the snapshot, or put in `sys.modules` by hand.

        Only the student's import is judged by this: pytest would take a suite it finds in `sys.modules` as it
        is, so a submission that loads (and rewrites) one before pytest does would be graded by its own checks.
        """
        return [
            name
            for name, module in list(sys.modules.items())
            if name not in self._loaded
            and (name.rpartition(".")[2] in _SUITES or (module is not None and _kind(name, module) == "whole"))
        ]

    def restore(self) -> None:
        for _, namespace, attributes in self._namespaces:
            for attr, value in attributes.items():
                if vars(namespace).get(attr, _MISSING) is not value:
                    setattr(namespace, attr, value)
        for _, instance, own in self._whole:
            for attr in vars(instance).keys() - own:
                delattr(instance, attr)
        sys.modules.update(self._modules)
        for _, function, code in self._codes:
            function.__code__ = code


def _same(
    namespace: object,
    watched: dict[str, object],
    _itemgetter: Callable[..., Callable[[object], object]] = operator.itemgetter,
    _is_not: Callable[[object, object], bool] = operator.is_not,
) -> bool:
    """Whether each of `watched`'s attributes of `namespace` is still bound to the very same object, compared at C
    speed (identity, never `==`, which the student's objects could answer as they like). `operator`'s functions are
    bound before any student code runs: `operator.is_not = lambda a, b: False` would blind the guard otherwise."""
    if not watched:
        return True
    try:
        now = _itemgetter(*watched)(vars(namespace))
    except KeyError:  # one was deleted
        return False
    if len(watched) == 1:
        now = (now,)
    return not any(map(_is_not, now, watched.values()))


_code_of = operator.attrgetter("__code__")

_OWN = (GraderSnapshot.changes, GraderSnapshot.new_judging_modules, GraderSnapshot.restore)
_OWN_CODE = tuple(function.__code__ for function in _OWN)


def changes_since(snapshot: GraderSnapshot, *, new_modules: bool = False) -> list[str]:
    """`snapshot.changes()` (and its new judging modules), called through references taken before any student code
    ran, so that rebinding `GraderSnapshot.changes` to say "nothing" is itself a change."""
    if any(function.__code__ is not code for function, code in zip(_OWN, _OWN_CODE, strict=True)):
        return ["grader.guard.GraderSnapshot"]
    changed, new_judging_modules, _ = _OWN
    return changed(snapshot) + (new_judging_modules(snapshot) if new_modules else [])


def restore(snapshot: GraderSnapshot) -> None:
    for function, code in zip(_OWN, _OWN_CODE, strict=True):
        function.__code__ = code
    _OWN[2](snapshot)
