"""The source table: member names in every publisher spelling, years, effective dates, counts."""

from datetime import date

import pytest

from autograder.codes.official import sources


def member(code_set: str, part: str) -> sources.Member:
    return next(m for m in sources.source(code_set).members if m.part == part)


@pytest.mark.parametrize(
    ("code_set", "part", "name"),
    [
        ("icd10cm", "order", "icd10cm_order_2026.txt"),  # CMS zip
        ("icd10cm", "order", "icd10cm-order-2026.txt"),  # CDC zip
        ("icd10cm", "order", "icd10cm_order_2026.txt.gz"),
        ("icd10cm", "eindex", "icd10cm-eindex-April-1-2026-XML.xml"),  # mid-year update
        ("icd10cm", "index", "Table and Index/icd10cm_index_2026.xml"),  # inside a zip folder
        ("icd10pcs", "tables", "icd10pcs_tables_2026.xml"),
        ("hcpcs", "hcpcs", "HCPC2026_JAN_ANWEB_01122026.txt"),
        ("hcpcs", "layout", "HCPC2026_recordlayout.txt"),
    ],
)
def test_member_names_in_every_spelling(code_set, part, name):
    assert member(code_set, part).matches(name, 2026)


@pytest.mark.parametrize(
    ("code_set", "part", "name"),
    [
        ("icd10cm", "order", "icd10cm_codes_2026.txt"),  # the codes file is not the order file
        ("icd10cm", "order", "icd10cm-order-addenda-2026.txt"),  # only the year's changes
        ("icd10pcs", "order", "icd10pcs_order_addenda_2026.txt"),
        ("icd10cm", "order", "icd10cm_order_2025.txt"),  # another year
        ("icd10cm", "index", "icd10cm-eindex-2026.xml"),  # the external cause index is not the index
        ("icd10cm", "drug", "icd10cm-drug-neoplasm 2026.xsd"),
        ("hcpcs", "hcpcs", "HCPC2026_JAN_ANWEB_Corrections_01122026.xlsx"),
    ],
)
def test_member_names_that_must_not_match(code_set, part, name):
    assert not member(code_set, part).matches(name, 2026)


@pytest.mark.parametrize(
    ("code_set", "on", "year"),
    [
        ("icd10cm", date(2026, 11, 3), 2027),
        ("icd10cm", date(2026, 9, 30), 2026),
        ("icd10pcs", date(2025, 10, 1), 2026),
        ("hcpcs", date(2026, 11, 3), 2026),
        ("hcpcs", date(2027, 1, 1), 2027),
    ],
)
def test_the_release_year_of_a_date_of_service(code_set, on, year):
    assert sources.source(code_set).year_of(on) == year


def test_effective_dates_and_labels():
    cm, hcpcs = sources.source("icd10cm"), sources.source("hcpcs")
    assert cm.effective(2027) == (date(2026, 10, 1), date(2027, 9, 30))
    assert hcpcs.effective(2026) == (date(2026, 1, 1), date(2026, 12, 31))
    assert cm.label(2027) == "ICD-10-CM FY2027"
    assert hcpcs.label(2026) == "HCPCS Level II CY2026"


def test_addresses_take_the_year_and_a_base_url_replaces_the_host():
    archive = sources.source("hcpcs").archives[0]
    assert archive.address(2026) == "https://www.cms.gov/files/zip/january-2026-alpha-numeric-hcpcs-file.zip"
    cm = sources.source("icd10cm").archives[0]
    assert cm.file_name(2026) == "icd10cm-Code Descriptions-2026.zip"
    assert cm.address(2026, "http://127.0.0.1:8000/files/") == (
        "http://127.0.0.1:8000/files/icd10cm-Code%20Descriptions-2026.zip"
    )


def test_counts_are_exact_for_a_known_year_and_a_floor_otherwise():
    pcs = sources.source("icd10pcs")
    assert pcs.expected_counts(2026) == (
        {"order records": 80029, "billable codes": 79115, "tables": 914, "rows": 2733},
        True,
    )
    floor, exact = pcs.expected_counts(2027)
    assert not exact and floor["billable codes"] < 79115


def test_an_unknown_code_set_is_refused_by_name():
    with pytest.raises(ValueError, match="icd10cm, icd10pcs, hcpcs"):
        sources.source("cpt")
