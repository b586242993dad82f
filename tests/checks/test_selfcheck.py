"""Self-checks: right answers pass, every kind of mistake is named both ways, and nothing leaks."""

import hashlib
import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from autograder.checks import Feedback, SelfCheck, make_self_check
from autograder.checks.selfcheck import digest

SALT = "0123456789abcdef"


def check(answer, sequence="any", hint=None):
    return make_self_check("q", answer, sequence=sequence, hint=hint, salt=SALT)


def kinds(self_check, answer):
    return self_check(answer).kinds


def test_digest_is_salted_sha256_truncated():
    # the format notebooks depend on: changing it would break every committed self-check
    assert digest(SALT, "E119") == hashlib.sha256(f"{SALT}:E119".encode()).hexdigest()[:20]
    assert digest(SALT, "E119") != digest("another-salt", "E119")


def test_the_notebook_holds_no_answer():
    q = check(["I12.9", "N18.4"], sequence="principal")
    source = q.source()
    for text in ("I12", "N18", "I129", "N184"):
        assert text not in source


def test_source_recreates_the_same_check():
    q = check(["I12.9", "N18.4"], sequence="principal", hint="Guideline I.C.9.a.2")
    assert eval(q.source(), {"SelfCheck": SelfCheck}) == q


@pytest.mark.parametrize("typed", ["E11.9", "e119", "  E11.9 ", ["E11.9"], ("e11.9",)])
def test_right_answer_in_any_spelling(typed):
    feedback = check("E11.9")(typed)
    assert feedback.correct and bool(feedback) and feedback.mistakes == ()


def test_set_in_any_order_when_order_does_not_count():
    q = check(["E11.22", "N18.31", "Z79.4"])
    assert q(["Z79.4", "N18.31", "E11.22"]).correct
    assert q("E11.22, N18.31, Z79.4").correct


def test_principal_first_rest_in_any_order():
    q = check(["A41.51", "R65.20", "N17.9"], sequence="principal")
    assert q(["A41.51", "N17.9", "R65.20"]).correct
    assert not q(["R65.20", "A41.51", "N17.9"]).correct


def test_exact_order():
    q = check(["G30.9", "F02.80"], sequence="exact")
    assert q(["G30.9", "F02.80"]).correct
    assert "wrong-sequence" in kinds(q, ["F02.80", "G30.9"])


@pytest.mark.parametrize(
    ("typed", "kind"),
    [
        (..., "blank"),
        (None, "blank"),
        ("", "blank"),
        (42, "not-text"),
        (["E11.9", 3], "not-text"),
        ("E11", "not-billable"),
        ("S72.001", "seventh-character-missing"),
        ("T36.01A", "placeholder-x"),  # invalid on purpose: the placeholder X is missing
        ("S72.001Z", "seventh-character-invalid"),  # invalid on purpose: no 7th character Z in S72
        ("Q99.99", "not-a-code"),  # invalid on purpose: not in the tabular list
        ("hello", "not-a-code"),
        (["E11.9", "E11.9"], "duplicate"),
        (["E11.9", "I10"], "one-code-asked"),
        ("E10.9", "wrong-code"),
    ],
)
def test_each_kind_of_mistake_is_named(typed, kind):
    q = check("E11.9")
    feedback = q(typed)
    assert not feedback.correct
    assert kind in feedback.kinds
    assert "E11.9" not in str(feedback) or "E11.9" in str(typed)


@pytest.mark.parametrize(
    "kind",
    [
        "not-billable",
        "seventh-character-missing",
        "seventh-character-invalid",
        "placeholder-x",
        "not-a-code",
        "duplicate",
        "one-code-asked",
    ],
)
def test_form_mistakes_are_not_reported_for_well_formed_codes(kind):
    assert kind not in kinds(check("E11.9"), "I10")
    assert kind not in kinds(check("T36.0X1A"), "T36.0X1A")
    assert kind not in kinds(check(["S72.001A", "W11.XXXA"]), ["S72.001D", "W11.XXXA"])


def test_excludes1_conflict_between_two_of_the_learners_codes():
    q = check(["E11.9", "I10"])
    feedback = q(["E10.9", "E11.9"])
    assert "excludes1-conflict" in feedback.kinds
    assert "Excludes1" in str(feedback)
    assert "excludes1-conflict" not in kinds(q, ["E11.9", "I25.10"])


def test_right_codes_wrong_order_names_the_manifestation_rule():
    q = check(["G30.9", "F02.80"], sequence="principal")
    feedback = q(["F02.80", "G30.9"])
    assert feedback.kinds[0] == "wrong-sequence"
    assert "manifestation-first" in feedback.kinds
    # the etiology first is never taken for a manifestation, even when the set is not complete
    assert "manifestation-first" not in kinds(check(["G30.9", "F02.80", "I10"], sequence="principal"),
                                              ["G30.9", "F02.80"])


def test_external_cause_first():
    q = check(["S72.001A", "W11.XXXA"], sequence="principal")
    feedback = q(["W11.XXXA", "S72.001A"])
    assert {"wrong-sequence", "external-cause-first"} <= set(feedback.kinds)
    assert q(["S72.001A", "W11.XXXA"]).correct
    # an external cause code listed first is named even when the set is not the answer yet
    assert "external-cause-first" in kinds(q, ["W11.XXXA", "S72.002A"])
    assert "external-cause-first" not in kinds(q, ["S72.002A", "W11.XXXA"])


