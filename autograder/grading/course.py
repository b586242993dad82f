"""An nbgrader course folder as the grader sees it: its configuration, submissions and gradebook.

Paths follow the course's own ``CourseDirectory`` settings (nbgrader's
``{nbgrader_step}/{student_id}/{assignment_id}`` layout by default), so a course that renames its
folders is graded the same way.
"""

from __future__ import annotations

import glob
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from nbgrader.api import Gradebook, MissingEntry
from nbgrader.coursedir import CourseDirectory
from traitlets.config import Config, PyFileConfigLoader

from autograder.cli import UsageError

CONFIG_FILE = "nbgrader_config.py"


def load_config(root: Path) -> Config:
    """The course's ``nbgrader_config.py`` (empty config when the course has none)."""
    if not (root / CONFIG_FILE).is_file():
        return Config()
    return PyFileConfigLoader(CONFIG_FILE, path=str(root)).load_config()


def config_for(root: Path, base: Config, db_path: Path) -> Config:
    """``base`` pointed at the course folder ``root`` and at the gradebook ``db_path``."""
    config = Config()
    config.merge(base)
    config.CourseDirectory.root = str(root)
    config.CourseDirectory.db_url = f"sqlite:///{db_path}"
    return config


@dataclass
class Course:
    """One assignment of a course folder."""

    root: Path
    assignment: str
    config: Config

    @classmethod
    def open(cls, root: str | os.PathLike, assignment: str) -> Course:
        """The course folder ``root`` with its ``nbgrader_config.py``; a usage error when it cannot be one."""
        path = Path(root).resolve()
        if not path.is_dir():
            raise UsageError(
                f"--course {root}: no such folder; give the folder that holds nbgrader_config.py"
            )
        config = load_config(path)
        course = cls(path, assignment, config)
        db_url = course.coursedir().db_url
        if not db_url.startswith("sqlite:///"):
            raise UsageError(
                f"the gradebook {db_url} is not a SQLite file; set CourseDirectory.db_url to one"
            )
        return course

    def coursedir(self) -> CourseDirectory:
        config = Config()
        config.merge(self.config)
        config.CourseDirectory.root = str(self.root)
        return CourseDirectory(config=config)

    @property
    def gradebook_path(self) -> Path:
        return Path(self.coursedir().db_url.removeprefix("sqlite:///"))

    @property
    def source_dir(self) -> Path:
        cd = self.coursedir()
        return Path(cd.format_path(cd.source_directory, ".", self.assignment))

    def step_dir(self, step: str, student: str) -> Path:
        """``submitted``, ``autograded`` or ``feedback`` folder of one student's assignment."""
        cd = self.coursedir()
        return Path(cd.format_path(getattr(cd, f"{step}_directory"), student, self.assignment))

    def source_notebooks(self) -> list[Path]:
        return sorted(self.source_dir.glob("*.ipynb"))

    def submitted_students(self) -> list[str]:
        """Ids of the students with a submission folder for this assignment, sorted."""
        cd = self.coursedir()
        pattern = cd.format_path(cd.submitted_directory, "*", self.assignment)
        students = set()
        for folder in map(Path, glob.glob(pattern)):
            if folder.is_dir():
                students.add(folder.relative_to(self.root / cd.submitted_directory).parts[0])
        return sorted(students)

    def has_assignment_in_gradebook(self) -> bool:
        if not self.gradebook_path.exists():
            return False
        with Gradebook(self.coursedir().db_url, self.coursedir().course_id) as gb:
            try:
                return bool(gb.find_assignment(self.assignment).notebooks)
            except MissingEntry:
                return False

    def snapshot_gradebook(self, dest: Path) -> Path:
        """A consistent copy of the gradebook (SQLite's backup API), for a grading worker to write to."""
        src, out = sqlite3.connect(self.gradebook_path), sqlite3.connect(dest)
        try:
            src.backup(out)
        finally:
            src.close()
            out.close()
        return dest
