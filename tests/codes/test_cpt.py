"""CPT structure: formats, sections by range, E/M families, and the licensed-file loader.

The licensed files here are synthetic: made-up descriptors written for the tests, not AMA text.
"""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from autograder.codes import cpt


@pytest.fixture
def licensed(tmp_path):
    path = tmp_path / "cpt.tsv"
    path.write_text(
        "# synthetic test file\n"
        "99213\tTest descriptor: established patient visit, low complexity\n"
        "\n"
        "71046\tTest descriptor: chest imaging, two views\n"
        "3074F\tTest descriptor: tracking code for a blood pressure reading\n",
        encoding="utf-8",
    )
    assert cpt.load_licensed(path) == 3
    yield path
    cpt.unload_licensed()


@pytest.mark.parametrize(
    ("code", "kind"),
    [("99213", "I"), ("00100", "I"), ("3074F", "II"), ("0042T", "III"), ("0001U", "PLA"), ("0002M", "MAAA")],
)
def test_formats(code, kind):
    assert cpt.category(code) == kind and cpt.looks_like(code)


@pytest.mark.parametrize("code", ["9921", "992133", "J1100", "1234A", "0042X", ""])
def test_not_cpt_forms(code):
    assert cpt.category(code) is None and not cpt.looks_like(code)
    assert cpt.lookup(code) is None


def test_codes_are_normalized():
    assert cpt.lookup(" 3074f ").code == "3074F"


@pytest.mark.parametrize(
    ("code", "section"),
    [
        ("00100", "Anesthesia"),
        ("01999", "Anesthesia"),
        ("10004", "Surgery"),
        ("69990", "Surgery"),
        ("70010", "Radiology"),
        ("79999", "Radiology"),
        ("80047", "Pathology and Laboratory"),
        ("89398", "Pathology and Laboratory"),
        ("90281", "Medicine"),
        ("99199", "Medicine"),
        ("99500", "Medicine"),
        ("99607", "Medicine"),
        ("99202", "Evaluation and Management"),
        ("99499", "Evaluation and Management"),
        ("0001U", "Pathology and Laboratory"),
    ],
)
def test_section_by_range(code, section):
    assert cpt.section(code) == section
    assert cpt.validate(code) == []


@pytest.mark.parametrize("code", ["00099", "02000", "10003", "69991", "80046", "89399", "99608"])
def test_codes_between_sections_are_errors(code):
    [finding] = cpt.validate(code)
    assert finding.rule == "cpt.no-section" and "check the digits" in finding.message


@pytest.mark.parametrize(
    ("code", "family"),
    [
        ("99202", "Office or other outpatient visit, new patient"),
        ("99205", "Office or other outpatient visit, new patient"),
        ("99211", "Office or other outpatient visit, established patient"),
        ("99215", "Office or other outpatient visit, established patient"),
        ("99221", "Hospital inpatient or observation care, initial"),
        ("99281", "Emergency department visit"),
        ("99285", "Emergency department visit"),
        ("99291", "Critical care"),
        ("99395", "Preventive medicine visit, established patient"),
    ],
)
def test_em_families(code, family):
    assert cpt.em_family(code) == family
    assert cpt.lookup(code).em_family == family


def test_codes_outside_families_have_none():
    assert cpt.em_family("99216") is None
    assert cpt.em_family("71046") is None


@pytest.mark.parametrize(("code", "good"), [("99201", "99202"), ("99343", "99344")])
def test_deleted_em_codes_both_ways(code, good):
    [finding] = cpt.validate(code)
    assert finding.rule == "cpt.deleted"
    assert cpt.validate(good) == []


def test_format_and_empty_rules_both_ways():
    assert [f.rule for f in cpt.validate("1234A")] == ["cpt.format"]
    assert [f.rule for f in cpt.validate("  ")] == ["cpt.empty"]
    assert cpt.validate(" 99213 ") == []


def test_lookup_without_licensed_file_says_descriptors_need_one():
    info = cpt.lookup("99213")
    assert info.title == "" and info.billable is None
    assert info.category == "Category I" and info.section == "Evaluation and Management"
    assert any("licensed" in n and "AMA" in n for n in info.notes)
    assert {"code", "system", "title", "billable", "notes"} <= set(info.to_dict())
    assert cpt.search("visit") == []
    assert list(cpt.all_codes()) == []
    assert cpt.lookup("J1100") is None


def test_licensed_file_gives_descriptors_search_and_existence(licensed):
    info = cpt.lookup("99213")
    assert info.title.startswith("Test descriptor") and info.billable is True
    assert [h.code for h in cpt.search("chest views")] == ["71046"]
    assert list(cpt.all_codes()) == ["3074F", "71046", "99213"]
    [missing] = cpt.validate("99214")
    assert missing.rule == "cpt.not-in-licensed-file"
    assert cpt.validate("99213") == []
    assert cpt.lookup("99214").billable is False
    assert str(licensed) in cpt.release().source


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ("99213 no tab here\n", "line 1: no tab"),
        ("99213\tok\nABCDE\tbad code\n", "line 2"),
        ("99213\t   \n", "no descriptor"),
        ("99213\tone\n99213\ttwo\n", "appears twice"),
        ("# only a comment\n", "no code lines"),
    ],
)
def test_licensed_file_errors_name_the_line(tmp_path, content, fragment):
    path = tmp_path / "bad.tsv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(cpt.LicensedFileError, match=fragment):
        cpt.load_licensed(path)
    assert not cpt.licensed_loaded()


def test_licensed_file_missing_or_not_text(tmp_path):
    with pytest.raises(cpt.LicensedFileError, match="no such file"):
        cpt.load_licensed(tmp_path / "absent.tsv")
    binary = tmp_path / "binary.tsv"
    binary.write_bytes(b"\xff\xfe\x00\x81")
    with pytest.raises(cpt.LicensedFileError, match="UTF-8"):
        cpt.load_licensed(binary)


def test_structure_has_no_descriptors():
    text = str(cpt.structure())
    assert "descriptor" not in {k.lower() for k in cpt.structure()}
    assert "99213" not in text


DATES = st.one_of(st.none(), st.dates(), st.datetimes(), st.text(max_size=10))


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=8), st.integers(), st.none()), DATES)
def test_random_input_never_raises(value, on):
    cpt.validate(value, on=on)
    cpt.lookup(value, on=on)
    cpt.search(value)