def test_code_first_note_naming_a_later_code():
    q = check(["I12.9", "N18.4"], sequence="exact")
    feedback = q(["N18.4", "I12.9"])
    assert "note-order" in feedback.kinds
    assert "N18.4 has a 'code first' note naming I12.9" in str(feedback)
    assert "note-order" not in kinds(q, ["I12.9", "N18.5"])


def test_use_additional_code_note_naming_an_earlier_code():
    q = check(["N39.0", "B96.20"], sequence="principal")
    feedback = q(["B96.20", "N39.0"])
    assert "note-order" in feedback.kinds
    assert "use additional code" in str(feedback)


def test_first_code_with_its_own_code_first_note():
    q = check(["A41.51", "R65.20"], sequence="principal")
    feedback = q(["R65.20", "A41.51"])
    assert "code-first-note" in feedback.kinds
    plain = check(["K80.00", "E11.9"], sequence="principal")
    assert "code-first-note" not in kinds(plain, ["E11.9", "K80.00"])


def test_plain_wrong_sequence_falls_back_to_the_principal_diagnosis_rule():
    feedback = check(["K80.00", "E11.9"], sequence="principal")(["E11.9", "K80.00"])
    assert feedback.kinds == ["wrong-sequence", "sequence-rule"]
    assert "Section II" in str(feedback)
    # a rule the order breaks is named instead of the general one
    assert "sequence-rule" not in kinds(check(["G30.9", "F02.80"], sequence="principal"), ["F02.80", "G30.9"])


def test_order_is_not_diagnosed_when_it_does_not_count():
    q = check(["N39.0", "B96.20"])
    assert q(["B96.20", "N39.0"]).correct
    assert "note-order" not in kinds(q, ["B96.20", "N39.0", "I10"])


@pytest.mark.parametrize(
    ("typed", "kind", "count"),
    [
        (["A41.51", "R65.20"], "code-missing", "1 more is needed"),
        (["A41.51"], "code-missing", "2 more are needed"),
        (["A41.51", "R65.20", "N17.9", "I10"], "extra-code", "plus 1 that does not belong"),
        (["A41.51", "I10"], "partly-right", "1 of your 2 codes is right; the answer has 3"),
        (["A41.9", "I10"], "none-right", "it has 3 codes"),
    ],
)
def test_counting_right_codes_without_naming_them(typed, kind, count):
    q = check(["A41.51", "R65.20", "N17.9"])
    feedback = q(typed)
    assert kind in feedback.kinds
    assert count in str(feedback)
    for code in {"A41.51", "R65.20", "N17.9"} - set(typed):
        assert code not in str(feedback)


def test_counting_is_silent_when_the_set_is_right():
    feedback = check(["A41.51", "R65.20", "N17.9"], sequence="exact")(["A41.51", "N17.9", "R65.20"])
    assert not {"code-missing", "extra-code", "partly-right", "none-right"} & set(feedback.kinds)


def test_hint_only_with_a_wrong_answer():
    q = check("E11.9", hint="Guideline I.C.4.a.2: no type documented")
    assert "hint" in q("E10.9").kinds
    assert q("E11.9").mistakes == ()


def test_feedback_shows_as_text_and_html():
    wrong = check("E11.9")("E11")
    assert str(wrong).startswith("q: not yet.")
    assert "himlab-feedback" in wrong._repr_html_() and "E11" in wrong._repr_html_()
    right = check("E11.9")("E11.9")
    assert isinstance(right, Feedback) and "correct" in right._repr_html_()


def test_author_helper_refuses_an_answer_that_cannot_be_reported():
    with pytest.raises(ValueError, match="not usable"):
        make_self_check("q", "E11")
    with pytest.raises(ValueError, match="sequence"):
        make_self_check("q", ["E11.9", "I10"], sequence="sorted")
    with pytest.raises(ValueError, match="expected answer"):
        make_self_check("q", ...)


def test_author_helper_digests_each_code_and_the_sorted_set():
    q = check(["I12.9", "N18.4"], sequence="exact")
    assert q.each == tuple(sorted(digest(SALT, k) for k in ("I129", "N184")))
    assert q.group == digest(SALT, "I129|N184")
    assert q.answer == digest(SALT, "I129>N184") != q.group
    single = check("I10", sequence="exact")
    assert (single.each, single.group, single.sequence) == ((), None, "any")


POOL = ["E11.9", "E10.9", "I10", "I12.9", "N18.4", "S72.001A", "W11.XXXA", "G30.9", "F02.80", "Z79.4"]


@settings(max_examples=60, deadline=None)
@given(
    expected=st.lists(st.sampled_from(POOL), min_size=1, max_size=3, unique=True),
    typed=st.lists(st.sampled_from(POOL + ["E11", "S72.001", ""]), max_size=4),
    sequence=st.sampled_from(["any", "principal", "exact"]),
)
def test_feedback_never_names_an_expected_code_the_learner_did_not_give(expected, typed, sequence):
    feedback = make_self_check("q", expected, sequence=sequence, salt=SALT)(typed)
    text = str(feedback)
    for code in set(expected) - set(typed):
        assert code not in text


def test_every_spelling_of_every_permutation_is_judged_consistently():
    q = check(["I12.9", "N18.4", "Z99.2"], sequence="principal")
    for order in itertools.permutations(["I12.9", "N18.4", "Z99.2"]):
        assert q(list(order)).correct == (order[0] == "I12.9")
