"""himlab validate / schema / example: output, exit codes 0, 1 and 2, no tracebacks."""

from __future__ import annotations

import json
import re

import pytest
from claim_examples import example_dict

from autograder import cli


def _write(tmp_path, data, name="claims.json"):
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data))
    return str(path)


def test_validate_clean_claims_exit_0(tmp_path, capsys):
    path = _write(tmp_path, [example_dict("cms1500"), example_dict("ub04")])
    assert cli.main(["validate", path]) == 0
    assert "2 claim(s): no findings" in capsys.readouterr().out


def test_validate_with_errors_exits_1_and_prints_json(tmp_path, capsys):
    d = example_dict("cms1500")
    d["service_lines"][0]["diagnosis_pointers"] = ["F"]
    assert cli.main(["validate", _write(tmp_path, d), "--json"]) == 1
    rows = json.loads(capsys.readouterr().out)
    assert rows == [
        {
            "claim_id": "example-office-visit",
            "rule": "cms1500.pointer-unfilled",
            "locator": "CMS-1500 24E / 837P SV107 line 1",
            "severity": "error",
            "message": "24E points to F, but item 21 F is empty: "
            "point only to letters that hold a diagnosis.",
        }
    ]


def test_validate_table_output(tmp_path, capsys):
    d = example_dict("ub04")
    d["patient_control_number"] = None
    assert cli.main(["validate", _write(tmp_path, d)]) == 1
    out = capsys.readouterr().out
    assert "[ub04.control-number-required]" in out and "1 error(s), 0 warning(s)" in out


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ('{"form": "ub04", "revenue_lines": [{"units": "two"}]}', r"revenue_lines\[0\]\.units"),
        ("{not json", "not valid JSON"),
    ],
)
def test_unreadable_input_exits_2_with_the_reason(tmp_path, capsys, content, reason):
    assert cli.main(["validate", _write(tmp_path, content)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("himlab validate: ") and "Traceback" not in err
    assert re.search(reason, err)


def test_missing_file_exits_2(capsys):
    assert cli.main(["validate", "no/such/file.json"]) == 2
    assert "no such file" in capsys.readouterr().err


def test_full_ncci_files_on_the_command_line(tmp_path, capsys):
    d = example_dict("cms1500")
    d["service_lines"][0]["procedure_code"] = "0001U"
    d["service_lines"][1]["procedure_code"] = "0030U"
    ptp = _write(
        tmp_path, "0001U\t0030U\t\t20180701\t*\t1\tMisuse of Column Two code with Column One code\n", "f1.TXT"
    )
    assert cli.main(["validate", _write(tmp_path, d), "--ptp", ptp, "--json"]) == 1
    (row,) = json.loads(capsys.readouterr().out)
    assert row["rule"] == "ncci.ptp-modifier-needed" and "f1.TXT" in row["message"]


@pytest.mark.parametrize("form", ["cms1500", "ub04"])
def test_example_prints_a_valid_claim_and_schema_prints_json_schema(tmp_path, capsys, form):
    assert cli.main(["example", form]) == 0
    text = capsys.readouterr().out
    assert json.loads(text)["form"] == form
    assert cli.main(["validate", _write(tmp_path, text)]) == 0
    capsys.readouterr()
    assert cli.main(["schema", form]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["properties"]["form"]["const"] == form
