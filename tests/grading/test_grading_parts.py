"""The grader's parts without running a notebook: damage checks, answers, charts, report, progress bar,
process cleanup and the command's usage errors."""

from __future__ import annotations

import io
import subprocess
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import nbformat
import pytest
from grading_helpers import ASSIGNMENT, HIMLAB, REPO
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from autograder.findings import Finding
from autograder.grading import charts
from autograder.grading.answers import NO_ANSWER, answer_cells, read_answer
from autograder.grading.damage import (
    RecordedCell,
    inspect_notebook,
    keep_last_copies,
    timed_out_cells,
    unreadable,
)
from autograder.grading.pool import _descendants
from autograder.grading.progress import ProgressBar
from autograder.grading.report import Question, Row, render

SOURCE = REPO / "course" / "source" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
RECORDED = {
    "intro": RecordedCell("intro", "markdown", True, "# Problem set", False, False),
    "q1-answer": RecordedCell("q1-answer", "code", False, "q1_answer = ...", False, True),
    "q1-test": RecordedCell("q1-test", "code", True, "assert_valid_code(q1_answer)", True, False),
    "q2-answer": RecordedCell("q2-answer", "markdown", False, "YOUR ANSWER HERE", True, True),
}


def _meta(grade_id: str) -> dict:
    return {"nbgrader": {"grade_id": grade_id}}


def _released() -> nbformat.NotebookNode:
    return new_notebook(
        cells=[
            new_markdown_cell("# Problem set", metadata=_meta("intro")),
            new_code_cell("q1_answer = ...", metadata=_meta("q1-answer")),
            new_code_cell("assert_valid_code(q1_answer)", metadata=_meta("q1-test")),
            new_markdown_cell("YOUR ANSWER HERE", metadata=_meta("q2-answer")),
        ]
    )


def _inspect(tmp_path: Path, nb) -> list[Finding]:
    path = tmp_path / "ps.ipynb"
    nbformat.write(nb, str(path))
    return inspect_notebook(path, RECORDED)


def _cell(nb, grade_id):
    return next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id)


def test_an_answered_notebook_has_no_findings(tmp_path):
    nb = _released()
    _cell(nb, "q1-answer").source = 'q1_answer = "E11.9"'
    _cell(nb, "q2-answer").source = "My own words."
    assert _inspect(tmp_path, nb) == []


def test_duplicated_cell(tmp_path):
    nb = _released()
    copy = nbformat.from_dict(_cell(nb, "q1-answer"))
    copy["id"] = "copy-of-q1"
    nb.cells.insert(2, copy)
    [finding] = _inspect(tmp_path, nb)
    assert (finding.rule, finding.locator, finding.severity) == (
        "grading.cell-duplicated",
        "ps.ipynb cell q1-answer",
        "warning",
    )
    assert "appears 2 times" in finding.message


@pytest.mark.parametrize(
    ("grade_id", "message"),
    [
        ("q1-test", "grade cell q1-test was deleted; it was put back from the source and graded."),
        ("q1-answer", "answer cell q1-answer was deleted; the tests after it ran without it."),
        ("intro", "read-only cell intro was deleted; nothing in it was graded."),
    ],
)
def test_deleted_cell(tmp_path, grade_id, message):
    nb = _released()
    nb.cells.remove(_cell(nb, grade_id))
    [finding] = _inspect(tmp_path, nb)
    assert finding.rule == "grading.cell-deleted" and finding.message == message


def test_changed_cell_type(tmp_path):
    nb = _released()
    index = nb.cells.index(_cell(nb, "q1-answer"))
    nb.cells[index] = new_markdown_cell("q1_answer = 'E11.9'", metadata=_meta("q1-answer"))
    [finding] = _inspect(tmp_path, nb)
    assert finding.rule == "grading.cell-type-changed"
    assert finding.message == "cell q1-answer was changed from code to markdown; it was graded as code."


