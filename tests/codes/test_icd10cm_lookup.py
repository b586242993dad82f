"""ICD-10-CM lookup: titles, billable flags, hierarchy and instructional notes with inheritance resolved.

Expected values are read from the CDC tabular XML or the CMS order file, not typed in.
"""

from __future__ import annotations

import json
import unicodedata
import xml.etree.ElementTree as ET
from datetime import date
from functools import cache

import pytest

from autograder.codes import icd10cm
from autograder.codes.icd10cm import source

pytestmark = pytest.mark.usefixtures("icd10cm_index")


@cache
def tabular_root() -> ET.Element:
    return ET.parse(source.tabular_path()).getroot()


def xml_diag(code: str) -> ET.Element:
    return next(d for d in tabular_root().iter("diag") if d.findtext("name") == code)


def xml_notes(code: str, tag: str) -> list[str]:
    return [" ".join((n.text or "").split()) for t in xml_diag(code).findall(tag) for n in t.iter("note")]


def ascii_fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def test_billable_count_is_the_official_fy2026_count():
    assert sum(1 for _ in icd10cm.all_codes()) == 74_719


def test_billable_set_equals_the_cms_codes_file(cms_icd10cm_billable):
    ours = {code.replace(".", "") for code in icd10cm.all_codes()}
    assert ours == cms_icd10cm_billable


def test_every_title_and_flag_matches_the_cms_order_file(cms_icd10cm_order):
    """Generated 7th-character titles are clean: leaf title, comma, the character's meaning.

    The tabular XML keeps accents (Ménière) that the fixed-width CMS file drops.
    """
    ours = {code.replace(".", ""): code for code in icd10cm.all_codes(billable=False)}
    assert set(ours) == set(cms_icd10cm_order)
    for key, (billable, title) in cms_icd10cm_order.items():
        info = icd10cm.lookup(ours[key])
        assert (info.billable, ascii_fold(info.title)) == (billable, title), key


@pytest.mark.parametrize("typed", ["E11.9", "e11.9", " E119 ", "e119\t"])
def test_codes_are_accepted_with_or_without_dot_any_case(typed):
    info = icd10cm.lookup(typed)
    assert info is not None
    assert info.code == "E11.9"
    assert info.title == xml_diag("E11.9").findtext("desc")


@pytest.mark.parametrize("typed", ["E11.99", "A00.2", "", None, 42, "E11-E13"])
def test_lookup_of_something_not_in_the_tabular_list_is_none(typed):
    assert icd10cm.lookup(typed) is None


def test_hierarchy_of_a_generated_code():
    info = icd10cm.lookup("S72.001A")
    assert info.billable
    assert info.parent == "S72.001"
    assert icd10cm.ancestors("S72.001A") == ["S72.001", "S72.00", "S72.0", "S72"]
    assert info.block.id == "S70-S79"
    assert info.chapter.number == "19"
    assert info.chapter.range == "S00-T88"
    assert icd10cm.chapter_of("S72.001A") == info.chapter


def test_children_follow_the_tabular_list():
    expected = [d.findtext("name") for d in xml_diag("E11.6").findall("diag")]
    assert icd10cm.children("E11.6") == expected
    assert icd10cm.lookup("E11.6").children == tuple(expected)
    assert icd10cm.children("E11.65") == []
    assert icd10cm.children("not a code") == []


def test_children_of_a_seventh_character_leaf_are_its_generated_codes():
    s72 = xml_diag("S72").find("sevenChrDef")
    chars = [e.get("char") for e in s72.findall("extension")]
    assert icd10cm.children("S72.001") == [f"S72.001{c}" for c in chars]
    t07 = xml_diag("T07").find("sevenChrDef")
    assert icd10cm.children("T07") == [f"T07.XXX{e.get('char')}" for e in t07.findall("extension")]


def test_e11_9_carries_e11_excludes1_with_its_source():
    info = icd10cm.lookup("E11.9")
    inherited = [n.text for n in info.notes if n.kind == "excludes1" and n.source == "E11"]
    assert inherited == xml_notes("E11", "excludes1")
    own = [n.text for n in info.notes if n.kind == "excludes1" and n.source == "E11.9"]
    assert own == xml_notes("E11.9", "excludes1")


def test_block_and_chapter_notes_are_inherited():
    info = icd10cm.lookup("T36.0X1A")
    block = next(s for s in tabular_root().iter("section") if s.get("id") == "T36-T50")
    block_notes = [
        " ".join(n.text.split()) for t in block if t.tag not in ("desc", "diag") for n in t.iter("note")
    ]
    assert block_notes
    assert [n.text for n in info.notes if n.source == "T36-T50"] == block_notes
    chapter = next(c for c in tabular_root().iter("chapter") if c.findtext("name") == "4")
    chapter_excludes1 = [
        " ".join(n.text.split()) for t in chapter.findall("excludes1") for n in t.iter("note")
    ]
    e11_9 = icd10cm.lookup("E11.9")
    assert [
        n.text for n in e11_9.notes if n.source == "chapter 4" and n.kind == "excludes1"
    ] == chapter_excludes1


def test_a_category_does_not_inherit_its_childrens_notes():
    e11 = icd10cm.lookup("E11")
    assert all(n.source in {"E11", "E08-E13", "chapter 4"} for n in e11.notes)
    assert not any(n.source == "E11.9" for n in e11.notes)


