"""``to_x12``: claims in, one complete 837P or 837I interchange out."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from autograder.claims.models import InstitutionalClaim, ProfessionalClaim
from autograder.claims.x12 import institutional, professional
from autograder.claims.x12.elements import bad_characters, length_outside, limit_text, text_fields
from autograder.claims.x12.envelope import Envelope, write_interchange
from autograder.claims.x12.errors import X12WriteError
from autograder.claims.x12.parts import ClaimParts, assemble
from autograder.claims.x12.segments import Delimiters

KINDS = {
    "837P": (ProfessionalClaim, professional.write_claim),
    "837I": (InstitutionalClaim, institutional.write_claim),
}
FORM_KIND = {"cms1500": "837P", "ub04": "837I"}
MAX_REPORTED = 5


def _claims(claims: Any) -> list:
    from autograder.claims.load import ClaimLoadError, load_claims

    items = [claims] if isinstance(claims, BaseModel | dict) else claims
    try:
        return load_claims(items)
    except ClaimLoadError as exc:
        raise X12WriteError(str(exc)) from None


def text_problems(claim: Any, marks: Delimiters) -> list[str]:
    """Fields holding a delimiter of this interchange or a character outside printable ASCII, and
    free text longer (or shorter) than the 837 element that carries it."""
    problems = []
    for path, text in text_fields(claim):
        bad = bad_characters(text, marks.reserved())
        if bad:
            shown = ", ".join(repr(c) for c in bad)
            problems.append(
                f"{path} holds {shown}: the 837 reserves delimiters and takes plain ASCII; remove them"
            )
        outside = length_outside(path, text)
        if outside:
            size, low, high = outside
            problems.append(
                f"{path} has {size} characters: the 837 element holds {limit_text(low, high)}; "
                "shorten or correct it"
            )
    return problems


def _label(claim, index: int) -> str:
    ident = (
        claim.claim_id
        or getattr(claim, "patient_account_number", None)
        or getattr(claim, "patient_control_number", None)
    )
    return f"claim [{index}]" + (f" ({ident})" if ident else "")


def to_x12(claims: Any, kind: str | None = None, *, envelope: Envelope | None = None) -> str:
    """One X12 interchange holding ``claims`` as an 837P (``kind="837P"``, 005010X222A1, CMS-1500
    claims) or 837I (``"837I"``, 005010X223A2, UB-04 claims).

    ``claims`` is one claim or a list (models, dicts, pandas DataFrame); ``kind`` defaults to the
    form of the first claim. ``envelope`` sets sender, receiver, control number and date. Raises
    :class:`X12WriteError` naming each claim and field when a claim lacks data the 837 requires.
    """
    envelope = envelope or Envelope()
    items = _claims(claims)
    if not items:
        raise X12WriteError("no claims to write: give at least one claim")
    kind = (kind or FORM_KIND[items[0].form]).strip().upper()
    if kind not in KINDS:
        raise X12WriteError(f"kind {kind!r} is not one this writes: use 837P (CMS-1500) or 837I (UB-04)")
    model, write_claim = KINDS[kind]
    parts: list[ClaimParts] = []
    failures: list[str] = []
    for i, claim in enumerate(items):
        if not isinstance(claim, model):
            form = "UB-04" if kind == "837P" else "CMS-1500"
            failures.append(
                f"{_label(claim, i)}: a {form} claim; write it with kind={FORM_KIND[claim.form]!r}"
            )
            continue
        problems = text_problems(claim, envelope.delimiters)
        part, missing = write_claim(claim, envelope.delimiters)
        problems += missing
        if problems:
            failures.append(f"{_label(claim, i)}: " + "; ".join(problems))
        parts.append(part)
    if failures:
        more = f" (and {len(failures) - MAX_REPORTED} more claims)" if len(failures) > MAX_REPORTED else ""
        raise X12WriteError("; ".join(failures[:MAX_REPORTED]) + more)
    size = max(1, envelope.claims_per_transaction)
    batches = [parts[i : i + size] for i in range(0, len(parts), size)]
    return write_interchange(kind, batches, assemble, envelope)
