"""One grading worker process, started and driven by :mod:`autograder.grading.pool`.

It has nbgrader imported once (this module imports it, so a fork server that preloads the module
hands every worker a ready copy), then grades one submission at a time, each in its own scratch course
folder holding a copy of the assignment's source, a snapshot of the gradebook and the submission, so
that nothing it does touches the real course. It runs nbgrader's own ``autograde`` there and answers
with the grades the scratch gradebook received; the parent process is the only one that writes the
real gradebook and the course folders.

Each message from the parent is ``{"setup": {course, assignment, gradebook}, "task": {student, work}}``
and each answer a result (see :func:`grade_submission`).
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from nbgrader.api import Gradebook
from nbgrader.apps import NbGraderAPI

from autograder.findings import Finding
from autograder.grading.course import Course, config_for
from autograder.grading.damage import inspect_notebook, keep_last_copies, recorded_cells, timed_out_cells


def _copy_tree(src: Path, dest: Path) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copytree(src, dest, dirs_exist_ok=True)


def _scores(gradebook, assignment: str, student: str) -> dict:
    """The grades, comments, penalties and timestamp one submission has in a gradebook."""
    submission = gradebook.find_submission(assignment, student)
    grades, comments, penalties = [], [], {}
    for nb in submission.notebooks:
        penalties[nb.name] = nb.late_submission_penalty
        grades += [{"notebook": nb.name, "cell": g.name, "auto_score": g.auto_score} for g in nb.grades]
        comments += [
            {"notebook": nb.name, "cell": c.name, "auto_comment": c.auto_comment} for c in nb.comments
        ]
    timestamp = submission.timestamp.isoformat() if submission.timestamp else None
    return {"grades": grades, "comments": comments, "penalties": penalties, "timestamp": timestamp}


def grade_submission(setup: dict, task: dict) -> dict:
    """Autograde one student's submission in the scratch folder ``task["work"]``.

    The result has ``student``, ``status`` (``graded`` or ``not graded``), ``findings`` (as dicts),
    and for a graded submission ``grades``, ``comments``, ``penalties`` and ``timestamp``.
    """
    student, work = task["student"], Path(task["work"])
    real = Course.open(setup["course"], setup["assignment"])
    db_path = work / "gradebook.db"
    config = config_for(work, real.config, db_path)
    scratch = Course(work, real.assignment, config)
    _copy_tree(real.source_dir, scratch.source_dir)
    _copy_tree(real.step_dir("submitted", student), scratch.step_dir("submitted", student))
    shutil.copyfile(setup["gradebook"], db_path)
    result: dict = {"student": student, "status": "not graded", "findings": []}
    findings: list[Finding] = []

    db_url = f"sqlite:///{db_path}"
    with Gradebook(db_url) as gb:
        notebooks = [nb.name for nb in gb.find_assignment(real.assignment).notebooks]
        for name in notebooks:
            submitted = scratch.step_dir("submitted", student) / f"{name}.ipynb"
            findings += inspect_notebook(submitted, recorded_cells(gb, name, real.assignment, config))
    if any(f.is_error for f in findings):
        result["findings"] = [f.to_dict() for f in findings]
        return result
    for name in notebooks:
        if any(
            f.rule == "grading.cell-duplicated" and f.locator.startswith(f"{name}.ipynb ") for f in findings
        ):
            keep_last_copies(scratch.step_dir("submitted", student) / f"{name}.ipynb")

    api = NbGraderAPI(coursedir=scratch.coursedir(), config=config)
    graded = api.autograde(real.assignment, student, force=True, create=True)
    (work / "nbgrader.log").write_text(graded.get("log", "") + graded.get("error", ""))
    if not graded["success"]:
        last = (graded.get("error") or "unknown error").strip().splitlines()[-1]
        findings.append(
            Finding(
                "grading.failed",
                real.assignment,
                "error",
                f"nbgrader could not autograde this submission ({last[:200]}); "
                f"see reports/{real.assignment}/logs/{student}.log.",
            )
        )
        result["findings"] = [f.to_dict() for f in findings]
        return result
    for name in notebooks:
        findings += timed_out_cells(scratch.step_dir("autograded", student) / f"{name}.ipynb")

    with Gradebook(db_url) as gb:
        result.update(_scores(gb, real.assignment, student))
    result["status"] = "graded"
    result["findings"] = [f.to_dict() for f in findings]
    return result


def serve(conn, log_path: str) -> None:
    """The worker's loop: receive ``{"setup": ..., "task": ...}``, send back the result, until the
    parent closes the connection. Its own process group, so the parent can stop it with its kernel."""
    if hasattr(os, "setsid"):
        os.setsid()
    log = open(log_path, "ab")  # noqa: SIM115 (the process's stdout and stderr until it ends)
    os.dup2(log.fileno(), 1)
    os.dup2(log.fileno(), 2)
    while True:
        try:
            message = conn.recv()
        except EOFError:
            return
        setup, task = message["setup"], message["task"]
        started = time.perf_counter()
        try:
            result = grade_submission(setup, task)
        except Exception as exc:  # one bad submission must not stop the class
            finding = Finding(
                "grading.failed",
                setup["assignment"],
                "error",
                f"grading stopped with {type(exc).__name__}: {str(exc)[:200]}",
            )
            result = {"student": task["student"], "status": "not graded", "findings": [finding.to_dict()]}
        result["seconds"] = round(time.perf_counter() - started, 3)
        conn.send(result)
