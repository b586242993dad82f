"""``himlab lookup``, ``search`` and ``validate-code``: JSON shapes, exit codes, inferring the code set."""

import json

import pytest

from autograder import cli


def run(capsys, *argv):
    code = cli.main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_lookup_json_has_the_promised_keys(capsys):
    code, out, _ = run(capsys, "lookup", "e11.9", "--json")
    data = json.loads(out)
    assert code == 0
    assert {"code", "system", "title", "billable", "notes"} <= set(data)
    assert (data["code"], data["system"], data["billable"]) == ("E11.9", "icd10cm", True)


def test_lookup_of_an_unknown_code_exits_1_with_the_reason(capsys):
    code, out, _ = run(capsys, "lookup", "E11.99", "--json")
    assert code == 1
    assert json.loads(out)["found"] is False


def test_search_json_lists_code_title_billable(capsys):
    code, out, _ = run(capsys, "search", "type 2 diabetes mellitus without complications", "--json")
    rows = json.loads(out)
    assert code == 0
    assert set(rows[0]) == {"code", "title", "billable"}
    assert "E11.9" in [r["code"] for r in rows[:3]]


def test_search_limit_must_be_positive(capsys):
    code, _, err = run(capsys, "search", "diabetes", "--limit", "0")
    assert code == 2
    assert "--limit" in err


@pytest.mark.parametrize(
    ("codes", "expected_exit"),
    [(["T36.0X1A"], 0), (["T3601A"], 1), (["E11.9", "S72.001"], 1), (["0DTJ4ZZ", "E0601"], 0)],
)
def test_validate_code_exit_codes(capsys, codes, expected_exit):
    code, out, _ = run(capsys, "validate-code", *codes, "--json")
    assert code == expected_exit
    for row in json.loads(out):
        assert {"code", "rule", "locator", "severity", "message"} <= set(row)


def test_undotted_code_in_two_code_sets_is_ambiguous_naming_both(capsys):
    code, _, err = run(capsys, "validate-code", "J1100")
    assert code == 2
    assert "J11.00" in err and "hcpcs" in err and "ambiguous" in err


@pytest.mark.parametrize(("system", "expected"), [("hcpcs", 0), ("icd10cm", 0)])
def test_ambiguous_code_is_checked_once_the_system_is_named(capsys, system, expected):
    code, _, _ = run(capsys, "validate-code", "J1100", "--system", system)
    assert code == expected


@pytest.mark.parametrize(
    ("code", "system"), [("E11.9", "icd10cm"), ("0DTJ4ZZ", "icd10pcs"), ("99213", "cpt"), ("E0601", "hcpcs")]
)
def test_system_is_inferred_from_the_form(capsys, code, system):
    status, out, _ = run(capsys, "lookup", code, "--json")
    assert status == 0
    assert json.loads(out)["system"] == system


def test_code_of_no_known_form_is_a_usage_error(capsys):
    code, _, err = run(capsys, "lookup", "!!")
    assert code == 2
    assert "--system" in err


def test_a_date_of_service_outside_the_installed_releases_gets_the_release_warning(capsys):
    code, out, _ = run(capsys, "validate-code", "S72.001A", "--on", "2026-11-03", "--json")
    (row,) = json.loads(out)
    assert code == 0  # a warning, not an error
    assert row["rule"] == "release.not-covered" and "himlab data fetch" in row["message"]
    code, out, _ = run(capsys, "validate-code", "S72.001A", "--on", "2026-05-01", "--json")
    assert (code, json.loads(out)) == (0, [])


def test_a_date_that_is_not_a_date_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main(["lookup", "E11.9", "--on", "2026-13-01"])
    assert exit_.value.code == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err
