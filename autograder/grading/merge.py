"""Write one worker's grades into the course gradebook (the only place the gradebook is written).

The rules are nbgrader's own (``SaveAutoGrades``): the autograder sets ``auto_score`` and never
touches a grader's ``manual_score``; a cell needs a manual grade when a grader already scored it or
when the autograder could not (a written answer).
"""

from __future__ import annotations

import shutil
import warnings
from pathlib import Path

from sqlalchemy.exc import SAWarning


def merge_scores(gradebook, assignment: str, result: dict) -> None:
    """Store a graded result (see :func:`autograder.grading.worker.grade_submission`) in ``gradebook``."""
    student = result["student"]
    gradebook.update_or_create_student(student)
    extra = {"timestamp": result["timestamp"]} if result.get("timestamp") else {}
    with warnings.catch_warnings():
        # nbgrader's add_submission trips SQLAlchemy's autoflush notice; the rows are written all the same
        warnings.simplefilter("ignore", SAWarning)
        gradebook.update_or_create_submission(assignment, student, **extra)
    for item in result["grades"]:
        grade = gradebook.find_grade(item["cell"], item["notebook"], assignment, student)
        grade.auto_score = item["auto_score"]
        grade.needs_manual_grade = grade.manual_score is not None or grade.auto_score is None
    for item in result["comments"]:
        comment = gradebook.find_comment(item["cell"], item["notebook"], assignment, student)
        comment.auto_comment = item["auto_comment"]
    for notebook, penalty in result["penalties"].items():
        gradebook.find_submission_notebook(notebook, assignment, student).late_submission_penalty = penalty
    gradebook.db.commit()


def replace_folder(src: Path, dest: Path) -> None:
    """Put ``src`` at ``dest``, replacing what an earlier run left there."""
    if not src.is_dir():
        return
    if dest.exists():
        shutil.rmtree(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copytree(src, dest)
