"""ICD-10-CM search: ranking, abbreviations, prefixes, billable-only; and nothing a user types raises."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from autograder.codes import icd10cm
from autograder.findings import Finding

pytestmark = pytest.mark.usefixtures("icd10cm_index")


def codes(text, limit=20, billable_only=False) -> list[str]:
    return [h.code for h in icd10cm.search(text, limit=limit, billable_only=billable_only)]


def test_exact_title_ranks_e11_9_in_the_top_3():
    assert "E11.9" in codes("type 2 diabetes mellitus without complications")[:3]


def test_a_category_that_says_exactly_what_was_typed_brings_its_billable_codes():
    # "diabetes NOS" is an inclusion term of E11, which is not billable: E11.9 is one level down
    hits = codes("diabetes")
    assert hits.index("E11") < hits.index("E11.9") < 5
    assert "E11" not in codes("diabetes", billable_only=True)
    assert "E11.9" in codes("diabetes", limit=5, billable_only=True)


def test_a_category_matched_only_loosely_does_not_bring_its_children():
    # "diabetes" appears in O24's title, but O24 is not what was typed: its codes are not pulled up
    assert "O24.4" not in [code[:4] for code in codes("diabetes")[:3]]


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("type 2 diabetes ckd", "E11.22"),  # ckd: chronic kidney disease
        ("t2dm hyperglycemia", "E11.65"),
        ("htn", "I10"),  # the I10 includes note: hypertension
        ("high blood pressure", "I10"),  # an includes note, not the title
        ("stroke", "I63.9"),  # inclusion term "Stroke NOS"
        ("copd exacerbation", "J44.1"),
        ("uti", "N39.0"),
        ("essential hypertension", "I10"),  # "(primary)" is a nonessential modifier
        ("meniere", "H81.0"),  # accents folded
        ("poisoning penicillin accidental", "T36.0X1"),
        ("dvt left leg", "I82.402"),  # "thrombosis of unspecified deep veins of left lower extremity"
        ("dog bite", "W54.0"),  # "Bitten by dog"
    ],
)
def test_ranking(query, code):
    assert code in codes(query)[:3], icd10cm.search(query, limit=5)


def test_abbreviation_and_prefix_words():
    hits = icd10cm.search("fx femur neck", limit=10)
    assert hits
    for hit in hits:
        title = hit.title.lower()
        assert "fracture" in title and "femur" in title and "neck" in title
    assert codes("fx femur neck")[0].startswith("S72.0")


def test_prefix_of_the_last_word():
    hits = icd10cm.search("diab retinop", limit=10)
    assert hits
    for hit in hits:
        words = hit.title.lower().replace("-", " ").split()
        assert any(w.startswith("diab") for w in words) and any(w.startswith("retinop") for w in words)
    assert any("diabetic retinopathy" in h.title.lower() for h in hits[:3])


def test_billable_only_returns_billable_codes_and_expands_seventh_characters():
    everything = icd10cm.search("fx femur neck", limit=20)
    assert any(not h.billable for h in everything)
    billable = icd10cm.search("fx femur neck", limit=20, billable_only=True)
    assert billable and all(h.billable for h in billable)
    assert billable[0].code.endswith("A")  # initial encounter before subsequent and sequela
    assert all(icd10cm.validate(h.code) == [] for h in billable)


def test_words_about_the_encounter_reach_generated_codes():
    hits = icd10cm.search("femur fracture initial closed", limit=5)
    assert hits and all(
        h.code.endswith("A") and "initial encounter for closed fracture" in h.title for h in hits
    )


def test_a_code_as_query_returns_it_and_the_codes_below_it():
    found = codes("e11.6", limit=50)
    assert found[0] == "E11.6"
    assert set(found[1:]) == {
        c for c in icd10cm.all_codes(billable=False) if c.startswith("E11.6") and c != "E11.6"
    }
    assert codes("E11.6", billable_only=True)[0] == "E11.610"


def test_limit():
    assert len(icd10cm.search("fracture", limit=7)) == 7
    assert icd10cm.search("fracture", limit=0) == []


def test_when_no_code_has_every_word_the_best_partial_matches_come_back():
    assert codes("asthma zzzqqqxxx")  # the nonsense word rules out every title
    assert icd10cm.search("zzzqqqxxx") == []


def test_hits_are_plain_data():
    hit = icd10cm.search("asthma", limit=1)[0]
    assert hit.to_dict() == {"code": hit.code, "title": hit.title, "billable": hit.billable}
    assert icd10cm.lookup(hit.code).title == hit.title


@pytest.mark.parametrize(
    "text", ["", "   ", '"', "AND OR NOT", "*", ")(", "NEAR(a b)", "^x", "a:b", "-", "w/o", 42, None]
)
def test_odd_queries_do_not_raise(text):
    assert isinstance(icd10cm.search(text), list)


RULES = {
    "icd10cm.empty",
    "icd10cm.malformed",
    "icd10cm.unknown",
    "icd10cm.not-billable",
    "icd10cm.seventh-missing",
    "icd10cm.seventh-not-allowed",
    "icd10cm.seventh-invalid",
    "icd10cm.placeholder-missing",
    "icd10cm.placeholder-misplaced",
}
code_like = st.from_regex(r"\s?[A-Za-z][0-9][0-9A-Za-z]\.?[0-9A-Za-zX]{0,5}\s?", fullmatch=True)
anything = st.one_of(st.text(max_size=30), code_like, st.integers(), st.none(), st.binary(max_size=8))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(anything)
def test_random_input_never_raises_in_lookup_or_validate(value):
    info = icd10cm.lookup(value)
    findings = icd10cm.validate(value)
    assert all(isinstance(f, Finding) and f.rule in RULES for f in findings)
    # a code with no findings is a billable code; a billable code has no findings
    assert (findings == []) == (info is not None and info.billable)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=40), code_like), st.integers(-2, 30), st.booleans())
def test_random_text_never_raises_in_search(text, limit, billable_only):
    hits = icd10cm.search(text, limit=limit, billable_only=billable_only)
    assert len(hits) <= max(limit, 0)
    assert all(h.billable for h in hits) or not billable_only