def test_edited_read_only_cell_but_not_an_edited_answer(tmp_path):
    nb = _released()
    _cell(nb, "q1-test").source = "pass"
    _cell(nb, "q1-answer").source = 'q1_answer = "E11.9"'
    [finding] = _inspect(tmp_path, nb)
    assert finding.rule == "grading.locked-cell-edited"
    assert finding.message == "read-only cell q1-test was edited; it was graded with the original test."
    _cell(nb, "q1-test").source = "assert_valid_code(q1_answer)\n"  # a trailing newline is no edit
    assert _inspect(tmp_path, nb) == []


def test_missing_and_unreadable_notebooks(tmp_path):
    [missing] = inspect_notebook(tmp_path / "absent.ipynb", RECORDED)
    assert (missing.rule, missing.severity) == ("grading.notebook-missing", "warning")
    broken = tmp_path / "broken.ipynb"
    broken.write_text('{"cells": [')
    [finding] = inspect_notebook(broken, RECORDED)
    assert (finding.rule, finding.severity) == ("grading.unreadable", "error")
    assert "broken JSON at line 1, column 12" in finding.message
    broken.write_text("[1, 2]")
    assert unreadable(broken).startswith("not a Jupyter notebook")
    nbformat.write(_released(), str(broken))
    assert unreadable(broken) is None


def test_keep_last_copies(tmp_path):
    nb = _released()
    first = nbformat.from_dict(_cell(nb, "q1-answer"))
    first["id"] = "first-copy"
    first.source = 'q1_answer = "wrong"'
    nb.cells.insert(1, first)
    path = tmp_path / "ps.ipynb"
    nbformat.write(nb, str(path))
    keep_last_copies(path)
    cells = nbformat.read(str(path), as_version=4).cells
    named = [c for c in cells if c.metadata.get("nbgrader", {}).get("grade_id") == "q1-answer"]
    assert [c.source for c in named] == ["q1_answer = ..."]
    assert "nbgrader" not in cells[1].metadata and cells[1].source == 'q1_answer = "wrong"'


def test_timed_out_cells(tmp_path):
    nb = _released()
    timeout = new_output("error", ename="CellTimeoutError", evalue="", traceback=[])
    other = new_output("error", ename="AssertionError", evalue="no", traceback=[])
    _cell(nb, "q1-answer").outputs = [timeout]
    _cell(nb, "q1-test").outputs = [other]
    path = tmp_path / "graded.ipynb"
    nbformat.write(nb, str(path))
    [finding] = timed_out_cells(path)
    assert (finding.rule, finding.locator) == ("grading.cell-timed-out", "graded.ipynb cell q1-answer")


def test_answer_cells_of_the_course():
    assert answer_cells(SOURCE) == {
        "q1-test": "q1-answer",
        "q2-test": "q2-answer",
        "q3-test": "q3-answer",
        "q4-codes-test": "q4-answer",
        "q4-sequence-test": "q4-answer",
    }


@pytest.mark.parametrize(
    ("source", "label"),
    [
        ('q1_answer = "E11.9"', "E11.9"),
        ('q1_answer = ...\n# YOUR ANSWER HERE\nq1_answer = "e119"', "e119"),
        ('q3_answer = ["I13.0", "n18.4"]', "I13.0, n18.4"),
        ("q1_answer = ...\n# YOUR ANSWER HERE", NO_ANSWER),
        ("# YOUR CODE HERE\nraise NotImplementedError()", NO_ANSWER),
        ("q1_answer = lookup('diabetes')", "q1_answer = lookup('diabetes')"),
        ("q1_answer = (", "q1_answer = ("),
    ],
)
def test_read_answer(source, label):
    assert read_answer(source)[1] == label


def test_answers_that_differ_only_in_writing_are_one_answer():
    assert read_answer('q = "E11.9"')[0] == read_answer('q = " e119 "')[0]
    assert read_answer('q = ["I13.0", "N18.4"]')[0] != read_answer('q = ["N18.4", "I13.0"]')[0]
    assert read_answer('q = "E11.9"')[0] != read_answer('q = "E11.8"')[0]


def test_score_histogram_counts_each_whole_point():
    svg = ET.fromstring(charts.score_histogram([0, 5, 5.5, 13], 13))
    titles = [t.text for t in svg.iter("{http://www.w3.org/2000/svg}title")]
    assert len(titles) == 14
    assert titles[0] == "0: 1" and titles[5] == "5: 2" and titles[13] == "13: 1"


