"""Generated and mutated claims, and random bytes, into the loaders and validate: findings or a clear
error (ClaimLoadError, NcciFileError), never any other exception.

Example counts: ``HIMLAB_FUZZ_EXAMPLES`` (default 10,000 mutated claims, as issue 3 asks; the other
properties run a tenth of that each).
"""

from __future__ import annotations

import copy
import os
import string

from claim_examples import TODAY, example_dict
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from autograder.claims import ClaimLoadError, load_claim, validate
from autograder.claims.ncci import NcciFileError, read_mue, read_ptp
from autograder.findings import Finding

EXAMPLES = int(os.environ.get("HIMLAB_FUZZ_EXAMPLES", "10000"))
FEW = max(EXAMPLES // 10, 50)


def fuzz(examples: int) -> settings:
    return settings(
        max_examples=examples, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
    )


codes = st.sampled_from(
    [
        "E11.9",
        "E11",
        "S72.001",
        "S72.001A",
        "V00.01XA",
        "F02.80",
        "Z38.00",
        "K35.80",
        "I10",
        "Z99.2",
        "R10.31",
        "0DTJ4ZZ",
        "0DTJ4Z",
        "0TY00Z0",
        "99214",
        "99201",
        "0001U",
        "81105",
        "J1100",
        "A0000",
        "ZZ",
        "59",
        "25",
        "0450",
        "0120",
        "0001",
        "0111",
        "0131",
        "11",
        "35",
        "01",
        "30",
        "40",
        "Y",
        "N",
        "1",
        "W",
    ]
)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
    codes,
    st.dates().map(lambda d: d.isoformat()),
    st.sampled_from(["2026-02-30", "13/45/2026", "20260310", ""]),
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.text(string.ascii_lowercase + "_", max_size=10), inner, max_size=4)
    ),
    max_leaves=6,
)


def _paths(node, prefix=()):
    """Every (path) to a value inside the claim dict."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield (*prefix, key)
            yield from _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield (*prefix, i)
            yield from _paths(value, (*prefix, i))


def _set(node, path, value):
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value


@st.composite
def mutated_claims(draw):
    claim = copy.deepcopy(example_dict(draw(st.sampled_from(["cms1500", "ub04"]))))
    for _ in range(draw(st.integers(1, 6))):
        paths = list(_paths(claim))
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        choice = draw(st.sampled_from(["value", "code", "delete"]))
        if choice == "delete" and isinstance(path[-1], str):
            parent = claim
            for part in path[:-1]:
                parent = parent[part]
            parent.pop(path[-1], None)
        else:
            _set(claim, path, draw(codes if choice == "code" else values))
    return claim


def _check(claim_input):
    try:
        found = validate(claim_input, today=TODAY)
    except ClaimLoadError as exc:
        assert str(exc).strip()
        return
    assert all(isinstance(f, Finding) and f.message and "{" not in f.message for f in found)


@fuzz(EXAMPLES)
@given(mutated_claims())
def test_mutated_claims_give_findings_or_a_clear_load_error(claim):
    _check(claim)


@fuzz(FEW)
@given(
    st.dictionaries(
        st.sampled_from(
            [
                "form",
                "service_lines",
                "revenue_lines",
                "diagnoses",
                "type_of_bill",
                "principal_diagnosis",
                "patient",
                "statement_from",
                "total_charge",
            ]
        ),
        values,
        max_size=6,
    )
)
def test_generated_claims_give_findings_or_a_clear_load_error(claim):
    _check(claim)


@fuzz(FEW)
@given(st.binary(max_size=300))
def test_random_bytes_into_the_loader_and_validate(data):
    _check(data)
    try:
        load_claim(data)
    except ClaimLoadError:
        pass


@fuzz(FEW)
@given(
    st.one_of(
        st.binary(max_size=300).map(lambda b: b.decode("latin-1")),
        st.lists(st.lists(st.one_of(codes, st.text(max_size=9)), max_size=8), max_size=5).map(
            lambda rows: "\n".join("\t".join(r) for r in rows)
        ),
    )
)
def test_random_text_into_the_ncci_loaders(text):
    for reader in (read_ptp, read_mue):
        try:
            rows = reader(text)
        except NcciFileError as exc:
            assert str(exc)
        else:
            assert rows
