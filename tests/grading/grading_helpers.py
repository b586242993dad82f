"""Helpers the grading tests share: the course under test, its solution, running nbgrader."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
HIMLAB = str(Path(sys.executable).parent / "himlab")
ASSIGNMENT = "ps04-icd10cm"
SOLUTION = {
    "q1-answer": 'q1_answer = "E11.9"',
    "q2-answer": 'q2_answer = "S72.002A"',
    "q3-answer": 'q3_answer = ["I13.0", "I50.32", "N18.4"]',
    "q4-answer": 'q4_answer = ["A41.51", "R65.21", "N17.0"]',
    "q5-answer": "Excludes1: never coded with the code above the note. Excludes2: may be coded as well.",
}


def tool_env() -> dict[str, str]:
    """nbgrader stamps a new gradebook by running `alembic`, which sits beside this interpreter."""
    bin_dir = str(Path(sys.executable).parent)
    return dict(os.environ, PATH=bin_dir + os.pathsep + os.environ.get("PATH", ""))


def nbgrader(course: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(Path(sys.executable).parent / "nbgrader"), *args],
        cwd=course,
        env=tool_env(),
        capture_output=True,
        text=True,
        timeout=600,
    )


def copy_course(dest: Path) -> Path:
    """The course's config and sources only (no release, submissions or gradebook)."""
    dest.mkdir(parents=True)
    shutil.copy(REPO / "course" / "nbgrader_config.py", dest)
    shutil.copytree(REPO / "course" / "source", dest / "source")
    return dest
