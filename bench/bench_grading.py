"""Class grading speed and lesson run time.

A made-up class of 40 submissions of ps04-icd10cm (right, partly right and blank answers) is graded
twice from the same starting point in the same run: by plain ``nbgrader autograde`` (one submission
after another, one process) and by ``himlab grade --jobs 2`` (which also writes feedback, grades.csv
and the class report). Target: himlab at least 1.6 times faster on 2 cores. Then every notebook of
the ICD-10-CM module is executed on its own (target: under 30 s each).
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from autograder.grading.course import Course
from autograder.grading.synthetic import submit

REPO = Path(__file__).resolve().parents[1]
ASSIGNMENT = "ps04-icd10cm"
CLASS_SIZE = 40
SPEEDUP_TARGET = 1.6
NOTEBOOK_SECONDS = 30.0
ANSWERS = {
    "q1-answer": ['"E11.9"', '"E11.8"', '"e119"', '"E11.65"', "..."],
    "q2-answer": ['"S72.002A"', '"S72.001A"', '"S72.002D"'],
    "q3-answer": [
        '["I13.0", "I50.32", "N18.4"]',
        '["I13.0", "I50.9", "N18.4"]',
        '["I11.0", "I50.32", "N18.4"]',
    ],
    "q4-answer": [
        '["A41.51", "R65.21", "N17.0"]',
        '["R65.21", "A41.51", "N17.0"]',
        '["A41.9", "R65.20", "N17.0"]',
    ],
}


def _tools_env() -> dict[str, str]:
    bin_dir = str(Path(sys.executable).parent)
    return dict(os.environ, PATH=bin_dir + os.pathsep + os.environ.get("PATH", ""))


def _run(args: list[str], cwd: Path) -> float:
    started = time.perf_counter()
    done = subprocess.run(args, cwd=cwd, env=_tools_env(), capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(args[:3])} failed:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    return seconds


def _class(course: Path) -> None:
    """40 submissions, each answer drawn from the lists above (the same draw every run), a written
    answer in every other one."""
    handle = Course.open(course, ASSIGNMENT)
    draw = random.Random(2026)
    for number in range(1, CLASS_SIZE + 1):
        answers = {cell: f"{cell[:2]}_answer = {draw.choice(values)}" for cell, values in ANSWERS.items()}
        if number % 2:
            answers["q5-answer"] = "Excludes1: never coded together. Excludes2: both may be coded."
        submit(handle, f"student-{number:02d}", answers)


def _grading_rows(work: Path) -> list[dict]:
    bin_dir = Path(sys.executable).parent
    base = work / "base"
    base.mkdir()
    shutil.copy(REPO / "course" / "nbgrader_config.py", base)
    shutil.copytree(REPO / "course" / "source", base / "source")
    _run([str(bin_dir / "nbgrader"), "generate_assignment", ASSIGNMENT], base)
    _class(base)
    plain, himlab = work / "plain", work / "himlab"
    shutil.copytree(base, plain)
    shutil.copytree(base, himlab)
    sequential = _run([str(bin_dir / "nbgrader"), "autograde", ASSIGNMENT], plain)
    parallel = _run(
        [str(bin_dir / "himlab"), "grade", ASSIGNMENT, "--course", str(himlab), "--jobs", "2"], himlab
    )
    speedup = sequential / parallel
    return [
        {"bench": "grading", "metric": f"nbgrader autograde, {CLASS_SIZE} submissions", "value": sequential,
         "unit": "s"},
        {"bench": "grading", "metric": f"himlab grade --jobs 2, {CLASS_SIZE} submissions", "value": parallel,
         "unit": "s"},
        {"bench": "grading", "metric": "himlab grade --jobs 2 speed-up", "value": speedup, "unit": "x",
         "target": f">= {SPEEDUP_TARGET}", "ok": speedup >= SPEEDUP_TARGET},
    ]  # fmt: skip


def _notebook_rows() -> list[dict]:
    rows = []
    for path in sorted((REPO / "modules" / "04-icd10cm").glob("*.ipynb")):
        nb = nbformat.read(str(path), as_version=4)
        where = {"metadata": {"path": str(path.parent)}}
        client = NotebookClient(nb, timeout=300, kernel_name="python3", resources=where)
        started = time.perf_counter()
        client.execute()
        seconds = time.perf_counter() - started
        name = f"run modules/04-icd10cm/{path.name}"
        rows.append(
            {"bench": "notebooks", "metric": name, "value": seconds, "unit": "s",
             "target": f"< {NOTEBOOK_SECONDS:g}", "ok": seconds < NOTEBOOK_SECONDS}
        )  # fmt: skip
    return rows


def run() -> list[dict]:
    from autograder.codes import icd10cm

    icd10cm.lookup("E11.9")  # build the code index once, before anything is timed
    with tempfile.TemporaryDirectory(prefix="himlab-bench-") as tmp:
        rows = _grading_rows(Path(tmp))
    return rows + _notebook_rows()
