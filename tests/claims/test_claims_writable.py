"""Valid means writable: a claim the catalogue finds no error in can be written as an 837.

Mutated claims (text fields blanked, filled with delimiters, accents or too many characters, parties
removed or added, the patient made someone other than the insured) go through ``validate``; every
one with no error finding must go through ``to_x12`` too. And the other way round: each kind of
claim the writer refuses has an error finding that says why.

Example counts: a tenth of ``HIMLAB_FUZZ_EXAMPLES`` (default 10,000), at least 50.
"""

from __future__ import annotations

import copy
import os
import typing

import pytest
from claim_examples import BASES, TODAY
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from autograder.claims import ClaimLoadError, validate
from autograder.claims.models import InstitutionalClaim, ProfessionalClaim
from autograder.claims.x12 import X12WriteError, to_x12
from autograder.findings import has_errors

EXAMPLES = max(int(os.environ.get("HIMLAB_FUZZ_EXAMPLES", "10000")) // 10, 50)
MODELS = {"cms1500": ProfessionalClaim, "ub04": InstitutionalClaim, "ub04-op": InstitutionalClaim}
NOT_SELF = {"cms1500": "Spouse", "ub04": "01", "ub04-op": "19"}
TEXTS = [None, "", " ", "*", "a~b", "Ana:Maria", "x^y", "Zoë", "tab\there", "A", "AB", "X" * 61, "x" * 90]
ENTRIES = [
    "18", "01", "19", "Self", "Spouse", "Other", "DN", "DK", "DQ", "ZZ", "82", "0B", "G2", "1G",
    "Y", "N", "W", "I", "2026-02-03", "62702", "627021500", "1346792587", "Springfield",
    "500 Lakeshore Drive", "Kim", {},
]  # fmt: skip


def _part(annotation) -> tuple[type | None, bool]:
    """The claim model a field holds (alone, optional, or in a list) and whether it is a list."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation, False
    args = typing.get_args(annotation)
    if typing.get_origin(annotation) is list:
        return _part(args[0])[0], True
    for arg in args:
        model, listed = _part(arg)
        if model is not None:
            return model, listed
    return None, False


def _field_paths(model, prefix=()):
    """Every field path of a claim model, three parts deep; a list of parts is entered at item 0."""
    for name, field in model.model_fields.items():
        if name == "form":
            continue
        path = (*prefix, name)
        yield path
        inner, listed = _part(field.annotation)
        if inner is not None and len(prefix) < 2:
            yield from _field_paths(inner, (*path, 0) if listed else path)


PATHS = {form: list(_field_paths(model)) for form, model in MODELS.items()}


def _put(claim: dict, path: tuple, value) -> None:
    node = claim
    for part, after in zip(path, path[1:], strict=False):
        empty: dict | list = [] if isinstance(after, int) else {}
        if isinstance(part, int):
            while len(node) <= part:
                node.append({})
            if not isinstance(node[part], dict):
                node[part] = {}
        elif not isinstance(node.get(part), type(empty)):
            node[part] = empty
        node = node[part]
    if isinstance(path[-1], int):
        while len(node) <= path[-1]:
            node.append({})
    node[path[-1]] = value


@st.composite
def mutated(draw):
    base = draw(st.sampled_from(sorted(BASES)))
    claim = BASES[base]()
    if draw(st.booleans()):
        claim["patient_relationship_to_insured"] = NOT_SELF[base]
    for _ in range(draw(st.integers(1, 4))):
        path = draw(st.sampled_from(PATHS[base]))
        _put(claim, path, copy.deepcopy(draw(st.sampled_from(TEXTS + ENTRIES))))
    return claim


@settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_a_claim_with_no_error_finding_can_be_written_as_an_837(claim):
    try:
        findings = validate(claim, today=TODAY)
    except ClaimLoadError:
        return
    if not has_errors(findings):
        assert "CLM*" in to_x12(claim)


@pytest.mark.parametrize("base", sorted(BASES))
def test_every_field_blanked_or_garbled_is_either_an_error_or_writable(base):
    """One field at a time, on the claim as it is and with the patient not the insured."""
    failures = []
    for relationship in (None, NOT_SELF[base]):
        for path in PATHS[base]:
            for value in (" ", "*é", "X" * 90, "A"):
                claim = BASES[base]()
                if relationship:
                    claim["patient_relationship_to_insured"] = relationship
                _put(claim, path, value)
                try:
                    clean = not has_errors(validate(claim, today=TODAY))
                except ClaimLoadError:
                    continue
                if clean:
                    try:
                        to_x12(claim)
                    except X12WriteError as exc:
                        failures.append(f"{path} = {value!r}: {exc}")
    assert not failures, failures[:5]


# each claim the writer refuses, with the rule that says why
REFUSED = {
    "claim.x12-characters": ("cms1500", ("patient", "last_name"), "O*Brien"),
    "claim.x12-length": ("ub04", ("remarks",), "Patient transferred by ambulance; " * 3),
    "cms1500.payer-id-required": ("cms1500", ("payer", "payer_id"), None),
    "ub04.release-of-information": ("ub04", ("release_of_information",), None),
    "ub04.pay-to-address": ("ub04", ("pay_to_provider",), {"address": {"state": "IL"}}),
    "cms1500.item17-name-required": ("cms1500", ("referring_provider",), {"qualifier": "DN"}),
}


@pytest.mark.parametrize("rule_id", sorted(REFUSED))
def test_a_claim_the_837_cannot_hold_has_an_error_saying_why(rule_id):
    base, path, value = REFUSED[rule_id]
    claim = BASES[base]()
    _put(claim, path, value)
    with pytest.raises(X12WriteError):
        to_x12(claim)
    errors = {f.rule for f in validate(claim, today=TODAY) if f.is_error}
    assert rule_id in errors
