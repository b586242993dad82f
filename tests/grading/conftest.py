"""Fixtures for the grading tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from grading_helpers import ASSIGNMENT, copy_course, nbgrader


@pytest.fixture(scope="module")
def generated_course(tmp_path_factory) -> Path:
    """A course copy after `nbgrader generate_assignment ps04-icd10cm`."""
    course = copy_course(tmp_path_factory.mktemp("course") / "course")
    done = nbgrader(course, "generate_assignment", ASSIGNMENT)
    assert done.returncode == 0, done.stdout + done.stderr
    return course
