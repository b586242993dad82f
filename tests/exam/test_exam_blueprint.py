"""Blueprints as data with sources; the bank and generated exams follow the published domain mix."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from autograder.exam.bank import items_for
from autograder.exam.blueprint import blueprint, load_blueprints
from autograder.exam.engine import ExamError, plan_exam, plan_quiz

EXAMS = ("cpc", "cca", "ccs", "rhit")
# AAPC's published question counts per CPC area (https://www.aapc.com/resources/cpc-exam-faqs).
CPC_PUBLISHED = {
    "integumentary": 6,
    "musculoskeletal": 6,
    "respiratory-cardiovascular": 6,
    "digestive": 6,
    "urinary-reproductive-endocrine": 6,
    "nervous": 6,
    "evaluation-management": 6,
    "anesthesia": 4,
    "radiology": 6,
    "laboratory-pathology": 6,
    "medicine": 6,
    "medical-terminology": 4,
    "anatomy": 4,
}


def follows_blueprint(counts: dict[str, int], exam: str) -> list[str]:
    """Domains whose share of ``counts`` strays from the blueprint by more than 1 item or 25%."""
    plan, total = blueprint(exam), sum(counts.values())
    off = []
    for d in plan.domains:
        expected = d.weight * total
        if abs(counts.get(d.id, 0) - expected) > max(1.0, 0.25 * expected):
            off.append(f"{d.id}: {counts.get(d.id, 0)} items, blueprint share {expected:.1f}")
    return off


def test_every_exam_has_a_sourced_blueprint():
    plans = load_blueprints()
    assert set(plans) == set(EXAMS)
    for plan in plans.values():
        assert abs(sum(d.weight for d in plan.domains) - 1) < 1e-9
        assert plan.questions >= plan.scored > 0 and plan.minutes > 0 and plan.passing
        assert plan.sources
        for source in plan.sources:
            assert source.url.startswith("https://") or source.url.startswith("http://")
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", source.accessed) and source.what


def test_real_formats():
    cpc, cca, ccs, rhit = (blueprint(e) for e in EXAMS)
    assert (cpc.questions, cpc.minutes) == (100, 240)
    assert (cca.questions, cca.scored, cca.minutes) == (105, 90, 120)
    assert (ccs.questions, ccs.scored, ccs.minutes) == (107, 97, 240)
    assert (rhit.questions, rhit.scored, rhit.minutes) == (150, 130, 210)


def test_cpc_allocation_reproduces_aapc_counts():
    counts = blueprint("cpc").allocate(100)
    assert {k: v for k, v in counts.items() if k in CPC_PUBLISHED} == CPC_PUBLISHED
    assert sum(counts.values()) == 100


def test_ahima_weights_are_range_midpoints():
    cca = blueprint("cca")
    assert cca.domain("clinical-classification").published == "30-34%"
    assert cca.domain("clinical-classification").weight == pytest.approx(0.32)
    assert blueprint("ccs").weights_published is False  # provisional weights are marked as such


@given(st.sampled_from(EXAMS), st.integers(min_value=1, max_value=400))
def test_allocation_sums_to_n_and_stays_within_one_of_each_quota(exam, n):
    plan = blueprint(exam)
    counts = plan.allocate(n)
    assert sum(counts.values()) == n
    for d in plan.domains:
        assert abs(counts[d.id] - d.weight * n) < 1


def test_time_is_the_real_pace_scaled_to_the_item_count():
    assert blueprint("cpc").minutes_for(100) == 240
    assert blueprint("cpc").minutes_for(20) == pytest.approx(48)
    assert blueprint("rhit").minutes_for(15) == pytest.approx(21)
    assert plan_exam("cca", 21, seed=1).time_limit_s == pytest.approx(120 * 21 / 105 * 60)


@pytest.mark.parametrize("exam", EXAMS)
def test_bank_mix_follows_the_blueprint(exam):
    counts = Counter(i.domain for i in items_for(exam))
    assert follows_blueprint(counts, exam) == []


def test_the_mix_check_catches_a_skewed_bank():
    skewed = {d: 1 for d in blueprint("rhit").domain_ids} | {"data-governance": 40}
    assert follows_blueprint(skewed, "rhit")


@pytest.mark.parametrize(("exam", "n"), [("cpc", 50), ("cpc", 20), ("cca", 40), ("ccs", 30), ("rhit", 60)])
def test_generated_exams_follow_the_allocation(exam, n):
    plan = plan_exam(exam, n, seed=7)
    items = [i for i in items_for(exam) if i.id in set(plan.item_ids)]
    assert len(plan.item_ids) == len(set(plan.item_ids)) == n
    assert Counter(i.domain for i in items) == Counter(
        {k: v for k, v in blueprint(exam).allocate(n).items() if v}
    )


def test_a_full_length_draw_redistributes_domains_that_run_short():
    every = plan_exam("cpc", len(items_for("cpc")), seed=3)
    assert set(every.item_ids) == {i.id for i in items_for("cpc")}


def test_draws_are_repeatable_with_a_seed_and_vary_without():
    assert plan_exam("cpc", 20, seed=5).item_ids == plan_exam("cpc", 20, seed=5).item_ids
    assert len({plan_exam("cpc", 20).item_ids for _ in range(5)}) > 1


def test_quiz_by_domain():
    quiz = plan_quiz("rhit", "data-analytics", 5, seed=2)
    assert quiz.mode == "quiz" and quiz.domain == "data-analytics"
    assert all(i.domain == "data-analytics" for i in items_for("rhit") if i.id in quiz.item_ids)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: plan_exam("cpc", 0), "whole number, 1 or more"),
        (lambda: plan_exam("cpc", 10_000), "the CPC bank has"),
        (lambda: plan_exam("ccx", 5), "no blueprint for exam 'ccx'"),
        (lambda: plan_quiz("cpc", "cardiology", 3), "CPC has no domain 'cardiology'"),
        (lambda: plan_quiz("cpc", "anatomy", 50), "domain 'anatomy' of the CPC bank has"),
    ],
)
def test_impossible_requests_say_what_to_do(call, message):
    with pytest.raises(ExamError, match=message):
        call()
