"""What a suite file declares, read without importing it: check names, titles and dependencies.

The runner needs every check's title even when the suite never got to run (the student's module would not
import, or the process died), so titles are read from the suite's source with `ast`, from its own
`@check("title")` markers.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from grader.errors import CatalogError


@dataclass(frozen=True)
class SuiteCheck:
    name: str
    title: str
    depends: tuple[str, ...]


def _is_check_marker(node: ast.expr) -> bool:
    if not isinstance(node, ast.Call):
        return False
    func = node.func
    return (isinstance(func, ast.Name) and func.id == "check") or (
        isinstance(func, ast.Attribute) and func.attr == "check"
    )


@cache
def read_suite(path: Path) -> tuple[SuiteCheck, ...]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in tree.body:
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) or not node.name.startswith("test_"):
            continue
        marker = next((d for d in node.decorator_list if _is_check_marker(d)), None)
        if marker is None or not marker.args or not isinstance(marker.args[0], ast.Constant):
            raise CatalogError(f'{path.name}: {node.name} needs a @check("title") marker')
        depends: tuple[str, ...] = ()
        for keyword in marker.keywords:
            if keyword.arg == "depends":
                depends = tuple(ast.literal_eval(keyword.value))
        found.append(SuiteCheck(node.name.removeprefix("test_"), str(marker.args[0].value), depends))
    return tuple(found)
