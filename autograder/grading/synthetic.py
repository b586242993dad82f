"""Made-up submissions, for trying the grader on a class before real students hand anything in.

A submission is the released notebook with some answer cells rewritten, saved where ``nbgrader
collect`` would put it (``submitted/STUDENT/ASSIGNMENT/``) with its ``timestamp.txt``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import nbformat

from autograder.grading.course import Course


def answered(notebook: nbformat.NotebookNode, answers: dict[str, str]) -> nbformat.NotebookNode:
    """A copy of ``notebook`` whose cells named in ``answers`` (by ``grade_id``) hold the new source."""
    copy = nbformat.from_dict(notebook)
    unknown = set(answers)
    for cell in copy.cells:
        grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
        if grade_id in answers:
            cell.source = answers[grade_id]
            unknown.discard(grade_id)
    if unknown:
        raise KeyError(f"no cells named {', '.join(sorted(unknown))} in the notebook")
    return copy


def submit(
    course: Course,
    student: str,
    answers: dict[str, str],
    notebook: str | None = None,
    timestamp: str = "2026-03-02 17:00:00 UTC",
    change: Callable[[nbformat.NotebookNode], None] | None = None,
) -> Path:
    """Write ``student``'s submission from the released notebook; ``change`` may alter it further."""
    cd = course.coursedir()
    release = Path(cd.format_path(cd.release_directory, ".", course.assignment))
    name = notebook or course.source_notebooks()[0].stem
    nb = answered(nbformat.read(str(release / f"{name}.ipynb"), as_version=4), answers)
    if change:
        change(nb)
    folder = course.step_dir("submitted", student)
    folder.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, str(folder / f"{name}.ipynb"))
    (folder / "timestamp.txt").write_text(timestamp)
    return folder / f"{name}.ipynb"
