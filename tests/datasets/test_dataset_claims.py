"""The claims in the datasets against the claim rule catalogue and pyx12.

Clean claims carry no error (only the advisory warnings a coder reads and decides on); each flawed
claim trips every rule it is labelled with and no other error, trips it more often than the clean
claim it was made from, and the flawed set covers the whole catalogue (bar the rules listed with the
reason they cannot be planted). Every clean 837 file passes pyx12's implementation-guide checks.
"""

from __future__ import annotations

from collections import Counter

import pytest
from dataset_files import AS_OF, read_csv, read_json

from autograder.claims import catalogue, load_claims, validate
from autograder.claims.rules import Context
from autograder.claims.x12.pyx12_check import pyx12_problems
from autograder.datasets.flaws import NOT_PLANTED, library

pytest_plugins = ["dataset_fixtures"]

# warnings that ask the coder to check the record ("code first ... if applicable") or, for POA, a code
# on CMS's exempt list left blank as the guidelines say; nothing else may appear on a clean claim
ADVISORY = {"conventions.code-first", "conventions.use-additional", "ub04.poa-missing"}


def _claims(folder, kind):
    return [c for form in ("cms1500", "ub04") for c in load_claims(folder / "claims" / f"{form}_{kind}.json")]


@pytest.fixture(scope="module")
def context():
    return Context(today=AS_OF)


@pytest.fixture(scope="module")
def clean(committed):
    return {c.claim_id: c for c in _claims(committed, "clean")}


@pytest.fixture(scope="module")
def flawed(committed):
    return {c.claim_id: c for c in _claims(committed, "flawed")}


@pytest.fixture(scope="module")
def labels(committed):
    return {row["claim_id"]: row for row in read_csv(committed / "claims" / "flaw_labels.csv")}


@pytest.fixture(scope="module")
def exempt_blank(committed):
    """(encounter id, code) for every inpatient diagnosis the gold coding leaves POA-exempt (blank)."""
    out = set()
    for enc in read_json(committed / "encounters.json"):
        for dx in enc["coding"]["icd10cm"]:
            if dx["poa"] == "":
                out.add((enc["encounter_id"], dx["code"]))
    return out


def test_no_error_on_any_clean_claim(clean, context, exempt_blank):
    for claim in clean.values():
        findings = validate(claim, context=context)
        errors = [f"{f.rule}: {f.message}" for f in findings if f.is_error]
        assert not errors, f"{claim.claim_id}: {errors}"
        for f in findings:
            assert f.rule in ADVISORY, f"{claim.claim_id}: unexpected warning {f.rule}: {f.message}"
            if f.rule == "ub04.poa-missing":
                encounter = "E" + claim.patient_control_number[3:]
                assert (encounter, f.code) in exempt_blank, f"{claim.claim_id}: POA blank for {f.code}"


def test_each_flawed_claim_trips_its_labelled_rules_and_no_other_error(flawed, labels, context):
    assert set(flawed) == set(labels)
    for claim_id, claim in flawed.items():
        wanted = set(labels[claim_id]["rules"].split())
        findings = validate(claim, context=context)
        found = {f.rule for f in findings}
        assert wanted <= found, f"{claim_id} ({labels[claim_id]['flaw']}): missing {sorted(wanted - found)}"
        extra = {f.rule for f in findings if f.is_error} - wanted
        assert not extra, f"{claim_id} ({labels[claim_id]['flaw']}): unlabelled errors {sorted(extra)}"


def test_each_flaw_adds_its_findings_to_the_clean_claim_it_came_from(flawed, clean, labels, context):
    for claim_id, label in labels.items():
        before = Counter(f.rule for f in validate(clean[label["based_on"]], context=context))
        after = Counter(f.rule for f in validate(flawed[claim_id], context=context))
        for rule in label["rules"].split():
            assert after[rule] > before[rule], f"{claim_id}: {rule} not added by {label['flaw']}"


def test_flawed_set_covers_the_catalogue(labels):
    ids = set(catalogue()["id"])
    planted = {rule for row in labels.values() for rule in row["rules"].split()}
    assert planted <= ids, f"labels name rules the catalogue lacks: {sorted(planted - ids)}"
    assert not planted & set(NOT_PLANTED)
    assert planted | set(NOT_PLANTED) == ids, (
        f"rules with no flawed claim: {sorted(ids - planted - set(NOT_PLANTED))}"
    )


def test_every_flaw_in_the_library_is_planted(labels):
    used = {row["flaw"] for row in labels.values()}
    assert {f.id for f in library()} == used


def test_labels_match_the_library(labels):
    by_id = {f.id: f for f in library()}
    for row in labels.values():
        flaw = by_id[row["flaw"]]
        assert row["rules"].split() == list(flaw.rules)
        assert row["description"] == flaw.description


def test_valid_npis_pass_the_check_digit(clean):
    from autograder.claims.rules.identifiers import npi_check_digit_ok

    npis = set()
    for claim in clean.values():
        for who in ("billing_provider", "service_facility", "attending_provider", "operating_provider"):
            provider = getattr(claim, who, None)
            if provider is not None and provider.npi:
                npis.add(provider.npi)
        npis.update(line.rendering_npi for line in getattr(claim, "service_lines", []))
    assert npis and all(len(n) == 10 and npi_check_digit_ok(n) for n in npis)


def test_pyx12_accepts_every_clean_837(committed, clean):
    files = sorted((committed / "claims").glob("837*_clean_*.x12"))
    assert {f.name[:4] for f in files} == {"837p", "837i"}
    claims_written = 0
    for path in files:
        problems = pyx12_problems(path.read_text())
        assert not problems, f"{path.name}: {problems[:5]}"
        claims_written += sum(1 for seg in path.read_text().split("~") if seg.strip().startswith("CLM*"))
    assert claims_written == len(clean)


def test_pyx12_check_rejects_a_broken_837(committed, tmp_path):
    """The pyx12 check above can fail: a claim total (CLM02) that is not a number is reported."""
    source = next((committed / "claims").glob("837p_clean_*.x12")).read_text()
    head, _, tail = source.partition("\nCLM*")
    claim_id, _, rest = tail.partition("*")
    _, _, rest = rest.partition("*")
    broken = tmp_path / "broken.x12"
    broken.write_text(f"{head}\nCLM*{claim_id}*ABC*{rest}")
    assert any("CLM02" in problem for problem in pyx12_problems(broken.read_text()))
