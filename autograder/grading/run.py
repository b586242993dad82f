"""Grade a class: every submission of one assignment, in parallel, then grades.csv and the report.

The course gradebook has one writer, this process: each worker autogrades in a scratch copy of the
course with a snapshot of the gradebook, and the grades it returns are written here one submission
at a time, with the autograded notebooks copied into the course. The feedback page of each graded
submission is made here too, from the course itself, while the workers wait on their kernels.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from nbgrader.api import Gradebook
from nbgrader.apps import NbGraderAPI
from nbgrader.plugins import CsvExportPlugin

from autograder.cli import UsageError
from autograder.findings import Finding
from autograder.grading.course import Course
from autograder.grading.feedback import FeedbackWriter
from autograder.grading.merge import merge_scores, replace_folder
from autograder.grading.pool import WorkerPool
from autograder.grading.progress import ProgressBar
from autograder.grading.report import write_report


@dataclass
class SubmissionResult:
    """How one student's submission went: ``graded``, ``timed out`` or ``not graded``."""

    student: str
    status: str
    seconds: float
    findings: list[Finding] = field(default_factory=list)


@dataclass
class ClassRun:
    """What ``grade_class`` did and wrote."""

    results: list[SubmissionResult]
    grades_csv: Path
    report: Path

    @property
    def failed(self) -> list[SubmissionResult]:
        return [r for r in self.results if r.status != "graded"]


def _ensure_generated(course: Course, stream: TextIO) -> None:
    """Record the assignment in the gradebook (``nbgrader generate_assignment``) when it is not there."""
    if course.has_assignment_in_gradebook():
        return
    print(
        f"{course.assignment} is not in the gradebook yet: running nbgrader generate_assignment", file=stream
    )
    # a new gradebook is stamped by running `alembic`, which sits beside this interpreter
    bin_dir = str(Path(sys.executable).parent)
    if bin_dir not in os.environ.get("PATH", "").split(os.pathsep):
        os.environ["PATH"] = bin_dir + os.pathsep + os.environ.get("PATH", "")
    api = NbGraderAPI(coursedir=course.coursedir(), config=course.config)
    done = api.generate_assignment(course.assignment, force=True, create=True)
    if not done["success"]:
        last = (done.get("error") or "").strip().splitlines()[-1:] or ["unknown error"]
        raise UsageError(f"nbgrader generate_assignment {course.assignment} failed: {last[0]}")


def write_outputs(course: Course, gradebook, results: list[SubmissionResult]) -> tuple[Path, Path]:
    """``grades.csv`` (nbgrader's CSV export, every assignment) and ``reports/ASSIGNMENT/index.html``."""
    grades_csv = course.root / "grades.csv"
    CsvExportPlugin(to=str(grades_csv)).export(gradebook)
    report_path = course.root / "reports" / course.assignment / "index.html"
    report = write_report(course, gradebook, results, report_path)
    return grades_csv, report


def report_only(course_dir: str | os.PathLike, assignment: str) -> ClassRun:
    """Write ``grades.csv`` and the report from the gradebook as it is (after manual grading)."""
    course = Course.open(course_dir, assignment)
    if not course.has_assignment_in_gradebook():
        raise UsageError(f"{assignment} is not in the gradebook of {course.root}: grade it first")
    coursedir = course.coursedir()
    with Gradebook(coursedir.db_url, coursedir.course_id) as gb:
        grades_csv, report = write_outputs(course, gb, [])
    return ClassRun([], grades_csv, report)


def grade_class(
    course_dir: str | os.PathLike,
    assignment: str,
    jobs: int | None = None,
    timeout: float = 300.0,
    stream: TextIO | None = None,
    pool: WorkerPool | None = None,
) -> ClassRun:
    """Autograde every ``submitted/*/ASSIGNMENT/`` of the course with ``jobs`` workers (or ``pool``).

    ``timeout`` is the time limit per notebook in seconds; a submission over its limit is stopped
    and reported, and the others are graded. Writes ``grades.csv`` (nbgrader's CSV export) in the
    course folder and ``reports/ASSIGNMENT/index.html``.
    """
    if pool is not None:
        return _grade(course_dir, assignment, timeout, stream or sys.stderr, pool)
    with WorkerPool(max(1, jobs or os.cpu_count() or 1)) as own:
        return _grade(course_dir, assignment, timeout, stream or sys.stderr, own)


def _grade(
    course_dir: str | os.PathLike, assignment: str, timeout: float, stream: TextIO, pool: WorkerPool
) -> ClassRun:
    course = Course.open(course_dir, assignment)
    if not course.source_notebooks():
        raise UsageError(f"no notebooks in {course.source_dir}; check the ASSIGNMENT name and --course")
    students = course.submitted_students()
    if not students:
        where = course.step_dir("submitted", "*")
        raise UsageError(
            f"no submissions match {where}; collect them with `nbgrader collect {assignment}` first"
        )
    _ensure_generated(course, stream)
    log_dir = course.root / "reports" / assignment / "logs"
    log_dir.mkdir(parents=True, exist_ok=True)
    results = []
    with tempfile.TemporaryDirectory(prefix="himlab-grade-") as tmp:
        scratch = Path(tmp)
        snapshot = course.snapshot_gradebook(scratch / "gradebook.db")
        setup = {"course": str(course.root), "assignment": assignment, "gradebook": str(snapshot)}
        tasks = [{"student": s, "work": str(scratch / f"work-{i}")} for i, s in enumerate(students)]
        work_of = {t["student"]: Path(t["work"]) for t in tasks}
        budget = timeout * len(course.source_notebooks())
        bar = ProgressBar(len(tasks), f"grading {assignment}", stream)
        coursedir = course.coursedir()
        feedback = FeedbackWriter(course)
        with Gradebook(coursedir.db_url, coursedir.course_id) as gb:
            for raw in pool.results(setup, tasks, budget):
                student, work = raw["student"], work_of[raw["student"]]
                findings = [Finding(**f) for f in raw["findings"]]
                if raw["status"] == "graded":
                    merge_scores(gb, assignment, raw)
                    scratch_course = Course(work, assignment, course.config)
                    replace_folder(
                        scratch_course.step_dir("autograded", student), course.step_dir("autograded", student)
                    )
                    findings += feedback.write(student)
                else:
                    gb.update_or_create_student(student)
                if (work / "nbgrader.log").exists():
                    shutil.copyfile(work / "nbgrader.log", log_dir / f"{student}.log")
                shutil.rmtree(work, ignore_errors=True)
                results.append(SubmissionResult(student, raw["status"], raw.get("seconds", 0.0), findings))
                bar.advance(f"{student}: {raw['status']}")
            bar.close()
            pool.close(keep_logs_in=log_dir)
            results.sort(key=lambda r: r.student)
            grades_csv, report = write_outputs(course, gb, results)
    return ClassRun(results, grades_csv, report)
