"""what_if(): the DRG and payment difference of one change, with the reason."""

from __future__ import annotations

import pytest
from drg_cases import case

from autograder.payment import CaseError, what_if


def test_adding_an_mcc_moves_the_drg_and_the_payment():
    change = what_if(case("J18.9"), add_sdx=["J96.01:Y"])
    assert (change.before.drg, change.after.drg, change.drg_changed) == (195, 193, True)
    assert change.weight_difference == round(1.3144 - 0.6285, 4)
    assert change.payment_difference == round(change.payment_after.total - change.payment_before.total, 2) > 0
    assert any(r.startswith("J96.01: an MCC") for r in change.reasons)
    assert "MS-DRG 195 -> 193 Simple Pneumonia and Pleurisy with MCC" in change.reasons


def test_adding_a_code_that_is_not_a_cc_changes_nothing():
    change = what_if(case("J18.9"), add_sdx="E11.9:Y")
    assert not change.drg_changed and change.payment_difference == 0
    assert "E11.9: neither a CC nor an MCC" in change.reasons


def test_removing_the_mcc_says_what_it_was():
    change = what_if(case("I50.9", ["J96.01:Y"]), remove_sdx=["J96.01"])
    assert (change.before.drg, change.after.drg) == (291, 293)
    assert any(r.startswith("J96.01 was an MCC") for r in change.reasons)


def test_poa_n_on_a_hac_code_drops_the_drg():
    change = what_if(case("J18.9", ["L89.154:Y"]), poa={"L89.154": "N"})
    assert (change.before.drg, change.after.drg) == (193, 195)
    assert change.changes == ("POA of L89.154: Y -> N",)
    assert any("hospital-acquired condition" in r for r in change.reasons)


def test_discharge_to_snf_keeps_the_drg_but_cuts_the_payment():
    stay = case("J18.9", ["J96.01:Y"], admission_date="2026-05-13")
    change = what_if(stay, discharge_status="03")
    assert not change.drg_changed
    assert change.payment_before.total == 9564.57 and change.payment_after.total == 7357.36
    assert any("Post-acute transfer" in r for r in change.reasons)


def test_death_changes_an_ami_drg():
    change = what_if(case("I21.4", ["I46.9:Y"]), discharge_status="20")
    assert (change.before.drg, change.after.drg) == (280, 285)


def test_adding_and_removing_a_procedure():
    added = what_if(case("M17.11"), add_procedures=["0SRC0J9"])
    assert added.after.drg == 470 and added.after.partition == "surgical"
    assert any(r.startswith("Partition now: surgical") for r in added.reasons)
    removed = what_if(case("M17.11", [], ["0SRC0J9"]), remove_procedures="0SRC0J9")
    assert removed.after.partition == "medical"
    assert "0SRC0J9 decided the DRG before" in removed.reasons


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"remove_sdx": ["N17.9"]}, "remove_sdx"),
        ({"remove_procedures": ["0SRC0J9"]}, "remove_procedures"),
        ({"poa": {"N17.9": "N"}}, "poa"),
        ({}, "what_if"),
        ({"add_sdx": ["E11.9:Q"]}, "sdx[1] POA"),
        ({"discharge_status": "99"}, "discharge_status"),
    ],
)
def test_changes_that_do_not_fit_the_case_name_the_field(kwargs, field):
    with pytest.raises(CaseError) as caught:
        what_if(case("J18.9", ["J96.01:Y"]), **kwargs)
    assert caught.value.problems[0].locator == field


def test_what_if_to_dict():
    data = what_if(case("J18.9"), add_sdx=["J96.01:Y"]).to_dict()
    assert (data["drg_before"], data["drg_after"], data["drg_changed"]) == ("195", "193", True)
    assert data["reasons"] and data["changes"] == ["Added secondary diagnosis J96.01:Y"]
