"""group(): the MS-DRG of each taught family, Table 5 figures, the explanation, versions, HAC, MCE, 999."""

from __future__ import annotations

from datetime import date

import pytest
from drg_cases import CASES, case

from autograder.payment import CaseError, group
from autograder.payment.weights import drg_weight


@pytest.mark.parametrize(("cid", "fields", "expected", "why"), CASES, ids=[c[0] for c in CASES])
def test_case_groups_to_expected_drg(cid, fields, expected, why):
    result = group(fields)
    assert result.drg == expected, why
    row = drg_weight(expected)
    assert (result.weight, result.gmlos, result.amlos) == (row.weight, row.gmlos, row.amlos)
    assert result.weight is not None and result.weight > 0
    assert result.partition == row.partition


def test_there_are_at_least_thirty_cases_over_the_taught_families():
    drgs = {expected for _, _, expected, _ in CASES}
    assert len(CASES) >= 30
    for family in (
        {193, 194, 195},
        {291, 292, 293},
        {871, 872},
        {469, 470},
        {795},
        {807},
        {190, 191, 192},
        {377, 378, 379},
        {64, 65, 66},
        {885},
    ):
        assert family <= drgs


def _note(result, code):
    return next(n for n in result.explanation.secondary if n.code == code)


def test_explanation_names_mdc_partition_and_the_code_that_sets_severity():
    result = group(case("J18.9", ["J96.01:Y", "E11.9:Y", "N17.9:Y"]))
    assert result.mdc == "04"
    assert "J18.9" in result.explanation.mdc and "MDC 04" in result.explanation.mdc
    assert result.explanation.partition.startswith("medical")
    assert result.explanation.severity == "MCC from J96.01"
    mcc, plain, cc = _note(result, "J96.01"), _note(result, "E11.9"), _note(result, "N17.9")
    assert (mcc.level, mcc.counts, mcc.sets_severity) == ("MCC", True, True)
    assert (plain.level, plain.counts) == ("none", False)
    assert (cc.level, cc.counts, cc.sets_severity) == ("CC", True, False)
    assert "splits only on MCC" in cc.reason


def test_surgical_partition_names_the_deciding_procedure():
    result = group(case("M17.11", [], ["0SRC0J9"]))
    assert result.partition == "surgical"
    assert "0SRC0J9" in result.explanation.partition
    assert result.explanation.procedures[0].decides_drg


def test_non_or_procedure_does_not_move_a_medical_case():
    result = group(case("J18.9", [], ["0BH17EZ"]))
    assert result.partition == "medical"
    assert not result.explanation.procedures[0].decides_drg


def test_cc_excluded_by_principal_diagnosis_is_explained():
    excluded = _note(group(case("I50.21", ["I50.22:Y"])), "I50.22")
    assert (excluded.level, excluded.counts) == ("CC", False)
    assert "excluded with principal diagnosis I50.21" in excluded.reason
    counted = _note(group(case("J18.9", ["I50.22:Y"])), "I50.22")
    assert counted.counts


def test_hospital_acquired_condition_not_present_on_admission_loses_its_mcc():
    lost = group(case("J18.9", ["L89.154:N"]))
    assert (lost.initial_drg, lost.drg) == (193, 195)
    note = _note(lost, "L89.154")
    assert (note.level, note.counts) == ("MCC", False)
    assert "HAC04" in note.reason and "POA N" in note.reason
    assert "193 to 195" in lost.explanation.hac
    kept = group(case("J18.9", ["L89.154:Y"]))
    assert (kept.initial_drg, kept.drg, kept.explanation.hac) == (193, 193, None)


def test_poa_exempt_hospital_keeps_the_mcc():
    exempt = group(case("J18.9", ["L89.154:N"], poa_exempt=True))
    assert exempt.drg == 193
    assert any("exempt from POA" in n for n in exempt.explanation.notes)


def test_mcc_that_counts_only_for_a_live_discharge():
    died = _note(group(case("I21.4", ["I46.9:Y"], discharge_status="20")), "I46.9")
    assert not died.counts and "leaves alive" in died.reason
    alive = _note(group(case("I21.4", ["I46.9:Y"])), "I46.9")
    assert alive.counts and alive.sets_severity


def test_pre_mdc_and_unrelated_or_procedure_are_explained():
    trach = group(case("J96.00", [], ["0B110F4", "5A1955Z"]))
    assert trach.mdc == "PRE" and trach.explanation.mdc.startswith("Pre-MDC")
    unrelated = group(case("J18.9", [], ["0DTJ4ZZ"]))
    assert "unrelated O.R. procedure" in unrelated.explanation.mdc


def test_mce_age_conflict_is_reported_both_ways():
    old = group(case("O80", ["Z37.0:Y"], ["10E0XZZ"], age=70))
    assert [f.rule for f in old.findings] == ["mce.age-conflict"]
    assert old.findings[0].is_error and "age" in old.explanation.edits[0]
    young = group(case("O80", ["Z37.0:Y"], ["10E0XZZ"], age=28))
    assert young.findings == ()
    newborn_code_adult = group(case("Z38.00", age=40))
    assert [f.rule for f in newborn_code_adult.findings] == ["mce.age-conflict"]


def test_mce_duplicate_of_principal_is_reported():
    result = group(case("J18.9", ["J18.9:Y"]))
    assert "mce.duplicate-of-pdx" in [f.rule for f in result.findings]
    assert "repeats the principal diagnosis" in _note(result, "J18.9").reason


def test_ungroupable_invalid_principal_diagnosis_gives_999_only_without_code_checks():
    with pytest.raises(CaseError) as caught:
        group(case("J18"))
    assert caught.value.problems[0].locator == "pdx"
    result = group(case("J18"), validate_codes=False)
    assert result.drg == 999 and result.weight is None and result.partition == ""
    assert "ungroupable" in result.explanation.mdc
    assert "mce.invalid-code" in [f.rule for f in result.findings]


@pytest.mark.parametrize(
    ("discharged", "version", "warned"),
    [
        ("2025-10-01", 430, False),
        ("2026-03-31", 430, False),
        ("2026-04-01", 431, False),
        ("2026-09-30", 431, False),
        ("2026-10-01", 431, True),
        (None, 431, False),
    ],
)
def test_grouper_version_follows_the_discharge_date(discharged, version, warned):
    result = group(case("J18.9", ["J96.01:Y"], discharge_date=discharged))
    assert result.version == version
    rules = [f.rule for f in result.findings]
    assert ("payment.release-missing" in rules) == warned
    if warned:
        assert "v44" in result.findings[0].message
        assert any("v44" in n for n in result.explanation.notes)


def test_discharge_before_fy2026_is_refused():
    with pytest.raises(CaseError) as caught:
        group(case("J18.9", discharge_date="2025-09-30"))
    assert caught.value.problems[0].locator == "discharge_date"


def test_result_to_dict_has_the_figures_and_the_explanation():
    data = group(case("J18.9", ["J96.01:Y"])).to_dict()
    assert {"drg", "mdc", "title", "weight", "gmlos", "amlos", "explanation"} <= set(data)
    assert data["drg"] == "193" and data["weight"] == 1.3144
    assert data["explanation"]["text"][0].startswith("MDC:")
    assert data["case"]["discharge_date"] == date(2026, 5, 15).isoformat()
