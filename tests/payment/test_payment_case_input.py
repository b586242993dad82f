"""make_case(): each input rule trips on bad input and passes good input, naming the field and the fix."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from autograder.payment import CaseError, make_case
from autograder.payment.case import as_case

GOOD = {"pdx": "J18.9", "sdx": ["J96.01:Y"], "procedures": ["0BH17EZ"], "age": 70, "sex": "F"}


def _problems(**changes) -> dict[str, str]:
    with pytest.raises(CaseError) as caught:
        make_case(**{**GOOD, **changes})
    return {p.locator: p.message for p in caught.value.problems}


def test_good_case_is_normalized():
    c = make_case(
        " j18.9 ", ["j96.01:y", ("E11.9", "N"), {"code": "I10"}], ["0bh17ez"], age="70", sex="female"
    )
    assert c.pdx.code == "J189" and c.pdx.poa == "Y"
    assert [(d.code, d.poa) for d in c.sdx] == [("J9601", "Y"), ("E119", "N"), ("I10", None)]
    assert c.procedures == ("0BH17EZ",)
    assert (c.age, c.sex, c.discharge_status) == (70, "F", "01")


def test_delimited_string_lists_are_accepted():
    c = make_case("J18.9", "J96.01:Y; E11.9:Y", "0BH17EZ", age=70, sex="M")
    assert [d.code for d in c.sdx] == ["J9601", "E119"]


@pytest.mark.parametrize("age", [-1, 125, 170, "old", 70.5, True])
def test_impossible_age_is_refused(age):
    assert "0 to 124" in _problems(age=age)["age"]


@pytest.mark.parametrize("age", [0, 124, "35"])
def test_possible_age_is_accepted(age):
    assert make_case(**{**GOOD, "age": age}).age == int(age)


@pytest.mark.parametrize("sex", ["X", "", None, 1])
def test_unknown_sex_is_refused(sex):
    assert "M, F or U" in _problems(sex=sex)["sex"]


@pytest.mark.parametrize("status", ["99", "08", "40", "abc", None, 1.5])
def test_unknown_discharge_status_is_refused(status):
    assert "two-digit code" in _problems(discharge_status=status)["discharge_status"]


@pytest.mark.parametrize(("status", "expected"), [(1, "01"), ("3", "03"), ("20", "20"), ("95", "95")])
def test_discharge_status_is_padded(status, expected):
    assert make_case(**{**GOOD, "discharge_status": status}).discharge_status == expected


def test_bad_poa_is_refused_and_blank_poa_is_exempt():
    assert "Y, N, U or W" in _problems(sdx=["J96.01:X"])["sdx[0] POA"]
    assert "Y, N, U or W" in _problems(pdx_poa="1")["pdx POA"]
    assert make_case(**{**GOOD, "sdx": ["J96.01:"]}).sdx[0].poa is None


def test_invalid_codes_are_refused_with_the_code_set_message():
    problems = _problems(pdx="J18", sdx=["J96.01:Y", "ZZZ"], procedures=["0BH17E"])
    assert set(problems) == {"pdx", "sdx[1]", "procedures[0]"}
    assert "billable" in problems["pdx"]
    assert "7" in problems["procedures[0]"]


def test_empty_codes_are_refused():
    assert "empty" in _problems(pdx="")["pdx"]
    assert "empty" in _problems(sdx=[":Y"])["sdx[0]"]
    assert "procedure code" in _problems(procedures=[" "])["procedures[0]"]


def test_dates_are_parsed_checked_and_give_the_length_of_stay():
    c = make_case(**GOOD, admission_date="2026-05-01", discharge_date=date(2026, 5, 4))
    assert c.length_of_stay == 3
    same_day = make_case(**GOOD, admission_date="2026-05-01", discharge_date="2026-05-01")
    assert same_day.length_of_stay == 1
    assert make_case(**GOOD).length_of_stay is None
    assert "YYYY-MM-DD" in _problems(discharge_date="05/04/2026")["discharge_date"]
    assert "swap" in _problems(admission_date="2026-05-05", discharge_date="2026-05-01")["admission_date"]


def test_every_problem_is_reported_at_once():
    problems = _problems(age=200, sex="Q", discharge_status="99", pdx="J18")
    assert set(problems) == {"age", "sex", "discharge_status", "pdx"}


def test_as_case_checks_the_mapping_keys():
    with pytest.raises(CaseError) as unknown:
        as_case({**GOOD, "disposition": "01"})
    assert unknown.value.problems[0].locator == "disposition"
    with pytest.raises(CaseError) as missing:
        as_case({"pdx": "J18.9"})
    assert {p.locator for p in missing.value.problems} == {"age", "sex"}
    with pytest.raises(CaseError):
        as_case(["J18.9"])


@settings(max_examples=60, deadline=None)
@given(
    pdx=st.one_of(st.text(max_size=9), st.integers(), st.none()),
    sdx=st.lists(st.one_of(st.text(max_size=10), st.integers(), st.tuples(st.text(max_size=8))), max_size=3),
    age=st.one_of(st.integers(-5, 200), st.text(max_size=4), st.none()),
    sex=st.one_of(st.text(max_size=3), st.none()),
    status=st.one_of(st.text(max_size=3), st.integers(-1, 120)),
)
def test_any_input_gives_a_case_or_a_case_error(pdx, sdx, age, sex, status):
    try:
        make_case(pdx, sdx, age=age, sex=sex, discharge_status=status)
    except CaseError as exc:
        assert exc.problems and all(p.severity == "error" and p.locator for p in exc.problems)