def test_score_histogram_in_tenths_past_twenty_points():
    svg = ET.fromstring(charts.score_histogram([0, 49, 50, 100], 100))
    titles = [t.text for t in svg.iter("{http://www.w3.org/2000/svg}title")]
    assert titles[0] == "0–10: 1" and titles[4] == "40–50: 1" and titles[5] == "50–60: 1"
    assert titles[9] == "90–100: 1"


def test_charts_escape_labels_and_clamp_percents():
    svg = charts.percent_bars(["<q1>", "q2"], [150.0, -5.0], "Mean & more")
    root = ET.fromstring(svg)  # well-formed XML despite the < and &
    widths = [float(r.get("width")) for r in root.iter("{http://www.w3.org/2000/svg}rect")]
    assert widths[0] == pytest.approx(640 - 170 - 60) and widths[1] == 0


def test_report_page():
    rows = [
        Row("amy", "graded", 10.0, 13.0, pending=1),
        Row("ben", "timed out", findings=[Finding("grading.timed-out", "ps", "error", "stopped <late>")]),
    ]
    question = Question("ps", "q1-test", 2.0, "q1-answer", scores=[2.0, 0.0])
    question.wrong["E118"] = 1
    question.labels["E118"] = "E11.8"
    html = render("ps04", rows, [question])
    assert "1 submission still has answers to grade by hand" in html
    assert "<code>E11.8</code>" in html and "stopped &lt;late&gt;" in html
    assert '<td class="num">1.00</td>' in html  # the q1-test mean
    quiet = render("ps04", [Row("amy", "graded", 2.0, 2.0)], [Question("ps", "q1-test", 2.0, None, [2.0])])
    assert "No wrong answers." in quiet and "to grade by hand;" not in quiet


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_in_a_log_and_on_a_terminal():
    log = io.StringIO()
    bar = ProgressBar(2, "grading ps", log)
    bar.advance("amy: graded")
    bar.advance("ben: timed out")
    bar.close()
    lines = log.getvalue().splitlines()
    assert len(lines) == 2 and "1/2" in lines[0] and lines[1].endswith("2/2  00:00  ben: timed out")
    term = _Terminal()
    bar = ProgressBar(2, "grading ps", term)
    bar.advance("amy: graded")
    bar.close()
    assert term.getvalue().count("\r") == 2 and term.getvalue().endswith("\n")


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs Linux /proc")
def test_descendants_finds_grandchildren():
    proc = subprocess.Popen(["sh", "-c", "sleep 30 & sleep 30 & wait"], start_new_session=True)
    try:
        for _ in range(50):
            found = _descendants(proc.pid)
            if len(found) >= 2:
                break
            time.sleep(0.05)
        assert len(found) >= 2
        assert _descendants(found[0]) == []
    finally:
        for pid in [*_descendants(proc.pid), proc.pid]:
            subprocess.run(["kill", "-9", str(pid)], check=False)
        proc.wait()


def _himlab(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([HIMLAB, "grade", *args], capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["ps04-icd10cm", "--course", "/no/such/course"], "--course /no/such/course: no such folder"),
        (["ps04-icd10cm", "--jobs", "0"], "--jobs 0: give 1 or more"),
        (["ps04-icd10cm", "--timeout", "0"], "--timeout 0: give a number of seconds above 0"),
        (["ps99-nothing", "--course", str(REPO / "course")], "no notebooks in"),
    ],
)
def test_usage_errors_are_one_line(args, message):
    proc = _himlab(*args)
    assert proc.returncode == 2
    assert proc.stderr.startswith(f"himlab grade: {message}") and proc.stderr.count("\n") == 1


def test_no_submissions_is_a_usage_error(tmp_path):
    (tmp_path / "source" / ASSIGNMENT).mkdir(parents=True)
    (tmp_path / "source" / ASSIGNMENT / "ps.ipynb").write_text(nbformat.writes(_released()))
    proc = _himlab(ASSIGNMENT, "--course", str(tmp_path))
    assert proc.returncode == 2
    assert "no submissions match" in proc.stderr and "nbgrader collect ps04-icd10cm" in proc.stderr
