"""The one finding type every validator returns: code sets, claims, payment edits."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found in a code or a claim.

    ``rule`` is a stable id (``icd10cm.not-billable``), ``locator`` names where the problem
    sits (``ICD-10-CM``, ``CMS-1500 24E``, ``UB-04 FL 67``), ``message`` says in plain words
    what is wrong and how to fix it, ``code`` is the code or value spoken about, if any.
    """

    rule: str
    locator: str
    severity: Severity
    message: str
    code: str | None = None

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def to_dict(self) -> dict[str, str | None]:
        return asdict(self)


def has_errors(findings: list[Finding]) -> bool:
    """True when any finding is an error (warnings alone do not fail a code or a claim)."""
    return any(f.severity == "error" for f in findings)
