"""What a student answered, read back from an answer cell, for the report's most common wrong answers.

An answer cell usually assigns literals (``q1_answer = "E11.9"``, ``q2_answer = ["I13.0", ...]``);
those values are the answer, and codes are compared the way a coder would (case, dots and spaces do
not matter). Anything else is shown as the first line the student wrote.
"""

from __future__ import annotations

import ast
from pathlib import Path

import nbformat

from autograder.codes.normalize import normalize

NO_ANSWER = "(no answer)"


def answer_cells(source_notebook: Path) -> dict[str, str]:
    """For each autograded test cell, the answer cell it checks: the nearest solution cell above it."""
    nb = nbformat.read(str(source_notebook), as_version=4)
    pairs, answer = {}, None
    for cell in nb.cells:
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if meta.get("solution"):
            answer = meta.get("grade_id")
        elif meta.get("grade") and cell.cell_type == "code" and answer:
            pairs[meta["grade_id"]] = answer
    return pairs


def _literals(source: str) -> list[object] | None:
    """The literal each variable was last set to (``q1_answer = ...`` then ``q1_answer = "E11.9"``)."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return None
    values: dict[str, object] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            try:
                value = ast.literal_eval(node.value)
            except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
                return None
            for target in targets:
                values[ast.unparse(target)] = value
    return list(values.values())


def _show(value: object) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(_show(v) for v in value) or "(empty list)"
    return str(value).strip() if isinstance(value, str) else repr(value)


def _key(value: object) -> object:
    if isinstance(value, list | tuple):
        return tuple(_key(v) for v in value)
    return normalize(value) if isinstance(value, str) else repr(value)


def read_answer(source: str) -> tuple[object, str]:
    """``(key, label)``: answers with equal keys are the same answer; ``label`` is how to show it."""
    values = _literals(source)
    if values:
        value = values[0] if len(values) == 1 else values
        if value is Ellipsis:
            return NO_ANSWER, NO_ANSWER
        return _key(value), _show(value)[:80]
    lines = [ln.strip() for ln in source.splitlines() if ln.strip() and not ln.strip().startswith("#")]
    if not lines or lines == ["raise NotImplementedError()"]:  # nbgrader's default stub
        return NO_ANSWER, NO_ANSWER
    return lines[0], lines[0][:80]


def submitted_answers(notebook: Path) -> dict[str, str]:
    """Source of every solution cell of an autograded notebook, by ``grade_id``."""
    if not notebook.exists():
        return {}
    nb = nbformat.read(str(notebook), as_version=4)
    found = {}
    for cell in nb.cells:
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if meta.get("solution") and meta.get("grade_id"):
            found[meta["grade_id"]] = cell.source
    return found
