"""One claim's share of an 837, written apart from the others so that claims with the same billing
provider can share one 2000A level when the transaction is assembled."""

from __future__ import annotations

from dataclasses import dataclass

from autograder.claims.x12.hierarchy import BILLING_PROVIDER, PATIENT, SUBSCRIBER, Hierarchy
from autograder.claims.x12.segments import SegmentWriter


@dataclass
class ClaimParts:
    """Segments after each HL: billing provider (2010AA ...), subscriber (SBR, 2010BA, 2010BB),
    patient (PAT, 2010CA; ``None`` when the patient is the subscriber) and the claim (2300 ...)."""

    billing: list[str]
    subscriber: list[str]
    patient: list[str] | None
    claim: list[str]


def claim_parts(sections: list) -> tuple[ClaimParts, list[str]]:
    """The billing, subscriber, patient and claim sections of one claim (each a writer with ``out``
    and ``problems``, or ``None`` when absent) as its parts, with every problem they found."""
    problems = [p for s in sections if s is not None for p in s.problems]
    billing, subscriber, patient, body = (s.out.lines if s is not None else None for s in sections)
    return ClaimParts(billing, subscriber, patient, body), problems


def assemble(out: SegmentWriter, parts: list[ClaimParts]) -> None:
    """Lay out the HL hierarchy: consecutive claims from one billing provider share its 2000A."""
    levels = Hierarchy(out)
    billing_id = 0
    previous: list[str] | None = None
    for part in parts:
        if part.billing != previous:
            billing_id = levels.add(BILLING_PROVIDER, None, True)
            out.lines.extend(part.billing)
            previous = part.billing
        subscriber_id = levels.add(SUBSCRIBER, billing_id, part.patient is not None)
        out.lines.extend(part.subscriber)
        if part.patient is not None:
            levels.add(PATIENT, subscriber_id, False)
            out.lines.extend(part.patient)
        out.lines.extend(part.claim)
