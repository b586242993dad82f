"""Run the rule catalogue over claims: ``validate(claim)`` and ``validate_many(claims)``."""

from __future__ import annotations

from datetime import date
from typing import Any

from autograder.claims.load import ClaimLoadError, as_claim, load_claim, load_claims
from autograder.claims.models import InstitutionalClaim, ProfessionalClaim
from autograder.claims.ncci import NcciTables
from autograder.claims.rules import UNREADABLE, Context, rules_for
from autograder.findings import Finding

COLUMNS = ["claim_id", "rule", "locator", "severity", "message", "code"]


def validate(
    claim: Any, *, today: date | None = None, ncci: NcciTables | None = None, context: Context | None = None
) -> list[Finding]:
    """Every finding the catalogue has for one claim (a model, dict, JSON text, path or pandas row).

    ``today`` is the date "not in the future" is measured against (default: the real today);
    ``ncci`` the NCCI tables to use (default: the bundled sample). Raises
    :class:`~autograder.claims.load.ClaimLoadError` only when the input cannot be read as a claim.
    """
    if not isinstance(claim, ProfessionalClaim | InstitutionalClaim):
        claim = load_claim(claim)
    ctx = context or Context(today=today or date.today(), ncci=ncci)
    ctx.scratch.clear()
    findings: list[Finding] = []
    for rule in rules_for(claim.form):
        findings.extend(rule.findings(claim, ctx))
    return findings


def _claim_id(claim, index: int) -> str:
    for value in (
        claim.claim_id,
        getattr(claim, "patient_account_number", None),
        getattr(claim, "patient_control_number", None),
    ):
        if value and value.strip():
            return value.strip()
    return str(index)


def validate_many(claims: Any, *, today: date | None = None, ncci: NcciTables | None = None):
    """Findings for many claims as a pandas DataFrame (claim_id, rule, locator, severity, message, code).

    ``claims`` is a list (of models, dicts or rows), a DataFrame (one claim per row), or a path/text
    of a JSON list or X12 file. A claim that cannot be read gives one ``claim.unreadable`` row and
    the rest are still checked. The claim id is ``claim_id``, else the account/control number, else
    the claim's position.
    """
    import pandas as pd

    if isinstance(claims, str | bytes) or hasattr(claims, "read_bytes"):
        items = load_claims(claims)
    elif hasattr(claims, "iterrows"):
        items = [row for _, row in claims.iterrows()]
    else:
        items = list(claims)
    ctx = Context(today=today or date.today(), ncci=ncci)
    rows = []
    for i, item in enumerate(items):
        try:
            claim = as_claim(item)
        except ClaimLoadError as exc:
            rows.append([str(i), UNREADABLE.id, UNREADABLE.locator, "error", str(exc), None])
            continue
        claim_id = _claim_id(claim, i)
        for f in validate(claim, context=ctx):
            rows.append([claim_id, f.rule, f.locator, f.severity, f.message, f.code])
    return pd.DataFrame(rows, columns=COLUMNS)
