"""The shape of a claim rule, the registry every rule module adds to, and what a check may ask for.

A rule is data: a stable id, the form it applies to, the form locator it speaks about, a severity,
a learner message (a ``str.format`` template) and one small check function. The check receives the
claim and a :class:`Context` and yields one :func:`hit` per problem; each hit becomes a
:class:`~autograder.findings.Finding` carrying the rule's id and locator (plus the line or letter
the hit names, e.g. ``CMS-1500 24E line 2``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, Literal

from autograder.claims.models import Claim, InstitutionalClaim, ProfessionalClaim, claim_date
from autograder.findings import Finding, Severity

Form = Literal["cms1500", "ub04", "both"]
Hit = dict[str, Any]
Check = Callable[[Any, "Context"], Iterable[Hit]]


@dataclass(frozen=True, slots=True)
class Rule:
    """One catalogue entry."""

    id: str
    form: Form
    locator: str
    severity: Severity
    message: str
    check: Check | None
    group: str

    def applies_to(self, claim: Claim) -> bool:
        return self.form == "both" or self.form == claim.form

    def findings(self, claim: Claim, ctx: Context) -> Iterator[Finding]:
        for h in self.check(claim, ctx):
            locator = h.pop("locator") or self.locator
            at = h.pop("at")
            subject = h.pop("subject")
            values = {"code": subject, **h}
            if at:
                locator = f"{locator} {at}"
            yield Finding(self.id, locator, self.severity, self.message.format_map(values), values["code"])


RULES: list[Rule] = []


def rule(id: str, form: Form, locator: str, severity: Severity, message: str) -> Callable[[Check], Check]:
    """Register the decorated check as a catalogue entry (its module is its group)."""

    def register(check: Check) -> Check:
        if any(r.id == id for r in RULES):
            raise ValueError(f"duplicate rule id {id}")
        group = check.__module__.rsplit(".", 1)[-1]
        RULES.append(Rule(id, form, locator, severity, message, check, group))
        return check

    return register


def hit(at: str | None = None, subject: str | None = None, locator: str | None = None, **values: Any) -> Hit:
    """One problem a check found: where (``at`` within the rule's locator, or a whole ``locator``), the
    code or value spoken of (``subject``, else the ``code`` value), and the values the message needs."""
    return {"at": at, "subject": subject, "locator": locator, **values}


@dataclass
class Context:
    """What checks may use besides the claim: today's date (injectable for tests), the NCCI tables,
    a memo of code-set answers shared across the claims of one batch, and a scratch pad for facts
    several rules derive from the claim being checked."""

    today: date = field(default_factory=date.today)
    ncci: Any = None  # autograder.claims.ncci.NcciTables; None: the bundled sample
    memo: dict[tuple, Any] = field(default_factory=dict)  # kept for the whole batch
    scratch: dict[str, Any] = field(default_factory=dict)  # cleared before each claim


# --- small readers shared by the rule modules -------------------------------------------------------


def blank(value: object) -> bool:
    """Nothing entered: ``None``, an empty or all-space string, an empty list."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, list | tuple):
        return not value
    return False


def text(value: str | None) -> str:
    return value.strip() if isinstance(value, str) else ""


def line_at(index: int) -> str:
    return f"line {index + 1}"


def money(value: Decimal | None) -> str:
    return "blank" if value is None else f"{value:,.2f}"


def professional_service_dates(claim: ProfessionalClaim) -> list[date]:
    return [d for line in claim.service_lines if (d := claim_date(line.service_from))]


def date_of_service(claim: Claim) -> date | None:
    """The date a claim's codes must be valid on: the first 24A date (CMS-1500); the statement
    through date, i.e. discharge, for inpatient bills and the statement from date otherwise (UB-04)."""
    if isinstance(claim, ProfessionalClaim):
        dates = professional_service_dates(claim)
        return min(dates) if dates else None
    if claim.is_inpatient:
        return claim_date(claim.statement_through) or claim_date(claim.statement_from)
    return claim_date(claim.statement_from) or claim_date(claim.statement_through)


def age_on(birth: date, on: date) -> int:
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def diagnosis_list(claim: Claim, ctx: Context | None = None) -> list[tuple[str, str, str]]:
    """The claim's ICD-10-CM codes in reporting order as ``(locator, at, code)``: CMS-1500 item 21
    A-L; UB-04 FL 67 (principal), 67A-Q (others), 72 (external causes). Kept in ``ctx.scratch``."""
    if ctx is not None:
        if "diagnoses" not in ctx.scratch:
            ctx.scratch["diagnoses"] = diagnosis_list(claim)
        return ctx.scratch["diagnoses"]
    out: list[tuple[str, str, str]] = []
    if isinstance(claim, ProfessionalClaim):
        for i, code in enumerate(claim.diagnoses):
            if not blank(code):
                out.append(("CMS-1500 21", letter(i), code.strip()))
        return out
    assert isinstance(claim, InstitutionalClaim)
    if claim.principal_diagnosis and not blank(claim.principal_diagnosis.code):
        out.append(("UB-04 FL 67", "", claim.principal_diagnosis.code.strip()))
    for i, dx in enumerate(claim.other_diagnoses):
        if not blank(dx.code):
            out.append(("UB-04 FL 67", letter(i), dx.code.strip()))
    for i, dx in enumerate(claim.external_cause_diagnoses):
        if not blank(dx.code):
            out.append(("UB-04 FL 72", chr(ord("a") + i) if i < 26 else str(i + 1), dx.code.strip()))
    return out


LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def letter(index: int) -> str:
    """Item 21 / FL 67 letter for a 0-based position (A, B, ...; past Z the position number)."""
    return LETTERS[index] if index < len(LETTERS) else str(index + 1)
