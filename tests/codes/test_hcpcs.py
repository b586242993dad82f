"""HCPCS Level II: structural rules both ways; teaching table checked against the CMS January 2026 file."""

import gzip
import os
import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from autograder.codes import hcpcs
from autograder.codes.hcpcs import HcpcsCode


def shared(*parts: str) -> Path:
    default = Path(__file__).resolve().parents[2] / ".." / "shared" / "cms-data"
    base = os.environ.get("HIMLAB_SHARED_DATA") or default
    path = Path(base).joinpath(*parts)
    if not path.exists():
        pytest.skip(f"official file {path} not present")
    return path


@pytest.fixture(scope="module")
def official() -> dict[str, dict[str, str]]:
    """Procedure codes of the CMS January 2026 file (record layout: code 1-5, RIC 11, long 12-91,
    short 92-119, termination date 285-292), long descriptors joined across continuation records."""
    codes: dict[str, dict[str, str]] = {}
    with gzip.open(shared("hcpcs", "HCPC2026_JAN_ANWEB_01122026.txt.gz"), "rt", encoding="latin-1") as handle:
        for line in handle:
            if len(line) < 11:
                continue
            if line[10] == "3":
                current = codes[line[:5]] = {
                    "long": line[11:91].strip(),
                    "short": line[91:119].strip(),
                    "terminated": line[284:292].strip(),
                }
            elif line[10] == "4":
                current["long"] += " " + line[11:91].strip()
    for row in codes.values():
        row["long"] = " ".join(row["long"].split())
    return codes


def rules(code, on=None):
    return [f.rule for f in hcpcs.validate(code, on=on)]


@pytest.mark.parametrize(
    ("bad", "rule"),
    [
        ("", "hcpcs.empty"),
        ("99213", "hcpcs.is-cpt"),
        ("3074F", "hcpcs.is-cpt"),
        ("D0120", "hcpcs.cdt"),
        ("F1234", "hcpcs.letter"),
        ("J110", "hcpcs.format"),
        ("J11000", "hcpcs.format"),
        ("JX100", "hcpcs.format"),
    ],
)
def test_structural_rules_trip(bad, rule):
    [finding] = hcpcs.validate(bad)
    assert finding.rule == rule and finding.severity == "error"
    assert hcpcs.lookup(bad) is None


@pytest.mark.parametrize("good", ["J1100", " j1100 ", "A0428", "E0601", "G0438", "L3000", "Q4081", "V2020"])
def test_curated_codes_pass(good):
    assert hcpcs.validate(good) == []
    assert hcpcs.lookup(good).in_table


def test_cdt_message_names_the_dental_code_set():
    [finding] = hcpcs.validate("D0120")
    assert "American Dental Association" in finding.message and "dental claim" in finding.message


def test_well_formed_code_outside_the_table_is_a_warning_that_names_the_full_file():
    assert "E1100" not in hcpcs.table()
    [finding] = hcpcs.validate("E1100")
    assert finding.rule == "hcpcs.not-in-table" and finding.severity == "warning"
    assert "himlab data fetch --set hcpcs" in finding.message
    info = hcpcs.lookup("E1100")
    assert info.in_table is False and info.billable is None and info.title == ""
    assert "teaching table" in info.notes[0]


def test_inactive_rule_both_ways_with_a_full_table():
    full = {
        "G9999": HcpcsCode("G9999", "Ended code", "A code that ended", terminated=date(2026, 3, 31)),
        "G9998": HcpcsCode("G9998", "Live code", "A code still in effect", added=date(2026, 1, 1)),
    }
    hcpcs.use_table(full, "test table")
    try:
        assert rules("G9999", on=date(2026, 6, 1)) == ["hcpcs.inactive"]
        assert rules("G9999", on=date(2026, 2, 1)) == []
        assert rules("G9998", on=date(2026, 6, 1)) == []
        [missing] = hcpcs.validate("J1100")
        assert missing.rule == "hcpcs.not-in-table" and missing.severity == "error"
        assert hcpcs.release().source == "test table"
    finally:
        hcpcs.use_table(None)
    assert hcpcs.validate("J1100") == []


def test_dates_outside_2026_get_a_release_warning():
    assert rules("J1100", on=date(2025, 6, 1)) == ["release.not-covered"]
    assert rules("J1100", on=date(2026, 6, 1)) == []


def test_lookup_gives_descriptor_section_dose_unit_and_coverage():
    info = hcpcs.lookup("J1100")
    assert info.title == "Injection, dexamethasone sodium phosphate, 1 mg"
    assert info.dose_unit == "1 mg" and info.billable is True
    assert info.section.startswith("Drugs")
    assert info.coverage == "D"
    data = info.to_dict()
    assert {"code", "system", "title", "billable", "notes"} <= set(data) and data["system"] == "hcpcs"
    assert "one unit = 1 mg" in info.describe()
    assert hcpcs.lookup("J0696").dose_unit == "per 250 mg"
    assert hcpcs.lookup("A0428").dose_unit == ""


def test_table_size_and_spread():
    table = hcpcs.table()
    assert len(table) >= 300
    for letter in "ABEGJKLQ":
        assert sum(code.startswith(letter) for code in table) >= 10, letter
    assert set(code[0] for code in table) <= set(hcpcs.LETTERS)
    assert set(hcpcs.SECTIONS) == set(hcpcs.LETTERS)


def test_drug_codes_carry_the_dose_unit_of_their_descriptor():
    drugs = [row for code, row in hcpcs.table().items() if code.startswith("J")]
    with_unit = [row for row in drugs if row.dose_unit]
    assert len(with_unit) >= 100
    for row in with_unit:
        for amount in re.findall(r"\d[\d,.]*", row.dose_unit):
            assert amount in row.long_description, row.code


def test_every_curated_code_is_active_in_the_cms_file_with_its_descriptors(official):
    for code, row in hcpcs.table().items():
        assert code in official, code
        assert official[code]["terminated"] == "", code
        assert row.long_description == official[code]["long"], code
        assert row.short_description == official[code]["short"], code


def test_search():
    hits = hcpcs.search("dexamethasone inj")
    assert "J1100" in {h.code for h in hits}
    assert hcpcs.search("wheelchair", limit=2) and len(hcpcs.search("wheelchair", limit=2)) == 2
    assert hcpcs.search("qqqzzz") == []
    assert hcpcs.search(None) == []


def test_all_codes_and_release():
    codes = list(hcpcs.all_codes())
    assert codes == sorted(hcpcs.table()) and "J1100" in codes
    release = hcpcs.release()
    assert release.label == "hcpcs CY2026" and release.covers(date(2026, 7, 1))
    assert "January 2026" in release.source


def test_looks_like():
    assert hcpcs.looks_like("J1100") and not hcpcs.looks_like("D0120") and not hcpcs.looks_like("99213")


DATES = st.one_of(st.none(), st.dates(), st.datetimes(), st.text(max_size=10))


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=8), st.integers(), st.none()), DATES)
def test_random_input_never_raises(value, on):
    hcpcs.validate(value, on=on)
    hcpcs.lookup(value, on=on)
    hcpcs.search(value, limit=3)
