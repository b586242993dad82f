"""Credit per response: choice and code items all or nothing, coding cases point by point."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from autograder.exam.bank import get_item
from autograder.exam.scoring import credit, parse_codes, parse_diagnoses, score_attempt, score_case

CHOICE = get_item("cpc-001")  # benign back lesion, key 11402
ORDERED = get_item("cpc-063")  # E11.22 then N18.31
APPENDIX = get_item("ccs-001")  # K35.30:Y, E11.9:Y, I10:Y; 0DTJ4ZZ
CESAREAN = get_item("ccs-005")  # O34.211:Y, Z3A.39 and Z37.0 exempt; 10D00Z1
LACERATION = get_item("ccs-012")  # outpatient: S51.811A; 12001


def test_choice():
    assert credit(CHOICE, CHOICE.answer) == 1
    assert credit(CHOICE, f" {CHOICE.answer.lower()} ") == 1
    wrong = next(letter for letter in "ABCD" if letter != CHOICE.answer)
    assert credit(CHOICE, wrong) == 0
    assert credit(CHOICE, None) == 0


def test_code_items_accept_any_spelling_and_check_order_when_it_matters():
    assert parse_codes(" e11.22 ,n18.31") == ["E1122", "N1831"]
    assert credit(ORDERED, "E11.22, N18.31") == 1
    assert credit(ORDERED, "e1122 n1831") == 1
    assert credit(ORDERED, "N18.31, E11.22") == 0  # the combination code comes first
    assert credit(ORDERED, "E11.22") == 0
    unordered = get_item("cca-001")
    assert credit(unordered, "j18.9") == 1 and credit(unordered, "J18.0") == 0


def test_a_perfect_case_earns_full_credit():
    response = {"diagnoses": "K35.30:Y, E11.9:Y, I10:Y", "procedures": "0DTJ4ZZ"}
    assert credit(APPENDIX, response) == 1
    assert score_case(APPENDIX.answer, response).notes == ()


def test_case_partial_credit_point_by_point():
    # 3 diagnoses x (code + POA) + principal + 1 procedure = 8 points
    result = score_case(APPENDIX.answer, {"diagnoses": "K35.30:Y, E11.9:N, I10:Y", "procedures": "0DTJ4ZZ"})
    assert (result.earned, result.possible) == (7, 8)
    assert result.notes == ("POA for E11.9 should be Y, not N",)
    wrong_principal = score_case(
        APPENDIX.answer, {"diagnoses": "I10:Y, K35.30:Y, E11.9:Y", "procedures": "0DTJ4ZZ"}
    )
    assert wrong_principal.earned == 7 and "principal diagnosis should be K35.30" in wrong_principal.notes
    no_procedure = score_case(APPENDIX.answer, {"diagnoses": "K35.30:Y, E11.9:Y, I10:Y", "procedures": ""})
    assert no_procedure.earned == 7 and "missing procedure 0DTJ4ZZ" in no_procedure.notes


def test_over_coding_costs_a_point_and_never_goes_below_zero():
    extra = score_case(
        APPENDIX.answer, {"diagnoses": "K35.30:Y, E11.9:Y, I10:Y, R10.31:Y", "procedures": "0DTJ4ZZ"}
    )
    assert extra.earned == 7
    nothing_right = score_case(APPENDIX.answer, {"diagnoses": "R10.31:Y, R11.2:Y", "procedures": "0DT J4ZZ"})
    assert nothing_right.earned == 0


def test_exempt_codes_take_a_blank_poa():
    good = {"diagnoses": "O34.211:Y, Z3A.39, Z37.0", "procedures": "10D00Z1"}
    assert credit(CESAREAN, good) == 1
    flagged = score_case(
        CESAREAN.answer, {"diagnoses": "O34.211:Y, Z3A.39:Y, Z37.0", "procedures": "10D00Z1"}
    )
    assert flagged.earned == flagged.possible - 1


def test_outpatient_cases_ignore_poa():
    assert parse_diagnoses("S51.811A") == [("S51811A", "")]
    assert credit(LACERATION, {"diagnoses": "S51.811A", "procedures": "12001"}) == 1
    assert credit(LACERATION, {"diagnoses": "S51.811A:Y", "procedures": "12001"}) == 1
    # a wrong code misses the expected one and counts as over-coding: (1 + 1 + 0 - 1) / 3
    assert credit(LACERATION, {"diagnoses": "S51.811A", "procedures": "12002"}) == pytest.approx(1 / 3)


@given(
    st.one_of(st.none(), st.text(), st.integers(), st.dictionaries(st.text(), st.text()), st.lists(st.text()))
)
def test_any_response_scores_without_raising(response):
    for item in (CHOICE, ORDERED, APPENDIX):
        assert 0 <= credit(item, response) <= 1


def test_attempt_score_by_domain():
    items = [CHOICE, ORDERED, APPENDIX]
    report = score_attempt(items, {CHOICE.id: CHOICE.answer, APPENDIX.id: {"diagnoses": "K35.30:Y"}})
    assert report.possible == 3
    assert report.by_domain["integumentary"] == [1.0, 1]
    assert report.by_domain["diagnosis-hcpcs-compliance"] == [0.0, 1]
    assert report.by_domain["coding-knowledge"][0] == pytest.approx(3 / 8)
    assert report.percent == round(100 * (1 + 3 / 8) / 3, 1)
    assert report.to_dict()["domains"]["integumentary"]["percent"] == 100.0
