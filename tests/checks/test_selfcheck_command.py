"""``himlab self-check`` and the note-reference reading behind the sequencing diagnoses."""

import argparse

import pytest

from autograder.checks import SelfCheck, commands
from autograder.checks.diagnose import covers, references
from autograder.cli import UsageError


def run(argv):
    """The command as ``himlab`` runs it, on a parser holding only this command."""
    parser = argparse.ArgumentParser(prog="himlab")
    commands.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    return args.func(args)


def test_self_check_prints_a_line_that_builds_the_check(capsys):
    argv = ["self-check", "q9", "I12.9", "N18.4", "--sequence", "principal", "--hint", "I.C.9.a.2"]
    assert run(argv) == 0
    line = capsys.readouterr().out.strip()
    assert line.startswith("SelfCheck('q9', salt=") and "I12" not in line and "N18" not in line
    check = eval(line, {"SelfCheck": SelfCheck})
    assert check(["I12.9", "N18.4"]).correct and not check(["N18.4", "I12.9"]).correct


def test_self_check_refuses_an_answer_that_cannot_be_reported():
    with pytest.raises(UsageError, match="7th character"):
        run(["self-check", "q9", "S72.001"])


@pytest.mark.parametrize(
    ("note", "inside", "outside"),
    [
        ("hypertensive chronic kidney disease (I12.-, I13.-)", ["I129", "I132"], ["I10", "I110"]),
        ("code to identify stage (N18.1-N18.6)", ["N181", "N1831", "N186"], ["N189", "N17"]),
        ("code (B95-B97), to identify infectious agent.", ["B9620", "B95"], ["B94", "B98"]),
        ("hypothyroidism, acquired (E00-E03.-)", ["E039", "E00"], ["E04"]),
        ("multiple sclerosis (G35-)", ["G35"], ["G36"]),
        ("no codes named here", [], ["E119"]),
    ],
)
def test_codes_named_by_a_note(note, inside, outside):
    ranges = references(note)
    assert all(covers(ranges, key) for key in inside)
    assert not any(covers(ranges, key) for key in outside)
