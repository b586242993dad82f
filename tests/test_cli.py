"""The himlab entry point: subcommand discovery, exit codes, no tracebacks for user mistakes."""

import subprocess
import sys

import pytest

from autograder import cli
from autograder.codes.normalize import dotted_icd10cm, normalize
from autograder.findings import Finding, has_errors


def test_every_concern_with_commands_is_registered():
    assert "autograder.codes.commands" in cli.command_modules()
    parser = cli.build_parser()
    choices = parser._subparsers._group_actions[0].choices
    assert {"lookup", "search", "validate-code"} <= set(choices)


def test_no_command_prints_help_and_exits_2(capsys):
    assert cli.main([]) == 2
    assert "usage" in capsys.readouterr().err


def test_usage_error_is_one_line_exit_2(capsys, monkeypatch):
    def boom(args):
        raise cli.UsageError("--limit must be 1 or more")

    parser = cli.build_parser()
    args = parser.parse_args(["search", "x"])
    monkeypatch.setattr(cli, "build_parser", lambda: parser)
    parser._subparsers._group_actions[0].choices["search"].set_defaults(func=boom)
    assert cli.main(["search", "x"]) == 2
    err = capsys.readouterr().err
    assert err.strip() == f"himlab {args.command}: --limit must be 1 or more"


def test_unknown_option_exits_2_without_traceback():
    proc = subprocess.run(
        [sys.executable, "-m", "autograder.cli", "lookup", "--nope"], capture_output=True, text=True
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize(
    ("raw", "key"), [(" e11.9 ", "E119"), ("T36.0X1A", "T360X1A"), ("", ""), (None, ""), (42, "")]
)
def test_normalize(raw, key):
    assert normalize(raw) == key


def test_dotted_icd10cm():
    assert dotted_icd10cm("E119") == "E11.9"
    assert dotted_icd10cm("I10") == "I10"


def test_has_errors_ignores_warnings():
    warn = Finding("x.w", "ICD-10-CM", "warning", "a warning")
    err = Finding("x.e", "ICD-10-CM", "error", "an error")
    assert not has_errors([warn])
    assert has_errors([warn, err])
    assert err.to_dict()["severity"] == "error"


def test_output_into_a_closed_pipe_is_quiet():
    # more than a pipe holds (about 100 kB), so the writer meets the closed pipe
    command = f"{sys.executable} -m autograder.cli search diabetes --limit 100000 --json | head -1"
    proc = subprocess.run(command, shell=True, capture_output=True, text=True)
    assert proc.stdout.strip() == "["
    assert proc.stderr == ""
