"""Table of Drugs and Chemicals and Neoplasm Table lookups on the installed FY2026 files."""

import pytest

from autograder.codes.official import cm_tables


def test_drug_by_intent(cache):
    adverse = cm_tables.drug_table("Acetaminophen", "adverse effect")
    assert adverse.code == "T39.1X5" and adverse.column == "adverse effect"
    assert adverse.complete is False and adverse.display == "T39.1X5-"  # the 7th character comes next
    assert cm_tables.drug_table("Acetaminophen", "intentional self-harm").code == "T39.1X2"
    assert cm_tables.drug_table("Acetaminophen", "unintentional").code == "T39.1X1"


def test_drug_subterm(cache):
    assert cm_tables.drug_table("Alcohol, ethyl", "accidental").code == "T51.0X1"


def test_a_column_the_table_leaves_empty(cache):
    result = cm_tables.drug_table("1-propanol", "adverse effect")
    assert result.code is None and "no adverse effect code" in result.note
    assert cm_tables.drug_table("1-propanol", "accidental").code == "T51.3X1"


def test_an_intent_that_is_not_a_column(cache):
    with pytest.raises(ValueError, match="accidental, self-harm, assault"):
        cm_tables.drug_table("Aspirin", "poisoning")


def test_neoplasm_by_behavior(cache):
    assert cm_tables.neoplasm_table("lung, upper lobe", "malignant secondary").code == "C78.0"
    assert cm_tables.neoplasm_table("Neoplasm, lung, upper lobe", "secondary").code == "C78.0"
    primary = cm_tables.neoplasm_table("lung", "malignant primary")
    assert primary.code == "C34.9" and primary.display == "C34.9-"


def test_neoplasm_cell_with_no_code(cache):
    result = cm_tables.neoplasm_table("abdomen, wall, connective tissue", "in situ")
    assert result.code is None and result.path[-1] == "connective tissue"
    assert cm_tables.neoplasm_table("abdomen, wall, connective tissue", "benign").code == "D21.4"


def test_a_site_not_in_the_table(cache):
    result = cm_tables.neoplasm_table("elbow of the moon", "benign")
    assert not result.found and result.code is None


def test_whole_row(cache):
    row = cm_tables.row("drug", "Acetaminophen")
    assert row["accidental"] == "T39.1X1" and row["underdosing"] == "T39.1X6"
    assert cm_tables.row("drug", "1-propanol")["adverse effect"] is None
    with pytest.raises(LookupError):
        cm_tables.row("drug", "Unobtainium")
