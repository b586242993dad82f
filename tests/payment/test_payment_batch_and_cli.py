"""group_many() over a DataFrame, and `himlab drg` output and exit codes."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from autograder import cli
from autograder.payment import case_mix_index, group_many

DISCOVER = cli.command_modules  # the real discovery, before the fixture narrows it


def test_group_many_groups_each_row_and_keeps_bad_rows():
    frame = pd.DataFrame(
        {
            "pdx": ["J18.9", "I50.9", "J18", "M17.11"],
            "sdx": ["J96.01:Y", ["N17.9:Y"], None, None],
            "procedures": [None, None, None, "0SRC0J9"],
            "age": [70, 81, 60, 66],
            "sex": ["F", "M", "F", "F"],
            "discharge_date": pd.to_datetime(["2026-05-15", "2026-01-10", None, "2026-05-15"]),
        },
        index=["a", "b", "c", "d"],
    )
    out = group_many(frame)
    assert list(out.index) == ["a", "b", "c", "d"]
    assert out.loc["a", "drg"] == 193 and out.loc["b", "drg"] == 292 and out.loc["d", "drg"] == 470
    assert out.loc["b", "grouper_version"] == "v43" and out.loc["a", "grouper_version"] == "v43.1"
    assert out.loc["a", "weight"] == 1.3144 and out.loc["d", "partition"] == "surgical"
    assert pd.isna(out.loc["c", "drg"]) and "pdx" in out.loc["c", "error"]
    assert out["error"].isna().sum() == 3
    assert case_mix_index(out).cases == 3


@pytest.fixture(autouse=True)
def only_the_drg_command(monkeypatch):
    """The real `himlab` entry point with just this concern's commands registered."""
    monkeypatch.setattr(cli, "command_modules", lambda: ["autograder.payment.commands"])


def test_drg_command_is_discovered():
    assert "autograder.payment.commands" in DISCOVER()


def run(capsys, *args):
    code = cli.main(["drg", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_cli_example_from_the_issue(capsys):
    code, out, err = run(
        capsys,
        "--pdx",
        "J18.9",
        "--sdx",
        "J96.01:Y",
        "--sdx",
        "E11.9:Y",
        "--proc",
        "0BH17EZ",
        "--age",
        "70",
        "--sex",
        "F",
        "--disposition",
        "01",
        "--json",
    )
    data = json.loads(out)
    assert code == 0 and err == ""
    assert {"drg", "mdc", "title", "weight", "gmlos", "amlos", "explanation"} <= set(data)
    assert (data["drg"], data["mdc"], data["weight"], data["gmlos"], data["amlos"]) == (
        "193",
        "04",
        1.3144,
        3.9,
        4.9,
    )


def test_cli_text_and_payment(capsys):
    code, out, _ = run(
        capsys, "--pdx", "J18.9", "--age", "70", "--sex", "F", "--payment", "--wage-index", "1.2"
    )
    assert code == 0
    assert out.startswith("MS-DRG 195") and "Table 1A" in out and "Estimated IPPS payment" in out


def test_cli_exit_1_when_the_mce_finds_an_error(capsys):
    code, out, _ = run(
        capsys, "--pdx", "O80", "--sdx", "Z37.0:Y", "--proc", "10E0XZZ", "--age", "70", "--sex", "F"
    )
    assert code == 1 and "mce.age-conflict" in out


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["--pdx", "J18", "--age", "70", "--sex", "F"], "pdx"),
        (["--pdx", "J18.9", "--sdx", "E11.9:Z", "--age", "70", "--sex", "F"], "sdx[0] POA"),
        (["--pdx", "J18.9", "--proc", "0BH17E", "--age", "70", "--sex", "F"], "procedures[0]"),
        (["--pdx", "J18.9", "--age", "130", "--sex", "F"], "age"),
        (["--pdx", "J18.9", "--age", "-1", "--sex", "F"], "age"),
        (["--pdx", "J18.9", "--age", "70", "--sex", "X"], "sex"),
        (["--pdx", "J18.9", "--age", "70", "--sex", "F", "--disposition", "99"], "discharge_status"),
        (["--pdx", "J18.9", "--age", "70", "--sex", "F", "--discharge", "2026-13-01"], "discharge_date"),
        (["--pdx", "J18.9", "--age", "70", "--sex", "F", "--payment", "--wage-index", "0"], "wage_index"),
    ],
)
def test_cli_bad_input_is_one_message_and_exit_2(capsys, args, named):
    code, out, err = run(capsys, *args)
    assert code == 2 and out == ""
    assert err.startswith("himlab drg: ") and f"{named}:" in err and "Traceback" not in err
