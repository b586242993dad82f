"""The nbgrader pipeline end to end on a copy of the course: validate, generate, then one `himlab grade`
run over a class with a solution, a blank release, a flawed answer set, an edited test cell, a hanging
submission and damaged notebooks. The same submissions graded by plain `nbgrader autograde` get the
same scores.
"""

from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path

import nbformat
import pytest
from grading_helpers import ASSIGNMENT, HIMLAB, SOLUTION, copy_course, nbgrader
from nbgrader.api import Gradebook

from autograder.grading.course import Course
from autograder.grading.merge import merge_scores
from autograder.grading.synthetic import submit

NOTEBOOK = f"{ASSIGNMENT}.ipynb"
AUTOGRADED = ["q1-test", "q2-test", "q3-test", "q4-codes-test", "q4-sequence-test"]
POINTS = {"q1-test": 2, "q2-test": 2, "q3-test": 3, "q4-codes-test": 2, "q4-sequence-test": 1, "q5-answer": 3}
FLAWED = {
    "q1-answer": 'q1_answer = "E11.8"',  # a valid code, the wrong one: 0 of 2
    "q2-answer": 'q2_answer = "s72002a"',  # right, written loosely: 2 of 2
    "q3-answer": 'q3_answer = ["I13.0", "I50.9", "N18.4"]',  # 2 right, 1 that does not belong: 1 of 3
    "q4-answer": 'q4_answer = ["R65.21", "A41.51", "N17.0"]',  # right codes (2 of 2), wrong order (0 of 1)
}
FLAWED_SCORES = {"q1-test": 0, "q2-test": 2, "q3-test": 1, "q4-codes-test": 2, "q4-sequence-test": 0}
TIMEOUT = 25  # seconds per notebook; the hanging cell sleeps far longer, every honest one takes a few


def _cell(nb, grade_id):
    return next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id)


def _duplicate_answer(nb):
    """The student copied the q1 answer cell: the first copy is wrong, the last one right."""
    cell = _cell(nb, "q1-answer")
    copy = nbformat.from_dict(cell)
    copy["id"] = "copy-of-q1"
    cell.source = 'q1_answer = "E11.8"'
    nb.cells.insert(nb.cells.index(cell) + 1, copy)


def _delete_test(nb):
    nb.cells.remove(_cell(nb, "q3-test"))


def _answer_to_markdown(nb):
    cell = _cell(nb, "q2-answer")
    cell.cell_type = "markdown"
    del cell["outputs"], cell["execution_count"]


CLASS = {
    "01-hanging": ({"q1-answer": 'import time\n\ntime.sleep(3600)\nq1_answer = "E11.9"'}, None),
    "02-solution": (SOLUTION, None),
    "03-blank": ({}, None),
    "04-flawed": (FLAWED, None),
    "05-edited-test": ({"q1-answer": 'q1_answer = "E11.8"', "q1-test": "pass"}, None),
    "06-duplicated": (SOLUTION, _duplicate_answer),
    "07-deleted-test": (SOLUTION, _delete_test),
    "08-cell-type": (SOLUTION, _answer_to_markdown),
}
BROKEN = "09-broken-json"


def _scores(course: Path, student: str) -> dict[str, float | None]:
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        submission = gb.find_submission(ASSIGNMENT, student)
        return {g.name: g.auto_score for nb in submission.notebooks for g in nb.grades}


def _submit_class(course: Path, students: list[str]) -> None:
    handle = Course.open(course, ASSIGNMENT)
    for student in students:
        if student == BROKEN:
            folder = handle.step_dir("submitted", student)
            folder.mkdir(parents=True)
            (folder / NOTEBOOK).write_text('{"cells": [{"cell_type": "code", "source": ')
            continue
        answers, change = CLASS[student]
        submit(handle, student, answers, change=change)


