"""What a student did to the structure of a notebook, found before it is graded.

nbgrader repairs most of it while autograding (its ``OverwriteCells`` preprocessor turns a changed
cell type back, gives an edited read-only cell its original source and, with
``OverwriteCells.add_missing_cells``, puts a deleted grade cell back). It does so quietly, so each
repair is named here as a warning for the instructor. Duplicated cells are repaired here, before
nbgrader sees them, the way nbgrader's ``DeduplicateIds`` means to (the last copy wins) but without
the empty metadata that makes nbgrader 0.9 stop (jupyter/nbgrader#1083). A notebook that is not
readable JSON cannot be graded at all and is an error.
"""

from __future__ import annotations

import json
import warnings
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell
from nbgrader.preprocessors import ClearHiddenTests

from autograder.findings import Finding


@dataclass(frozen=True)
class RecordedCell:
    """A cell as ``generate_assignment`` recorded it in the gradebook; ``released`` is its source as
    students received it (hidden tests removed)."""

    name: str
    cell_type: str
    locked: bool
    released: str
    graded: bool
    answer: bool


def _as_released(name: str, source: str, graded: bool, config) -> str:
    meta = {"nbgrader": {"grade": graded, "grade_id": name, "locked": True, "solution": False}}
    cell = new_code_cell(source, metadata=meta)
    ClearHiddenTests(config=config).preprocess_cell(cell, {}, 0)
    return cell.source


def recorded_cells(gradebook, notebook: str, assignment: str, config) -> dict[str, RecordedCell]:
    """Every nbgrader cell of one notebook, by ``grade_id``, from an open ``nbgrader.api.Gradebook``
    (``config``: the course's, for its hidden-test delimiters)."""
    nb = gradebook.find_notebook(notebook, assignment)
    graded = {cell.name for cell in nb.grade_cells}
    answers = {cell.name for cell in nb.solution_cells}
    cells = {}
    for cell in nb.source_cells:
        source = cell.source or ""
        if cell.locked and cell.cell_type == "code":
            source = _as_released(cell.name, source, cell.name in graded, config)
        cells[cell.name] = RecordedCell(
            cell.name, cell.cell_type, bool(cell.locked), source, cell.name in graded, cell.name in answers
        )
    return cells


def _read(path: Path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # duplicated cell ids are reported below, not as a warning
        return nbformat.read(str(path), as_version=4)


def unreadable(path: Path) -> str | None:
    """Why ``path`` cannot be read as a notebook, or None when it can."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return "not UTF-8 text"
    try:
        json.loads(text)
    except json.JSONDecodeError as exc:
        return f"broken JSON at line {exc.lineno}, column {exc.colno} ({exc.msg})"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            nbformat.reads(text, as_version=4)
    except Exception as exc:  # nbformat raises many kinds (schema, version, key, attribute errors)
        return f"not a Jupyter notebook ({type(exc).__name__}: {str(exc)[:80]})"
    return None


def inspect_notebook(path: Path, recorded: dict[str, RecordedCell]) -> list[Finding]:
    """Findings for one submitted notebook compared with the cells the gradebook recorded."""
    where = path.name
    if not path.exists():
        return [
            Finding(
                "grading.notebook-missing",
                where,
                "warning",
                f"{where} was not submitted; nbgrader scores every cell in it 0.",
            )
        ]
    reason = unreadable(path)
    if reason:
        return [
            Finding(
                "grading.unreadable",
                where,
                "error",
                f"{where} cannot be graded: {reason}. Ask the student to resubmit it, or repair the file "
                "and grade again.",
            )
        ]
    nb = _read(path)
    found: list = []
    for cell in nb.cells:
        grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
        if grade_id in recorded:
            found.append((grade_id, cell))
    findings = []
    counts = Counter(grade_id for grade_id, _ in found)
    for grade_id, n in sorted(counts.items()):
        if n > 1:
            findings.append(
                Finding(
                    "grading.cell-duplicated",
                    f"{where} cell {grade_id}",
                    "warning",
                    f"cell {grade_id} appears {n} times; only the last copy was graded.",
                )
            )
    last = dict(found)
    for name, cell in recorded.items():
        if name not in last:
            if cell.graded:
                message = f"grade cell {name} was deleted; it was put back from the source and graded."
            elif cell.answer:
                message = f"answer cell {name} was deleted; the tests after it ran without it."
            else:
                message = f"read-only cell {name} was deleted; nothing in it was graded."
            findings.append(Finding("grading.cell-deleted", f"{where} cell {name}", "warning", message))
            continue
        submitted = last[name]
        if submitted.cell_type != cell.cell_type:
            findings.append(
                Finding(
                    "grading.cell-type-changed",
                    f"{where} cell {name}",
                    "warning",
                    f"cell {name} was changed from {cell.cell_type} to {submitted.cell_type}; "
                    f"it was graded as {cell.cell_type}.",
                )
            )
        if cell.locked and submitted.source.rstrip() != cell.released.rstrip():
            findings.append(
                Finding(
                    "grading.locked-cell-edited",
                    f"{where} cell {name}",
                    "warning",
                    f"read-only cell {name} was edited; it was graded with the original "
                    + ("test." if cell.graded else "text."),
                )
            )
    return findings


def keep_last_copies(path: Path) -> None:
    """Take the nbgrader metadata off every copy of a duplicated cell but the last one, in place."""
    nb = _read(path)
    seen: set[str] = set()
    changed = False
    for cell in reversed(nb.cells):
        grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
        if grade_id is None:
            continue
        if grade_id in seen:
            del cell.metadata["nbgrader"]
            changed = True
        seen.add(grade_id)
    if changed:
        nbformat.write(nb, str(path))


def timed_out_cells(path: Path) -> list[Finding]:
    """Cells of an autograded notebook that nbgrader stopped after ``Execute.timeout`` seconds."""
    if not path.exists():
        return []
    nb = _read(path)
    findings = []
    for index, cell in enumerate(nb.cells):
        errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
        if any(o.get("ename") == "CellTimeoutError" for o in errors):
            grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
            name = grade_id or f"#{index + 1}"
            findings.append(
                Finding(
                    "grading.cell-timed-out",
                    f"{path.name} cell {name}",
                    "warning",
                    f"cell {name} ran past the per-cell time limit (Execute.timeout) and was stopped; "
                    "the tests that needed it scored 0.",
                )
            )
    return findings
