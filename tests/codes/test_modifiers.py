"""Modifiers: the required set, kinds, the NCCI list, our own words, Level II ones active in the CMS file."""

import difflib
import gzip
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from autograder.codes import modifiers

REQUIRED = (
    "LT RT E1 E2 E3 E4 FA F1 F2 F3 F4 F5 F6 F7 F8 F9 TA T1 T2 T3 T4 T5 T6 T7 T8 T9 "
    "XE XS XP XU GA GZ GY KX JW JZ 25 59 76 77 26 50 51 57 91 95"
).split()

# CMS NCCI Policy Manual for Medicare Services, chapter I: modifiers that may bypass a PTP edit.
NCCI = set(
    "E1 E2 E3 E4 FA F1 F2 F3 F4 F5 F6 F7 F8 F9 TA T1 T2 T3 T4 T5 T6 T7 T8 T9 LT RT LC LD RC LM RI "
    "24 25 57 58 78 79 27 59 91 XE XS XP XU".split()
)


def shared(*parts: str) -> Path:
    default = Path(__file__).resolve().parents[2] / ".." / "shared" / "cms-data"
    base = os.environ.get("HIMLAB_SHARED_DATA") or default
    path = Path(base).joinpath(*parts)
    if not path.exists():
        pytest.skip(f"official file {path} not present")
    return path


@pytest.fixture(scope="module")
def official_modifiers() -> dict[str, dict[str, str]]:
    """Modifier records of the CMS January 2026 file (RIC 7 first lines, RIC 8 continuations)."""
    found: dict[str, dict[str, str]] = {}
    with gzip.open(shared("hcpcs", "HCPC2026_JAN_ANWEB_01122026.txt.gz"), "rt", encoding="latin-1") as handle:
        for line in handle:
            if len(line) < 11:
                continue
            if line[10] == "7":
                current = found[line[3:5]] = {
                    "long": line[11:91].strip(),
                    "terminated": line[284:292].strip(),
                }
            elif line[10] == "8":
                current["long"] += " " + line[11:91].strip()
    return found


def test_required_modifiers_present_with_their_kind():
    assert len(modifiers.all_modifiers()) >= 60
    for mod in REQUIRED:
        found = modifiers.lookup(mod)
        assert found is not None, mod
        expected = "CPT" if mod.isdigit() else "HCPCS Level II"
        assert found.kind == expected, mod


def test_ncci_flag_matches_the_ncci_policy_manual_list():
    assert {m.modifier for m in modifiers.ncci_modifiers()} == NCCI


def test_kind_filter():
    cpt = modifiers.all_modifiers("CPT")
    assert cpt and all(m.modifier.isdigit() for m in cpt)
    assert all(not m.modifier.isdigit() for m in modifiers.all_modifiers("HCPCS Level II"))


def test_level_two_modifiers_are_active_in_the_cms_file_and_described_in_our_words(official_modifiers):
    for mod in modifiers.all_modifiers("HCPCS Level II"):
        assert mod.modifier in official_modifiers, mod.modifier
        assert official_modifiers[mod.modifier]["terminated"] == "", mod.modifier
        ours = mod.description.lower().rstrip(".")
        theirs = official_modifiers[mod.modifier]["long"].lower().rstrip(".")
        assert difflib.SequenceMatcher(None, ours, theirs).ratio() < 0.85, mod.modifier
    for mod in modifiers.all_modifiers("CPT"):
        assert mod.modifier not in official_modifiers


def test_source_metadata():
    meta = modifiers.source()
    assert "January 2026" in meta["source"] and meta["effective"] == "2026-01-01"


@pytest.mark.parametrize(
    ("bad", "rule", "severity"),
    [
        ("", "modifier.empty", "error"),
        ("ABC", "modifier.format", "error"),
        ("L-", "modifier.format", "error"),
        ("HZ", "modifier.not-in-table", "warning"),
    ],
)
def test_rules_trip(bad, rule, severity):
    [finding] = modifiers.validate(bad)
    assert (finding.rule, finding.severity) == (rule, severity)


@pytest.mark.parametrize("good", ["25", " lt ", "-59", "XU", "jw"])
def test_known_modifiers_pass(good):
    assert modifiers.validate(good) == []
    assert modifiers.lookup(good) is not None


def test_lookup_result():
    mod = modifiers.lookup("59")
    assert mod.ncci and mod.kind == "CPT" and "XE" in mod.description
    assert mod.to_dict()["code"] == "59"
    assert "NCCI" in mod.describe()
    assert modifiers.lookup("QQ") is None


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=5), st.integers(), st.none()))
def test_random_input_never_raises(value):
    modifiers.validate(value)
    modifiers.lookup(value)
