"""ICD-10-PCS with the official FY2026 release installed: official titles, axis labels and
definitions, explanations from the tables, the release chosen by discharge date, and the tables,
build and Index on the public face."""

from __future__ import annotations

from datetime import date

import pytest

from autograder.codes import icd10pcs
from autograder.codes.icd10pcs import axes

RESECTION = "Cutting out or off, without replacement, all of a body part"  # the official definition


def test_official_titles_and_labels_once_installed(cache):
    info = icd10pcs.lookup("0DTJ4ZZ")
    assert info.title == "Resection of Appendix, Percutaneous Endoscopic Approach"
    assert info.title_source == "CMS ICD-10-PCS order file FY2026 (installed)"
    assert info.title_fiscal_year == 2026
    assert info.notes == ()
    assert info.axes[2].definition == RESECTION
    assert "Vermiform appendix" in icd10pcs.decode("0dtj4zz")[3].definition


def test_the_packaged_titles_and_labels_without_it(empty_cache):
    info = icd10pcs.lookup("0DTJ4ZZ")
    assert info.title_fiscal_year == 2024
    assert icd10pcs.decode("0DTJ4ZZ")[2].definition not in (None, RESECTION)


def test_a_code_newer_than_the_packaged_titles_gets_its_official_title(cache):
    info = icd10pcs.lookup("02UW3LZ")
    assert info.title == (
        "Supplement Thoracic Aorta, Descending with Intraluminal Device, Endovascular Anchors, "
        "Percutaneous Approach"
    )
    assert not any("no packaged title" in note for note in info.notes)


def test_the_tables_explain_an_invalid_code(cache):
    [finding] = icd10pcs.validate("0DTJ3ZZ")
    assert finding.rule == "icd10pcs.invalid-combination"
    assert "character 5 (Approach) cannot be '3'" in finding.message
    assert "table 0DT allows 0 (Open), 4 (Percutaneous Endoscopic)" in finding.message
    [section] = icd10pcs.validate("ZDTJ4ZZ")
    assert section.rule == "icd10pcs.section" and "0 (Medical and Surgical)" in section.message
    assert icd10pcs.validate("0DTJ0ZZ") == []
    decoded = icd10pcs.decode("0DTJ3ZZ")
    assert decoded[4].label is None and "tables allow" in decoded[4].note


def test_validity_within_the_year_still_follows_its_updates(cache):
    # the installed order file is the October release; the Code Editor also knows the April update
    assert icd10pcs.validate("30233AZ", on=date(2025, 10, 1)) == []
    assert [f.rule for f in icd10pcs.validate("30233AZ", on=date(2026, 5, 1))] == ["icd10pcs.not-in-effect"]


def test_a_discharge_in_fy2027_gets_the_release_warning(cache):
    [warning] = icd10pcs.validate("0DTJ4ZZ", on=date(2026, 11, 3))
    assert warning.rule == "release.not-covered" and "ICD-10-PCS FY2027" in warning.message
    assert warning.message.endswith("himlab data fetch --set icd10pcs --year 2027")
    assert icd10pcs.validate("0DTJ4ZZ", on=date(2026, 9, 30)) == []


def test_every_fy2026_code_and_the_release_it_comes_from(cache):
    assert sum(1 for _ in icd10pcs.all_codes()) == 79_115
    assert sum(1 for _ in icd10pcs.all_codes(billable=False)) == 79_115 + 914
    release = icd10pcs.release()
    assert release.label == "icd10pcs FY2026"
    assert release.files["icd10pcs_tables_2026.xml"] == (
        "8a9020bde754a93826ae122ac6bb293271a167e34c05181f1789b5fd3038e96a"
    )
    assert icd10pcs.search("resection appendix open", limit=1)[0].code == "0DTJ0ZZ"


def test_without_it_only_the_packaged_titled_codes(empty_cache):
    assert sum(1 for _ in icd10pcs.all_codes()) < 79_115
    assert "drg" in icd10pcs.release().source


def test_tables_build_and_index_on_the_public_face(cache):
    assert len(icd10pcs.tables()) == 914
    assert icd10pcs.table("0DT").info.operation == "Resection"
    step = icd10pcs.build("0DT", "Appendix")
    assert step.axis == "Approach" and step.chosen[2].definition == RESECTION
    laminaria = icd10pcs.index("Abortion, Laminaria")
    assert laminaria.verify().complete and laminaria.verify().title == (
        "Abortion of Products of Conception, Laminaria, Via Natural or Artificial Opening"
    )
    partial = icd10pcs.index("Abdominohysterectomy").verify()  # a partial code: build on from it
    assert partial.code == "0UT9" and partial.axis == "Approach"


def test_without_the_files_the_tables_name_the_install_command(empty_cache):
    for call in (icd10pcs.tables, lambda: icd10pcs.build("0DT"), lambda: icd10pcs.index("Appendectomy")):
        with pytest.raises(icd10pcs.NotInstalled, match="himlab data fetch --set icd10pcs"):
            call()


def test_a_chosen_label_source_wins_over_the_installed_one(cache):
    icd10pcs.use_labels(lambda code: [axes.Axis(i + 1, "Axis", c, f"label {c}") for i, c in enumerate(code)])
    try:
        assert icd10pcs.decode("0DTJ4ZZ")[3].label == "label J"
    finally:
        icd10pcs.use_labels(None)
    assert icd10pcs.decode("0DTJ4ZZ")[2].definition == RESECTION  # back to the installed tables
