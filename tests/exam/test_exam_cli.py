"""``himlab exam``: bank statistics, a whole exam driven by piped input, pause and resume, usage errors."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from autograder import cli
from autograder.exam.bank import bank_stats, get_item
from autograder.exam.engine import plan_exam


def run(monkeypatch, capsys, args, stdin=""):
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = cli.main(["exam", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_exam_is_registered():
    assert "autograder.exam.commands" in cli.command_modules()


def test_stats_json_counts_items_by_exam_and_domain(monkeypatch, capsys):
    code, out, _ = run(monkeypatch, capsys, ["--stats", "--json"])
    data = json.loads(out)
    assert code == 0 and data == bank_stats()
    assert data["total"] == sum(data[e]["total"] for e in ("cpc", "cca", "ccs", "rhit")) >= 240
    assert data["ccs"]["domains"]["coding-knowledge"] >= 10


def keys_for(plan):
    """The right answer to each item of a plan, typed as a learner would (a case takes two lines)."""
    lines = []
    for item_id in plan.item_ids:
        item = get_item(item_id)
        if item.kind == "choice":
            lines.append(item.answer)
        elif item.kind == "code":
            lines.append(", ".join(item.answer))
        else:
            dx = ", ".join(f"{d.code}:{d.poa}" if d.poa else d.code for d in item.answer.diagnoses)
            lines += [dx, ", ".join(item.answer.procedures)]
    return "\n".join(lines) + "\n"


def test_a_whole_exam_from_piped_answers(home, monkeypatch, capsys):
    plan = plan_exam("ccs", 6, seed=4)
    code, out, _ = run(monkeypatch, capsys, ["--exam", "ccs", "--items", "6", "--seed", "4"], keys_for(plan))
    assert code == 0
    assert "Score: 100.0% (6 of 6)" in out
    assert "Review of missed questions" not in out


def test_wrong_and_skipped_answers_are_reviewed_with_rationales(home, monkeypatch, capsys):
    plan = plan_exam("cpc", 3, seed=2)
    first = get_item(plan.item_ids[0])
    wrong = next(letter for letter in "ABCD" if letter != first.answer)
    code, out, _ = run(
        monkeypatch, capsys, ["--exam", "cpc", "--items", "3", "--seed", "2"], f"z\n{wrong}\n\n\n"
    )
    assert code == 0
    assert "answer with one letter A-D" in out  # 'z' was refused, then asked again
    assert "Score: 0.0% (0 of 3)" in out
    assert f"- {first.id}" in out and first.rationale[:40] in out and "Sources:" in out


def test_end_of_input_pauses_and_resume_finishes(home, monkeypatch, capsys):
    plan = plan_exam("rhit", 4, seed=9)
    answers = keys_for(plan).splitlines()
    code, out, _ = run(
        monkeypatch, capsys, ["--exam", "rhit", "--items", "4", "--seed", "9"], answers[0] + "\n"
    )
    assert code == 0 and "Paused and saved. Resume with: himlab exam --resume 1" in out
    code, out, _ = run(monkeypatch, capsys, ["--resume"], "\n".join(answers[1:]) + "\n")
    assert code == 0 and "Score: 100.0% (4 of 4)" in out
    code, out, _ = run(monkeypatch, capsys, ["--history", "--json"])
    assert [row["percent"] for row in json.loads(out)] == [100.0]


def test_flagged_questions_come_back(home, monkeypatch, capsys):
    plan = plan_exam("cca", 2, seed=1)
    a, b = keys_for(plan).splitlines()[:2]
    code, out, _ = run(
        monkeypatch, capsys, ["--exam", "cca", "--items", "2", "--seed", "1"], f"f\n{b}\n{a}\n"
    )
    assert "Back to the 1 flagged question(s)." in out and "Score: 100.0%" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--exam", "cpc", "--items", "0"], "--items must be 1 or more"),
        (["--exam", "cpc", "--items", "5000"], "the CPC bank has 85 items; ask for 85 or fewer"),
        (["--exam", "cpc", "--domain", "cardiology"], "CPC has no domain 'cardiology'"),
        (["--resume"], "there is no unfinished attempt to resume"),
        (["--review"], "no items are due for review"),
        ([], "choose an exam with --exam"),
    ],
)
def test_bad_requests_exit_2_with_one_line(home, monkeypatch, capsys, args, message):
    code, out, err = run(monkeypatch, capsys, args)
    assert code == 2
    assert err.startswith("himlab exam: ") and message in err and err.count("\n") == 1
    assert "Traceback" not in err + out


def test_the_console_command_reads_stdin(home):
    script = "import sys; from autograder.cli import main; sys.exit(main(sys.argv[1:]))"
    proc = subprocess.run(
        [sys.executable, "-c", script, "exam", "--exam", "cpc", "--items", "2", "--seed", "8"],
        input="A\nB\n",
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert "Question 2 of 2" in proc.stdout and "Score:" in proc.stdout
