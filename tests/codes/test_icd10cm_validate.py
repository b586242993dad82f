"""ICD-10-CM validate: every rule with one code that trips it and one that does not."""

from __future__ import annotations

import re
from datetime import date, datetime

import pytest

from autograder.codes import icd10cm
from autograder.findings import Finding

pytestmark = pytest.mark.usefixtures("icd10cm_index")


def rules(code, on=None) -> list[str]:
    return [f.rule for f in icd10cm.validate(code, on=on)]


def only(code, on=None) -> Finding:
    (finding,) = icd10cm.validate(code, on=on)
    return finding


def named_codes(message: str) -> set[str]:
    """Every complete code a message names (codes spelled out in full)."""
    return {m for m in re.findall(r"\b[A-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{1,4})?\b", message)}


def assert_reveals_no_billable_code(finding: Finding) -> None:
    """A message may name headings and ranges the tabular list shows, never pick a billable answer."""
    billable = {c for c in named_codes(finding.message) if icd10cm.is_billable(c)}
    assert not billable, (billable, finding.message)


@pytest.mark.parametrize("code", ["E11.9", "e119", " T36.0X1A ", "S72.001A", "I10", "T07.XXXA", "S06.1X7A"])
def test_valid_billable_codes_have_no_findings(code):
    assert icd10cm.validate(code) == []


@pytest.mark.parametrize(
    ("code", "rule"), [("", "icd10cm.empty"), (None, "icd10cm.empty"), ("   ", "icd10cm.empty")]
)
def test_empty(code, rule):
    f = only(code)
    assert (f.rule, f.severity, f.locator) == (rule, "error", "ICD-10-CM")


@pytest.mark.parametrize(
    "code", ["hello", "1234", "E1", "E11.999999999", "E11.9!", 42, 3.5, ["E11.9"], b"E119"]
)
def test_malformed(code):
    assert only(code).rule == "icd10cm.malformed"


def test_unknown_points_at_the_nearest_heading():
    f = only("A00.2")  # A00 has A00.0, A00.1 and A00.9
    assert f.rule == "icd10cm.unknown"
    assert "A00" in f.message
    assert_reveals_no_billable_code(f)
    assert rules("A00.1") == []


def test_unknown_after_a_complete_code():
    f = only("E11.99")
    assert f.rule == "icd10cm.unknown"
    assert "E11.9 is already a complete" in f.message


def test_not_billable_names_the_range_of_billable_codes(cms_icd10cm_order):
    f = only("E11")
    assert f.rule == "icd10cm.not-billable"
    under = [k for k, (billable, _) in cms_icd10cm_order.items() if billable and k.startswith("E11")]
    first, last = icd10cm.display(under[0]), icd10cm.display(under[-1])
    assert f"{len(under)} billable codes below it ({first}-{last})" in f.message
    assert rules("E11.65") == []


def test_not_billable_subcategory():
    f = only("e11.6")
    assert f.rule == "icd10cm.not-billable"
    assert "subcategory" in f.message


def test_seventh_missing_lists_the_characters_the_category_allows():
    f = only("S72.001")
    assert f.rule == "icd10cm.seventh-missing"
    assert "(A, B, C, D, E, F, G, H, J, K, M, N, P, Q, R, S)" in f.message
    assert_reveals_no_billable_code(f)
    assert rules("S72.001A") == []


def test_seventh_missing_on_a_short_code_explains_the_placeholder():
    f = only("T07")
    assert f.rule == "icd10cm.seventh-missing"
    assert "positions 4-6" in f.message and "placeholder X" in f.message
    assert only("T07.XXX").rule == "icd10cm.seventh-missing"
    assert "placeholder X first" not in only("T07.XXX").message
    assert rules("T07.XXXA") == []


def test_seventh_missing_and_placeholder_missing_together():
    f = only("T36.01")
    assert f.rule == "icd10cm.seventh-missing"
    assert "placeholder X is missing" in f.message


def test_seventh_not_allowed():
    f = only("I10.XXXA")
    assert f.rule == "icd10cm.seventh-not-allowed"
    assert "I10 is complete as it is" in f.message
    assert only("E11.621A").rule == "icd10cm.seventh-not-allowed"
    assert rules("I10") == []
    assert rules("E11.621") == []


def test_seventh_invalid_names_the_allowed_characters():
    f = only("S72.001Z")
    assert f.rule == "icd10cm.seventh-invalid"
    assert "'Z'" in f.message and "A, B, C" in f.message
    assert_reveals_no_billable_code(f)
    assert rules("S72.001S") == []


def test_seventh_invalid_by_the_s06_note():
    f = only("S06.1X7D")
    assert f.rule == "icd10cm.seventh-invalid"
    assert "6th character is 7 or 8" in f.message
    assert rules("S06.1X6D") == []


def test_placeholder_missing():
    f = only("T3601A")
    assert f.rule == "icd10cm.placeholder-missing"
    assert "position 5" in f.message
    assert_reveals_no_billable_code(f)
    assert only("T07A").rule == "icd10cm.placeholder-missing"
    assert rules("T36.0X1A") == []


def test_placeholder_misplaced():
    f = only("T36X01A")
    assert f.rule == "icd10cm.placeholder-misplaced"
    assert_reveals_no_billable_code(f)
    g = only("S72.001XA")
    assert g.rule == "icd10cm.placeholder-misplaced"
    assert "takes no X" in g.message
    assert rules("T36.0X1A") == [] and rules("S72.001A") == []


def test_placeholder_and_seventh_character_both_wrong():
    assert rules("T3601Z") == ["icd10cm.placeholder-missing", "icd10cm.seventh-invalid"]


def test_release_not_covered_is_a_warning_naming_the_fetch_command():
    f = only("E11.9", on=date(2024, 5, 1))
    assert (f.rule, f.severity) == ("release.not-covered", "warning")
    assert "FY2024" in f.message and "checked against ICD-10-CM FY2026 instead" in f.message
    assert f.message.endswith("himlab data fetch --set icd10cm --year 2024") and f.code == "E11.9"
    assert only("E11.9", on=date(2026, 10, 1)).message.count("--year 2027") == 1
    assert rules("E11.9", on=date(2026, 3, 15)) == []
    assert rules("E11.9", on=datetime(2025, 10, 1, 8, 30)) == []
    assert rules("E11.9", on="2026-03-15") == []


def test_release_warning_comes_with_the_code_findings():
    assert rules("E11", on=date(2024, 5, 1)) == ["icd10cm.not-billable", "release.not-covered"]


@pytest.mark.parametrize("on", ["yesterday", "2026-13-01", 20260315])
def test_bad_date_of_service(on):
    assert rules("E11.9", on=on) == ["release.bad-date"]


def test_findings_name_the_code_and_say_how_to_fix_it():
    for code in ["S72.001", "E11", "T3601A", "S72.001Z", "I10XXXA", "A00.2"]:
        f = only(code)
        assert f.code is not None
        assert f.message.endswith(".")
        assert f.to_dict()["rule"] == f.rule
