"""pyx12, an independent X12 validator driven by the implementation guides' maps, accepts the 837P and
837I that to_x12 writes for valid claims: the examples, seeded batches and hypothesis-drawn claims.
Each claim is first checked to be valid by our own rules, so the test speaks about valid claims."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from test_x12_roundtrip import institutional, professional

from autograder.claims import example, validate
from autograder.claims.x12 import to_x12
from autograder.claims.x12.pyx12_check import pyx12_problems
from autograder.claims.x12.synthetic import claims as synthetic_claims
from autograder.claims.x12.synthetic import institutional_claim, professional_claim
from autograder.findings import has_errors

TODAY = date(2026, 11, 27)


def assert_valid_claims(claims) -> None:
    for claim in claims:
        findings = validate(claim, today=TODAY)
        assert not has_errors(findings), (claim.claim_id, [f for f in findings if f.is_error])


def test_the_check_sees_a_broken_837():
    text = to_x12(example("cms1500"))
    assert pyx12_problems(text) == []
    broken = text.replace("SV1*HC:83036*45*UN", "SV1*HC:83036*45*XX")
    assert any("SV103" in p for p in pyx12_problems(broken))


@pytest.mark.parametrize("form", ["cms1500", "ub04"])
def test_example_claims_are_accepted(form):
    claim = example(form)
    assert_valid_claims([claim])
    assert pyx12_problems(to_x12(claim)) == []


@pytest.mark.parametrize("kind", ["837P", "837I"])
def test_a_batch_of_valid_claims_is_accepted(kind):
    batch = synthetic_claims(kind, 60, seed=2026)
    assert_valid_claims(batch)
    text = to_x12(batch, kind)
    assert text.count("CLM*") == 60
    assert pyx12_problems(text) == []


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.randoms(use_true_random=False), st.booleans())
def test_hypothesis_drawn_valid_claims_are_accepted(rng, institutional):
    claim = institutional_claim(rng) if institutional else professional_claim(rng)
    assert_valid_claims([claim])
    assert pyx12_problems(to_x12(claim)) == []


@settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.one_of(professional(), institutional()))
def test_valid_claims_filling_the_optional_items_are_accepted(claim):
    """The round-trip strategies fill the optional loops (2310A/D, 2420E, 2410, DTP*314, HI BG/BH/BI/BE,
    2010AB ...); those that pass our rules must pass pyx12 too."""
    assume(not has_errors(validate(claim, today=TODAY)))
    assert pyx12_problems(to_x12(claim)) == []
