"""Each parser on the exact official copies: counts, layouts, and every code reference resolving."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from autograder.codes.normalize import normalize
from autograder.codes.official import hcpcs_file, order_file, pcs_definitions_xml, pcs_tables_xml
from autograder.codes.official.index_xml import IndexReader


def lines(path: Path):
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as stream:
        for line in stream:
            yield line.rstrip("\r\n")


@pytest.fixture(scope="session")
def cm_order(cms_data):
    return list(order_file.parse(lines(cms_data / "icd10cm" / "icd10cm_order_2026.txt.gz")))


@pytest.fixture(scope="session")
def pcs_order(cms_data):
    return list(order_file.parse(lines(cms_data / "icd10pcs" / "icd10pcs_order_2026.txt.gz")))


@pytest.fixture(scope="session")
def pcs_tables(cms_data):
    with open(cms_data / "icd10pcs" / "icd10pcs_tables_2026.xml", "rb") as stream:
        return list(pcs_tables_xml.parse(stream))


@pytest.fixture(scope="session")
def hcpcs_records(cms_data):
    return list(hcpcs_file.parse(lines(cms_data / "hcpcs" / "HCPC2026_JAN_ANWEB_01122026.txt.gz")))


def test_cm_order_file_counts_and_layout(cm_order):
    assert len(cm_order) == 98186
    assert sum(r.billable for r in cm_order) == 74719
    by_code = {r.code: r for r in cm_order}
    assert by_code["E1122"].billable and "chronic kidney disease" in by_code["E1122"].long
    assert not by_code["E11"].billable
    assert cm_order[0].order == 1


def test_an_order_line_that_breaks_the_layout_names_its_line():
    good = "00001 A00     0 Cholera" + " " * 54 + "Cholera"
    assert next(order_file.parse([good])).code == "A00"
    with pytest.raises(ValueError, match="line 2"):
        list(order_file.parse([good, "00002 A000    x Cholera due to Vibrio cholerae"]))


def test_pcs_tables_expand_to_exactly_the_order_file_codes(pcs_tables, pcs_order):
    codes = list(pcs_tables_xml.expand(pcs_tables))
    valid = {r.code for r in pcs_order if r.billable}
    assert len(codes) == len(set(codes)) == 79115
    assert set(codes) == valid
    assert len(pcs_order) == 80029


def test_pcs_tables_rows_and_stated_counts(pcs_tables):
    assert len(pcs_tables) == 914
    assert sum(len(t.rows) for t in pcs_tables) == 2733
    for table in pcs_tables:
        for row in table.rows:
            assert sum(1 for _ in pcs_tables_xml.expand_row(table, row)) == row.codes, table.code


def test_pcs_definitions_agree_with_the_tables(cms_data, pcs_tables):
    with open(cms_data / "icd10pcs" / "icd10pcs_definitions_2026.xml", "rb") as stream:
        definitions, devices = pcs_definitions_xml.parse(stream)
    operations = {(d.section, d.term): d.definition for d in definitions if d.pos == 3}
    for table in pcs_tables:
        assert operations.get((table.code[0], table.axes[2].values[0][1]), "") == table.definition, table.code
    assert sum(bool(t.definition) for t in pcs_tables) > 800
    assert len({d.section for d in definitions}) == 16
    assert len(devices) == 60
    hallux = [d for d in definitions if d.term == "1st Toe, Left"]
    assert hallux and "Hallux" in hallux[0].includes


def test_hcpcs_file_codes_modifiers_and_continuations(hcpcs_records):
    codes = [r for r in hcpcs_records if r.kind == "code"]
    modifiers = [r for r in hcpcs_records if r.kind == "modifier"]
    assert len(codes) == len({r.code for r in codes}) == 8623
    assert len(modifiers) == 383
    assert hcpcs_records[0].code == "A1" and hcpcs_records[0].long == "Dressing for one wound"
    audiology = next(r for r in modifiers if r.code == "AB")
    assert "without a physician/npp order" in audiology.long  # joined across its continuation line
    assert all(r.code[0].isalpha() for r in codes)  # no numeric (CPT) codes


def test_hcpcs_indicators_and_dates(hcpcs_records):
    by_code = {r.code: r for r in hcpcs_records if r.kind == "code"}
    dexamethasone = by_code["J1100"].values
    assert dexamethasone["pricing"] == ("51",) and dexamethasone["coverage"] == "D"
    assert dexamethasone["added"].year == 1982 and dexamethasone["terminated"] is None
    assert by_code["A4397"].values["terminated"].isoformat() == "2021-12-31"
    # the January 2026 file: codes discontinued this year end on 2025-12-31, codes added start 2026-01-01
    discontinued = [r for r in by_code.values() if r.values["action"] == "D"]
    added = [r for r in by_code.values() if r.values["action"] == "A"]
    assert len(discontinued) == 95 and {r.values["terminated"].isoformat() for r in discontinued} == {
        "2025-12-31"
    }
    assert len(added) == 160 and {r.values["action_effective"].isoformat() for r in added} == {"2026-01-01"}
    assert by_code["G9871"].long.endswith("60 minutes")  # the one over-long line in the file


def test_hcpcs_record_layout_agrees_and_a_moved_field_is_caught(cms_data):
    layout = (cms_data / "hcpcs" / "HCPC2026_recordlayout.txt").read_text()
    assert hcpcs_file.check_layout(layout) == []
    moved = layout.replace("1    293    293", "1    294    294")
    assert moved != layout
    assert hcpcs_file.check_layout(moved) == ["HCPCS Action Code is at columns 294-294, expected 293-293"]


def test_a_record_identification_code_the_layout_lacks_is_refused():
    line = "A4397001005" + " " * 300
    with pytest.raises(ValueError, match="line 1"):
        list(hcpcs_file.parse([line]))


def read_index(path: Path):
    with open(path, "rb") as stream:
        reader = IndexReader(stream)
        entries = list(reader)
    return reader, entries


def test_index_titles_keep_nonessential_modifiers_apart(cms_data):
    reader, entries = read_index(cms_data / "icd10cm" / "icd10cm-eindex-April-1-2026-XML.xml")
    assert reader.version == "2026"
    assert sum(e.level == 0 for e in entries) == 314
    abandonment = next(e for e in entries if e.essential == "Abandonment NEC")
    assert abandonment.nemod.startswith("(causing exposure to weather conditions)")
    assert abandonment.title.startswith("Abandonment (causing") and abandonment.title.endswith("NEC")
    dog = next(e for e in entries if e.path == ("Bite, bitten by", "dog"))
    assert dog.code == "W54.0" and dog.level == 1


@pytest.mark.parametrize(
    ("name", "references"),
    [
        ("icd10cm-drug-April-1-2026-XML.xml", 40036),
        ("icd10cm-neoplasm-April-1-2026-XML.xml", 9020),
        ("icd10cm-eindex-April-1-2026-XML.xml", 6671 + 11 + 4),  # codes, subcategories, categories
    ],
)
def test_every_code_reference_resolves_in_the_fy2026_order_file(cms_data, cm_order, name, references):
    known = {r.code for r in cm_order}
    _, entries = read_index(cms_data / "icd10cm" / name)
    found = [v for e in entries for v in (e.code, e.manif, e.subcat, e.seecat) if v]
    found += [c for e in entries for c in e.cells.values() if c not in ("-", "--")]
    assert len(found) == references
    unresolved = [ref for ref in found if normalize(ref.rstrip("-")) not in known]
    assert unresolved == []


def test_drug_and_neoplasm_headings(cms_data):
    drug, _ = read_index(cms_data / "icd10cm" / "icd10cm-drug-April-1-2026-XML.xml")
    neoplasm, _ = read_index(cms_data / "icd10cm" / "icd10cm-neoplasm-April-1-2026-XML.xml")
    assert drug.headings[6] == "Adverse effect" and drug.headings[7] == "Underdosing"
    assert neoplasm.headings[4] == "Ca in situ"


def test_broken_xml_is_a_value_error(tmp_path):
    broken = tmp_path / "broken.xml"
    broken.write_text("<ICD10CM.index><letter><mainTerm><title>Bite</title>")
    with pytest.raises(ValueError, match="not well-formed"):
        read_index(broken)