@pytest.fixture(scope="module")
def graded(generated_course, tmp_path_factory):
    """One `himlab grade --jobs 2` run over the whole class; the plain-nbgrader copy is made first."""
    plain = tmp_path_factory.mktemp("plain") / "course"
    shutil.copytree(generated_course, plain)
    _submit_class(generated_course, [*CLASS, BROKEN])
    proc = subprocess.run(
        [HIMLAB, "grade", ASSIGNMENT, "--course", str(generated_course),
         "--jobs", "2", "--timeout", str(TIMEOUT)],
        capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    return {"course": generated_course, "proc": proc, "plain": plain}


def test_source_notebook_validates(generated_course):
    done = nbgrader(generated_course, "validate", f"source/{ASSIGNMENT}/{NOTEBOOK}")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Success! Your notebook passes all the tests." in done.stdout


def test_release_holds_no_answers(generated_course):
    released = (generated_course / "release" / ASSIGNMENT / NOTEBOOK).read_text()
    for code in ["E11.9", "S72.002A", "I13.0", "I50.32", "N18.4", "A41.51", "R65.21", "N17.0"]:
        assert code not in released, code
    for marker in ["BEGIN HIDDEN TESTS", "BEGIN SOLUTION", "Rubric"]:
        assert marker not in released
    source = (generated_course / "source" / ASSIGNMENT / NOTEBOOK).read_text()
    assert "BEGIN HIDDEN TESTS" in source and "Rubric" in source


def test_exit_code_and_summary(graded):
    proc = graded["proc"]
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert f"{ASSIGNMENT}: 7 of 9 submissions graded" in proc.stdout
    assert "Traceback" not in proc.stderr
    assert "9/9" in proc.stderr  # the progress bar reached the end


def test_solution_scores_full_marks(graded):
    scores = _scores(graded["course"], "02-solution")
    assert {cell: scores[cell] for cell in AUTOGRADED} == {cell: POINTS[cell] for cell in AUTOGRADED}
    with Gradebook(f"sqlite:///{graded['course'] / 'gradebook.db'}") as gb:
        written = gb.find_grade("q5-answer", ASSIGNMENT, ASSIGNMENT, "02-solution")
        assert written.needs_manual_grade and written.auto_score is None


def test_blank_release_scores_zero(graded):
    scores = _scores(graded["course"], "03-blank")
    assert all(scores[cell] == 0 for cell in AUTOGRADED), scores
    assert scores["q5-answer"] == 0  # an untouched written answer is "No response"


def test_flawed_submission_scores_its_partial_credit(graded):
    scores = _scores(graded["course"], "04-flawed")
    assert {cell: scores[cell] for cell in AUTOGRADED} == FLAWED_SCORES
    assert sum(FLAWED_SCORES.values()) == 5


def test_edited_test_cell_is_graded_with_the_original(graded):
    assert _scores(graded["course"], "05-edited-test")["q1-test"] == 0
    autograded = graded["course"] / "autograded" / "05-edited-test" / ASSIGNMENT / NOTEBOOK
    test_cell = _cell(nbformat.read(autograded, as_version=4), "q1-test")
    assert 'assert_code(q1_answer, "E11.9")' in test_cell.source
    assert "05-edited-test  warning  ps04-icd10cm.ipynb cell q1-test: read-only cell q1-test was edited" in (
        graded["proc"].stdout
    )


def test_hanging_submission_is_timed_out_and_the_rest_graded(graded):
    out = graded["proc"].stdout
    assert "01-hanging  error    ps04-icd10cm: grading stopped after" in out
    assert "did not finish within the time limit" in out
    with Gradebook(f"sqlite:///{graded['course'] / 'gradebook.db'}") as gb:
        submitted = {s.student.id for s in gb.find_assignment(ASSIGNMENT).submissions}
    assert submitted == set(CLASS) - {"01-hanging"}
    assert not (graded["course"] / "feedback" / "01-hanging").exists()


@pytest.mark.parametrize(
    ("student", "rule_text", "cell", "points"),
    [
        ("06-duplicated", "cell q1-answer appears 2 times; only the last copy was graded", "q1-test", 2),
        ("07-deleted-test", "grade cell q3-test was deleted; it was put back from the source", "q3-test", 3),
        (
            "08-cell-type",
            "cell q2-answer was changed from code to markdown; it was graded as code",
            "q2-test",
            2,
        ),
    ],
)
def test_damaged_notebook_is_repaired_graded_and_reported(graded, student, rule_text, cell, points):
    assert rule_text in graded["proc"].stdout
    assert _scores(graded["course"], student)[cell] == points


def test_unreadable_notebook_is_reported_not_graded(graded):
    out = graded["proc"].stdout
    assert f"{BROKEN}  error    {NOTEBOOK}: {NOTEBOOK} cannot be graded: broken JSON at line 1" in out


def test_feedback_grades_csv_and_report(graded):
    course = graded["course"]
    feedback = (course / "feedback" / "04-flawed" / ASSIGNMENT / f"{ASSIGNMENT}.html").read_text()
    assert "Score: 5.0 / 13.0" in feedback
    with open(course / "grades.csv", newline="") as fh:
        rows = {row["student_id"]: row for row in csv.DictReader(fh)}
    assert set(rows) == {*CLASS, BROKEN}
    assert float(rows["04-flawed"]["score"]) == 5.0
    assert float(rows["02-solution"]["score"]) == 10.0
    assert rows["01-hanging"]["timestamp"] == ""  # no submission recorded
    report = (course / "reports" / ASSIGNMENT / "index.html").read_text()
    for part in ["Score distribution", "Mean score per question", "Most common wrong answers", "<svg"]:
        assert part in report
    assert '<code>E11.8</code></td><td class="num">2</td>' in report  # 04-flawed and 05-edited-test
    assert "timed out" in report and "broken JSON" in report


def test_same_scores_as_plain_nbgrader(graded):
    plain = graded["plain"]
    students = ["02-solution", "04-flawed", "05-edited-test", "07-deleted-test"]
    _submit_class(plain, students)
    done = nbgrader(plain, "autograde", ASSIGNMENT)
    assert done.returncode == 0, done.stdout + done.stderr
    for student in students:
        assert _scores(plain, student) == _scores(graded["course"], student), student


def test_report_only_rewrites_from_the_gradebook(graded):
    course = graded["course"]
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        gb.find_grade("q5-answer", ASSIGNMENT, ASSIGNMENT, "02-solution").manual_score = 3
        gb.db.commit()
    command = [HIMLAB, "grade", ASSIGNMENT, "--course", str(course)]
    proc = subprocess.run([*command, "--report-only"], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    with open(course / "grades.csv", newline="") as fh:
        rows = {row["student_id"]: row for row in csv.DictReader(fh)}
    assert float(rows["02-solution"]["score"]) == 13.0
    assert "13 / 13" in (course / "reports" / ASSIGNMENT / "index.html").read_text()


def test_clean_submissions_have_no_findings(graded):
    reported = {line.split()[0] for line in graded["proc"].stdout.splitlines() if line.startswith("  ")}
    assert reported == {
        "01-hanging",
        "05-edited-test",
        "06-duplicated",
        "07-deleted-test",
        "08-cell-type",
        BROKEN,
    }


def test_merge_keeps_a_graders_manual_score(graded, tmp_path):
    db = tmp_path / "gradebook.db"
    shutil.copy(graded["course"] / "gradebook.db", db)
    result = {"timestamp": None, "comments": [], "penalties": {}}
    result["grades"] = [{"notebook": ASSIGNMENT, "cell": "q1-test", "auto_score": 2.0}]
    with Gradebook(f"sqlite:///{db}") as gb:
        gb.find_grade("q1-test", ASSIGNMENT, ASSIGNMENT, "04-flawed").manual_score = 1.5
        gb.db.commit()
        merge_scores(gb, ASSIGNMENT, {**result, "student": "04-flawed"})
        merge_scores(gb, ASSIGNMENT, {**result, "student": "10-new"})
        kept = gb.find_grade("q1-test", ASSIGNMENT, ASSIGNMENT, "04-flawed")
        assert (kept.auto_score, kept.manual_score, kept.score, kept.needs_manual_grade) == (
            2.0,
            1.5,
            1.5,
            True,
        )
        new = gb.find_grade("q1-test", ASSIGNMENT, ASSIGNMENT, "10-new")
        assert (new.auto_score, new.needs_manual_grade) == (2.0, False)


def test_a_course_without_gradebook_is_generated_first(generated_course, tmp_path):
    course = copy_course(tmp_path / "course")
    shutil.copytree(generated_course / "release", course / "release")
    submit(Course.open(course, ASSIGNMENT), "solo", SOLUTION)
    command = [HIMLAB, "grade", ASSIGNMENT, "--course", str(course)]
    proc = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "is not in the gradebook yet: running nbgrader generate_assignment" in proc.stderr
    assert _scores(course, "solo")["q3-test"] == 3


def test_a_cell_past_the_cell_time_limit_is_stopped_and_the_notebook_graded(generated_course, tmp_path):
    course = tmp_path / "course"
    shutil.copytree(
        generated_course, course, ignore=shutil.ignore_patterns("submitted", "autograded", "feedback")
    )
    with open(course / "nbgrader_config.py", "a") as config:
        config.write("\nc.Execute.timeout = 5\n")
    slow = {**SOLUTION, "q1-answer": 'import time\n\ntime.sleep(120)\nq1_answer = "E11.9"'}
    submit(Course.open(course, ASSIGNMENT), "slow", slow)
    command = [HIMLAB, "grade", ASSIGNMENT, "--course", str(course), "--timeout", "120"]
    proc = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert (
        "slow  warning  ps04-icd10cm.ipynb cell q1-answer: cell q1-answer ran past the per-cell"
        in proc.stdout
    )
    scores = _scores(course, "slow")
    assert scores["q1-test"] == 0 and scores["q3-test"] == 3
