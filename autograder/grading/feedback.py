"""Feedback pages, one student at a time, as ``nbgrader generate_feedback`` makes them.

nbgrader builds a new HTML exporter, and so compiles its Jinja templates again, on every run; for a
class graded one student at a time that is half the cost of a page. :class:`FeedbackWriter` runs
nbgrader's own ``GenerateFeedback`` converter (same preprocessors, same ``feedback`` template) but
keeps its exporter between students.
"""

from __future__ import annotations

import os

from nbconvert.writers import FilesWriter
from nbgrader.converters import GenerateFeedback
from nbgrader.utils import capture_log, temp_attrs

from autograder.findings import Finding


class _KeptExporter(GenerateFeedback):
    """``GenerateFeedback`` whose exporter is made on the first run and reused after it."""

    _kept = None

    def start(self) -> None:  # nbgrader 0.9 BaseConverter.start, but the exporter is built once
        self.init_notebooks()
        self.writer = FilesWriter(parent=self, config=self.config)
        if self._kept is None:
            self._kept = self.exporter_class(parent=self, config=self.config)
            for preprocessor in self.preprocessors:
                self._kept.register_preprocessor(preprocessor)
        self.exporter = self._kept
        here = os.getcwd()
        os.chdir(self.coursedir.root)
        try:
            self.convert_notebooks()
        finally:
            os.chdir(here)


class FeedbackWriter:
    """Writes ``feedback/STUDENT/ASSIGNMENT/*.html`` for graded students of one course assignment."""

    def __init__(self, course):
        self.course = course
        self.coursedir = course.coursedir()
        self.converter = _KeptExporter(coursedir=self.coursedir, config=course.config)
        self.converter.force = True

    def write(self, student: str) -> list[Finding]:
        """Make the student's pages; a warning finding when nbgrader could not."""
        with temp_attrs(self.coursedir, assignment_id=self.course.assignment, student_id=student):
            done = capture_log(self.converter)
        if done["success"]:
            return []
        last = (done.get("error") or "unknown error").strip().splitlines()[-1]
        message = f"graded, but the feedback page could not be made ({last[:200]})."
        return [Finding("grading.no-feedback", self.course.assignment, "warning", message)]
