"""HCPCS Level II and modifiers with the CMS 2026 file installed: the full table in place of the
teaching table, dates of service, and Level II modifiers the curated table lacks."""

from __future__ import annotations

from datetime import date

from autograder.codes import hcpcs, modifiers
from autograder.codes.hcpcs import HcpcsCode


def rules(code, on=None):
    return [f.rule for f in hcpcs.validate(code, on=on)]


def test_the_full_file_takes_the_place_of_the_teaching_table(cache):
    assert hcpcs.in_full_file() and len(hcpcs.table()) == 8623
    info = hcpcs.lookup("E1100")  # not one of the teaching table's codes
    assert info.in_table and info.title.startswith("Semi-reclining wheelchair")
    assert rules("E1100") == []
    assert hcpcs.lookup("J1100").dose_unit == "1 mg"  # the teaching table still gives dose units
    assert hcpcs.release().files["HCPC2026_JAN_ANWEB_01122026.txt"] == (
        "1a9ce53ae6546c54e8150fc51b25d2b3e3eeefbca657c2ab2f7f1d7888a2239e"
    )
    assert "E1100" in [hit.code for hit in hcpcs.search("semi-reclining wheelchair", limit=5)]


def test_without_it_the_teaching_table(empty_cache):
    assert not hcpcs.in_full_file()
    assert rules("E1100") == ["hcpcs.not-in-table"] and hcpcs.lookup("E1100").in_table is False


def test_a_code_missing_from_the_full_file_is_an_error(cache):
    table = hcpcs.table()
    absent = next(code for n in range(10000) if (code := f"A{n:04d}") not in table)
    [finding] = hcpcs.validate(absent)
    assert (finding.rule, finding.severity) == ("hcpcs.not-in-table", "error")


def test_a_discontinued_code_by_its_dates(cache):
    assert rules("A4397", on=date(2026, 3, 1)) == ["hcpcs.inactive"]  # ended 2021-12-31
    assert rules("A4397", on=date(2021, 6, 1)) == ["release.not-covered", "hcpcs.inactive"]  # CY2021 not here
    assert rules("J1100", on=date(2026, 3, 1)) == []


def test_a_date_in_another_year_gets_the_release_warning(cache):
    [warning] = hcpcs.validate("J1100", on=date(2027, 1, 5))
    assert "HCPCS Level II CY2027" in warning.message
    assert warning.message.endswith("himlab data fetch --set hcpcs --year 2027")
    assert hcpcs.validate("J1100", on=date(2026, 11, 3)) == []


def test_a_table_given_by_the_caller_still_wins(cache):
    hcpcs.use_table({"G9998": HcpcsCode("G9998", "Live code", "A code in effect")}, "test table")
    try:
        assert hcpcs.release().source == "test table" and rules("J1100") == ["hcpcs.not-in-table"]
    finally:
        hcpcs.use_table(None)
    assert rules("J1100") == [] and hcpcs.release().label == "hcpcs CY2026"


def test_a_level_two_modifier_only_the_cms_file_has(cache):
    found = modifiers.lookup("a1")
    assert found.description == "Dressing for one wound" and found.kind == "HCPCS Level II"
    assert modifiers.validate("A1") == [] and modifiers.validate("A1", on=date(2026, 4, 1)) == []
    assert modifiers.lookup("LT").group == "anatomic"  # the curated entry comes first
    [unknown] = modifiers.validate("ZZ")
    assert "nor in the CMS HCPCS file installed" in unknown.message


def test_without_the_file_the_curated_modifiers_only(empty_cache):
    assert modifiers.lookup("A1") is None
    assert [f.rule for f in modifiers.validate("A1")] == ["modifier.not-in-table"]