def test_every_note_kind_the_tabular_list_uses_is_carried():
    kinds = {n.kind for n in icd10cm.lookup("E11.9").notes} | {
        n.kind for n in icd10cm.lookup("S06.0X1A").notes
    }
    assert {"includes", "excludes1", "use_additional_code", "note"} <= kinds
    assert {"code_also", "seventh_character_note", "inclusion_term", "excludes2"} <= kinds
    assert any(n.kind == "code_first" for n in icd10cm.lookup("T36.0X5A").notes)


def test_s72_001a_carries_the_seventh_character_definitions():
    info = icd10cm.lookup("S72.001A")
    defined = [(e.get("char"), e.text) for e in xml_diag("S72").find("sevenChrDef").findall("extension")]
    assert list(info.seventh_characters) == defined
    assert info.seventh_source == "S72"
    note = [n for n in info.notes if n.kind == "seventh_character_note"]
    assert [n.text for n in note] == xml_notes("S72", "sevenChrNote")
    assert note[0].source == "S72"


def test_seventh_characters_defined_below_the_category_win():
    """E11.32 defines its own 7th characters (eye); its category E11 defines none."""
    info = icd10cm.lookup("E11.3211")
    defined = [(e.get("char"), e.text) for e in xml_diag("E11.32").find("sevenChrDef").findall("extension")]
    assert list(info.seventh_characters) == defined
    assert info.seventh_source == "E11.32"
    assert icd10cm.lookup("E11.9").seventh_characters == ()


def test_s06_codes_with_sixth_character_7_take_only_initial_encounter():
    """The S06 note: 7th characters D and S do not apply when the 6th character is 7 or 8."""
    assert [c for c, _ in icd10cm.lookup("S06.1X7A").seventh_characters] == ["A"]
    assert [c for c, _ in icd10cm.lookup("S06.1X6A").seventh_characters] == ["A", "D", "S"]
    assert icd10cm.lookup("S06.1X7D") is None
    assert icd10cm.lookup("S06.1X6D") is not None


def test_inclusion_terms_under_a_seventh_character_reach_its_codes():
    definition = xml_diag("H34.81").find("sevenChrDef")
    term = " ".join(definition.find("note").text.split())
    assert term in [n.text for n in icd10cm.lookup("H34.8122").notes if n.kind == "inclusion_term"]
    assert term not in [n.text for n in icd10cm.lookup("H34.8120").notes if n.kind == "inclusion_term"]


def test_to_dict_is_json_with_the_agreed_keys():
    data = icd10cm.lookup("S72.001A").to_dict()
    json.dumps(data)
    assert {"code", "system", "title", "billable", "notes", "chapter", "block", "parent", "children"} <= set(
        data
    )
    assert data["system"] == "icd10cm"
    assert data["seventh_characters"]["A"] == "initial encounter for closed fracture"
    inherited = [n for n in data["notes"] if n["source"] == "S72"]
    assert inherited and all(n["inherited"] for n in inherited)


def test_describe_says_where_inherited_notes_come_from():
    text = icd10cm.lookup("E11.9").describe()
    assert text.splitlines()[0] == "E11.9  Type 2 diabetes mellitus without complications"
    assert "Excludes1 (from E11):" in text
    assert "not billable" in icd10cm.lookup("E11").describe()


def test_lookup_on_a_date_still_answers_from_the_release_in_use():
    assert icd10cm.lookup("E11.9", on=date(2024, 1, 1)).code == "E11.9"


def test_release():
    rel = icd10cm.release()
    assert (rel.code_set, rel.year) == ("icd10cm", 2026)
    assert (rel.effective_from, rel.effective_to) == (date(2025, 10, 1), date(2026, 9, 30))
    assert rel.covers(date(2026, 4, 1)) and not rel.covers(date(2026, 10, 1))
    assert list(rel.files) == [source.FILE_NAME]
    assert len(rel.files[source.FILE_NAME]) == 64


@pytest.mark.parametrize(
    ("key", "fits"),
    [
        ("E119", True),
        ("T360X1A", True),
        ("C4A0", True),
        ("J1100", True),
        ("0DTJ4ZZ", False),
        ("99213", False),
        ("E1", False),
        ("E1190000", False),
    ],
)
def test_looks_like(key, fits):
    assert icd10cm.looks_like(key) is fits


def test_display_adds_the_dot():
    assert icd10cm.display("E119") == "E11.9"
    assert icd10cm.display("I10") == "I10"


def test_is_billable():
    assert icd10cm.is_billable("E11.9")
    assert not icd10cm.is_billable("E11")
    assert not icd10cm.is_billable("nonsense")


def test_excludes1_names_the_codes_it_excludes():
    by_text = {e.text: e for e in icd10cm.excludes1("E11.9")}
    type1 = next(e for text, e in by_text.items() if "(E10.-)" in text)
    assert type1.ranges == (("E10", "E10"),)
    assert type1.source == "E11"


@pytest.mark.parametrize(
    ("a", "b", "excluded"),
    [
        ("E11.9", "E10.9", True),  # E11 Excludes1 type 1 diabetes (E10.-)
        ("E10.9", "E11.9", True),  # and the other way round
        ("E11.9", "I10", False),
        ("S06.0X1A", "S06.5X1A", True),  # concussion with other injuries in S06.1- to S06.6-
        ("S06.0X1A", "S01.01XA", False),  # S06 says code also an open wound of the head (S01.-)
    ],
)
def test_excludes1_conflicts(a, b, excluded):
    assert bool(icd10cm.excludes1_conflicts(a, b)) is excluded
