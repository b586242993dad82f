"""Place of service: the full CMS list, facility flags, rules both ways."""

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from autograder.codes import pos

# Medicare Claims Processing Manual, Pub. 100-04, ch. 12, section 20.4.2: settings paid at the facility rate.
FACILITY = {"02", "19", "21", "22", "23", "24", "26", "31", "34", "41", "42", "51", "52", "53", "56", "61"}


def test_full_list_of_assigned_codes():
    codes = list(pos.all_codes())
    assert len(codes) == 52
    assert codes[0] == "01" and codes[-1] == "99"
    assert all(len(c) == 2 and c.isdigit() for c in codes)
    for unassigned in ("00", "28", "35", "59", "63", "67", "98"):
        assert unassigned not in codes


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("11", "Office"),
        ("12", "Home"),
        ("21", "Inpatient Hospital"),
        ("22", "On Campus-Outpatient Hospital"),
        ("23", "Emergency Room - Hospital"),
        ("31", "Skilled Nursing Facility"),
        ("66", "Programs of All-Inclusive Care for the Elderly (PACE) Center"),
    ],
)
def test_names(code, name):
    assert pos.lookup(code).name == name


def test_facility_flags_follow_the_fee_schedule_rule():
    assert {c for c in pos.all_codes() if pos.is_facility(c)} == FACILITY
    assert pos.is_facility("02") is True and pos.is_facility("10") is False
    assert pos.is_facility("28") is None
    assert pos.lookup("21").rate == "facility" and pos.lookup("11").rate == "non-facility"


@pytest.mark.parametrize(
    ("bad", "rule"),
    [
        ("", "pos.empty"),
        ("1A", "pos.format"),
        ("011", "pos.format"),
        ("28", "pos.unassigned"),
        ("00", "pos.unassigned"),
    ],
)
def test_rules_trip(bad, rule):
    [finding] = pos.validate(bad)
    assert finding.rule == rule and finding.locator == "CMS-1500 24B"


@pytest.mark.parametrize("good", ["11", 11, "1", " 21 ", "99"])
def test_valid_codes_pass(good):
    assert pos.validate(good) == []
    assert pos.lookup(good) is not None


def test_effective_dates_both_ways():
    assert [f.rule for f in pos.validate("27", on=date(2023, 9, 30))] == ["pos.not-yet-effective"]
    assert pos.validate("27", on=date(2023, 10, 1)) == []
    assert pos.lookup("66", on=date(2024, 7, 31)) is None
    assert pos.lookup("66", on=date(2024, 8, 1)) is not None


def test_newest_entry_and_release():
    newest = max(pos.all_codes(), key=lambda c: pos.lookup(c).effective_from or date.min)
    assert newest == "66"
    assert pos.release().effective_from == pos.lookup("66").effective_from == date(2024, 8, 1)


def test_lookup_and_search():
    place = pos.lookup("19")
    assert place.to_dict()["rate"] == "facility" and "19" in place.describe()
    assert {p.code for p in pos.search("hospital")} >= {"19", "21", "22", "23"}
    assert pos.search("qqq") == []


DATES = st.one_of(st.none(), st.dates(), st.datetimes(), st.text(max_size=10))


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=4), st.integers(), st.none(), st.floats()), DATES)
def test_random_input_never_raises(value, on):
    pos.validate(value, on=on)
    pos.lookup(value, on=on)
    pos.search(value)
