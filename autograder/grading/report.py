"""The class report: one HTML page with tables and plots for one assignment.

Scores come from the gradebook (so manual grades entered later count when the report is written
again); answers come from the autograded notebooks. It shows the score distribution, the mean per
question, the most common wrong answers per question and every submission that needs attention.
"""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from html import escape
from pathlib import Path

import nbformat

from autograder.grading import charts
from autograder.grading.answers import NO_ANSWER, answer_cells, read_answer, submitted_answers

TOP_WRONG = 5

STYLE = """
body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 60em; color: #222; }
table { border-collapse: collapse; margin: 1em 0; }
th, td { border: 1px solid #ccc; padding: 0.3em 0.6em; text-align: left; vertical-align: top; }
th { background: #eef2f7; }
td.num { text-align: right; }
.error { color: #a00; } .warning { color: #8a5a00; }
"""


@dataclass
class Question:
    """One grade cell of the assignment and how the class did on it."""

    notebook: str
    cell: str
    max_score: float
    answer_cell: str | None
    scores: list[float] = field(default_factory=list)
    pending: int = 0
    wrong: Counter = field(default_factory=Counter)
    labels: dict = field(default_factory=dict)

    @property
    def mean(self) -> float | None:
        return statistics.fmean(self.scores) if self.scores else None


@dataclass
class Row:
    """One student's line in the report."""

    student: str
    status: str
    score: float | None = None
    max_score: float | None = None
    pending: int = 0
    findings: list = field(default_factory=list)


def _questions(course) -> list[Question]:
    questions = []
    for path in course.source_notebooks():
        pairs = answer_cells(path)
        for cell in nbformat.read(str(path), as_version=4).cells:
            meta = cell.get("metadata", {}).get("nbgrader", {})
            if meta.get("grade"):
                cell_id = meta["grade_id"]
                questions.append(
                    Question(path.stem, cell_id, float(meta.get("points", 0)), pairs.get(cell_id))
                )
    return questions


def collect(course, gradebook, results: list) -> tuple[list[Row], list[Question]]:
    """Rows for every submission in the gradebook plus any this run could not grade; the questions."""
    questions = _questions(course)
    by_cell = {(q.notebook, q.cell): q for q in questions}
    run = {r.student: r for r in results}
    rows = {}
    for submission in gradebook.find_assignment(course.assignment).submissions:
        student = submission.student.id
        result = run.get(student)
        row = Row(
            student, result.status if result else "graded earlier", submission.score, submission.max_score
        )
        row.findings = list(result.findings) if result else []
        answers = {}
        for nb in submission.notebooks:
            answers[nb.name] = submitted_answers(course.step_dir("autograded", student) / f"{nb.name}.ipynb")
            for grade in nb.grades:
                question = by_cell.get((nb.name, grade.name))
                if question is None:
                    continue
                if grade.needs_manual_grade:
                    question.pending += 1
                    row.pending += 1
                    continue
                question.scores.append(grade.score)
                if grade.score < grade.max_score and question.answer_cell:
                    key, label = read_answer(answers[nb.name].get(question.answer_cell, ""))
                    question.wrong[key] += 1
                    question.labels.setdefault(key, label)
        rows[student] = row
    for result in results:
        if result.student not in rows:
            rows[result.student] = Row(result.student, result.status, findings=list(result.findings))
    return [rows[s] for s in sorted(rows)], questions


def _num(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def _table(header: list[str], body: list[list[str]], numeric: set[int] = frozenset()) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    lines = []
    for row in body:
        cells = "".join(
            f'<td class="num">{c}</td>' if i in numeric else f"<td>{c}</td>" for i, c in enumerate(row)
        )
        lines.append(f"<tr>{cells}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(lines)}</tbody></table>"


def render(assignment: str, rows: list[Row], questions: list[Question]) -> str:
    """The report page as a string."""
    graded = [r for r in rows if r.score is not None]
    max_score = sum(q.max_score for q in questions)
    totals = [r.score for r in graded]
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    out = [
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{escape(assignment)}: class report</title>",
        f"<style>{STYLE}</style></head><body>",
        f"<h1>{escape(assignment)}: class report</h1>",
        f"<p>Written {now}. {len(rows)} submissions: {len(graded)} with a score, "
        f"{len(rows) - len(graded)} not graded. Points available: {_num(max_score)}.</p>",
    ]
    pending = sum(1 for r in rows if r.pending)
    if pending:
        out.append(
            f"<p>{pending} {'submission still has' if pending == 1 else 'submissions still have'} answers "
            "to grade by hand; until then those answers "
            "count 0 in the totals (grade them in formgrader, then write this report again).</p>"
        )
    if totals:
        summary = [
            ["mean", f"{statistics.fmean(totals):.2f}"],
            ["median", _num(statistics.median(totals))],
            ["lowest", _num(min(totals))],
            ["highest", _num(max(totals))],
        ]
        out += [
            "<h2>Scores</h2>",
            _table(["", "points"], summary, {1}),
            charts.score_histogram(totals, max_score),
        ]
    out.append("<h2>Per question</h2>")
    body, labels, percents = [], [], []
    for q in questions:
        mean = q.mean
        pct = 100 * mean / q.max_score if mean is not None and q.max_score else None
        body.append(
            [
                escape(q.cell),
                _num(q.max_score),
                "" if mean is None else f"{mean:.2f}",
                "" if pct is None else f"{pct:.0f}%",
                str(len(q.scores)),
                str(q.pending),
            ]
        )
        if pct is not None:
            labels.append(q.cell)
            percents.append(pct)
    out.append(
        _table(["question", "points", "mean", "mean %", "scored", "to grade by hand"], body, {1, 2, 3, 4, 5})
    )
    if labels:
        out.append(charts.percent_bars(labels, percents, "Mean score per question"))
    out.append("<h2>Most common wrong answers</h2>")
    body = []
    for q in questions:
        for key, count in q.wrong.most_common(TOP_WRONG):
            label = q.labels[key]
            shown = f"<em>{escape(label)}</em>" if key == NO_ANSWER else f"<code>{escape(label)}</code>"
            body.append([escape(q.cell), shown, str(count)])
    out.append(_table(["question", "answer", "students"], body, {2}) if body else "<p>No wrong answers.</p>")
    out.append("<h2>Submissions</h2>")
    body = []
    for r in rows:
        notes = "<br>".join(
            f'<span class="{f.severity}">{escape(f.locator)}: {escape(f.message)}</span>' for f in r.findings
        )
        score = "" if r.score is None else f"{_num(r.score)} / {_num(r.max_score)}"
        body.append([escape(r.student), escape(r.status), score, str(r.pending or ""), notes])
    out.append(_table(["student", "status", "score", "to grade by hand", "problems found"], body, {2, 3}))
    out.append("</body></html>")
    return "\n".join(out)


def write_report(course, gradebook, results: list, path: Path) -> Path:
    rows, questions = collect(course, gradebook, results)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(course.assignment, rows, questions), encoding="utf-8")
    return path
