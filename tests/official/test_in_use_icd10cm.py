"""ICD-10-CM with official releases installed: the release chosen by date of service, the order-file
view of an installed year, and the Index, drug and neoplasm tables on the public face."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest

from autograder.codes import icd10cm
from autograder.codes.icd10cm import codelist
from autograder.codes.icd10cm.info import CodeInfo, ListedCode
from autograder.codes.normalize import normalize
from autograder.codes.official import store
from autograder.codes.release import Release

INVALID = ("S72.001", "E11", "T3601A", "S72.001Z", "I10XXXA", "A00.2", "W54.0", "E11.9A", "T360X1AA")


@pytest.fixture
def packaged_fy2025(monkeypatch):
    """Let the packaged list stand for FY2025, so that FY2026 dates are another year's: the installed
    FY2026 order file then answers for them, as a newer installed release does for its year."""
    fy2025 = Release("icd10cm", 2025, date(2024, 10, 1), date(2025, 9, 30), "packaged list")
    monkeypatch.setattr(icd10cm, "release", lambda: fy2025)


def test_the_installed_fy2026_order_file_agrees_with_the_packaged_tabular_list(cache):
    listed = codelist.code_list(store.installed_year("icd10cm", 2026))
    tabular = icd10cm.index_table()
    assert listed.codes.keys() == tabular.codes.keys()
    for key, row in tabular.codes.items():  # billable flag, parent, 7th character
        assert (listed.codes[key][1:3], listed.codes[key][4]) == (row[1:3], row[4]), key
    assert listed.children == tabular.children and listed.stems == tabular.stems
    for code in INVALID:
        key = normalize(code)
        assert [f.rule for f in icd10cm._check(listed, code, key)] == [
            f.rule for f in icd10cm._check(tabular, code, key)
        ], code


def test_a_date_in_fy2027_with_only_fy2026_installed_gets_the_release_warning(cache):
    [warning] = icd10cm.validate("E11.9", on=date(2026, 11, 3))
    assert (warning.rule, warning.severity, warning.code) == ("release.not-covered", "warning", "E11.9")
    assert "ICD-10-CM FY2027" in warning.message
    assert "checked against ICD-10-CM FY2026 instead" in warning.message
    assert warning.message.endswith("himlab data fetch --set icd10cm --year 2027")
    assert icd10cm.validate("E11.9", on=date(2026, 5, 1)) == []
    assert isinstance(icd10cm.lookup("E11.9", on=date(2026, 11, 3)), CodeInfo)  # FY2026 answers


def test_the_installed_release_for_the_date_answers_from_its_order_file(cache, packaged_fy2025):
    fy2026 = date(2026, 5, 1)
    info = icd10cm.lookup("s72.001", on=fy2026)
    assert isinstance(info, ListedCode) and info.release == "icd10cm FY2026"
    assert not info.billable and info.parent == "S72.00" and len(info.children) == 16
    assert ("A", "initial encounter for closed fracture") in info.seventh_characters
    assert "order file" in info.describe() and info.to_dict()["system"] == "icd10cm"
    assert [f.rule for f in icd10cm.validate("S72.001", on=fy2026)] == ["icd10cm.seventh-missing"]
    [unknown] = icd10cm.validate("A00.2", on=fy2026)
    assert "not in the ICD-10-CM FY2026 code list" in unknown.message
    assert icd10cm.validate("S72.001A", on=fy2026) == []
    assert isinstance(icd10cm.lookup("S72.001", on=date(2025, 5, 1)), CodeInfo)  # the packaged year


def test_without_a_date_the_packaged_tabular_list_answers(cache, packaged_fy2025):
    assert isinstance(icd10cm.lookup("E11.9"), CodeInfo)
    assert icd10cm.validate("E11") and icd10cm.validate("E11.9") == []


def test_index_walk_then_the_tabular_list_in_one_step(sample):
    result = icd10cm.index("Diabetes, type 2, with, chronic kidney disease")
    assert result.code == "E11.22" and result.release_start == date(2025, 10, 1)
    info = result.verify()
    assert isinstance(info, CodeInfo) and info.billable
    assert info.title == "Type 2 diabetes mellitus with diabetic chronic kidney disease"
    assert info.notes_of("use_additional_code")  # the tabular list's instruction comes with it
    assert icd10cm.lookup(result.code) == info


def test_an_index_code_that_needs_more_characters(cache):
    result = icd10cm.external_index("Bite, dog")
    assert result.display == "W54.0-"
    info = result.verify()
    assert not info.billable and [char for char, _ in info.seventh_characters] == ["A", "D", "S"]
    assert [f.rule for f in icd10cm.validate(result.code)] == ["icd10cm.seventh-missing"]


def test_drug_and_neoplasm_tables_on_the_public_face(cache):
    drug = icd10cm.drug_table("Acetaminophen", "adverse effect")
    assert drug.display == "T39.1X5-" and [c for c, _ in drug.verify().seventh_characters] == ["A", "D", "S"]
    neoplasm = icd10cm.neoplasm_table("lung, upper lobe", "malignant secondary")
    assert neoplasm.code == "C78.0" and neoplasm.verify().children == ("C78.00", "C78.01", "C78.02")
    assert icd10cm.external_index("Fall, from, ladder").verify().code == "W11"


def test_without_the_files_each_names_the_install_command(empty_cache):
    calls = [
        lambda: icd10cm.index("Diabetes, type 2"),
        lambda: icd10cm.external_index("Bite, dog"),
        lambda: icd10cm.drug_table("Acetaminophen", "accidental"),
        lambda: icd10cm.neoplasm_table("lung", "benign"),
    ]
    for call in calls:
        with pytest.raises(icd10cm.NotInstalled, match="himlab data fetch --set icd10cm"):
            call()
    assert issubclass(icd10cm.NotInstalled, LookupError)


def test_the_index_is_read_for_the_date_asked(cache):
    assert icd10cm.external_index("Bite, dog", on=date(2026, 5, 1)).code == "W54.0"
    with pytest.raises(icd10cm.NotInstalled, match="--year 2027"):
        icd10cm.external_index("Bite, dog", on=date(2026, 11, 3))


def test_search_ranks_index_entries_with_titles_and_inclusion_terms(cache, tmp_path, monkeypatch):
    assert icd10cm.search("struck by falling object", limit=5)[0].code == "W20.8"  # from the index
    assert icd10cm.search("struck by falling object", limit=1, billable_only=True)[0].code == "W20.8XXA"
    assert icd10cm.search("bitten by dog", limit=1)[0].code == "W54.0"  # a title saying it exactly
    monkeypatch.setenv("HIMLAB_CACHE", str(tmp_path))  # no index installed: titles alone
    assert icd10cm.search("struck by falling object", limit=1)[0].code != "W20.8"
    assert icd10cm.search("bitten by dog", limit=1)[0].code == "W54.0"


def test_importing_the_code_sets_reads_no_release():
    code = (
        "import sys; from autograder.codes import icd10cm, icd10pcs, hcpcs, modifiers; "
        "print(any(m.endswith(('official.store', 'official.pcs')) for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
