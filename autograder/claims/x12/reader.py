"""``from_x12``: an 837P or 837I interchange back into claim models.

The reader checks the envelope (ISA/IEA, GS/GE, ST/SE pairs, their counts and control numbers),
walks the HL hierarchy (billing provider 20, subscriber 22, patient 23), and hands each claim's
loops to the reader for its kind. Anything it cannot read raises :class:`X12Error` naming the
segment; values that are merely wrong (a bad code, an impossible date) load, and the claim rules
report them.
"""

from __future__ import annotations

from pydantic import ValidationError

from autograder.claims.models import Claim
from autograder.claims.x12 import read_institutional, read_professional
from autograder.claims.x12.errors import X12Error
from autograder.claims.x12.hierarchy import BILLING_PROVIDER, PATIENT, SUBSCRIBER
from autograder.claims.x12.read_common import Block, split
from autograder.claims.x12.segments import Segment, read_segments

READERS = {
    "005010X222A1": read_professional,
    "005010X223A2": read_institutional,
    "005010X223A1": read_institutional,
}


def _text(source: str | bytes) -> str:
    if isinstance(source, bytes):
        try:
            return source.decode("ascii")
        except UnicodeDecodeError as exc:
            raise X12Error(f"byte {exc.start} is not ASCII: an 837 is plain ASCII text") from None
    if not isinstance(source, str):
        raise X12Error(f"expected X12 text, got {type(source).__name__}")
    return source


NEXT = {
    "ISA": "a GS (functional group) or the IEA trailer",
    "GS": "an ST (transaction set) or the GE trailer",
}


def _close(opening: Segment, closing: Segment | None, count: int, what: str) -> None:
    """Check a trailer (SE, GE, IEA) against its header: count in element 1, control number in 2."""
    header_control = {"ISA": 13, "GS": 6, "ST": 2}[opening.id]
    trailer = {"ISA": "IEA", "GS": "GE", "ST": "SE"}[opening.id]
    if closing is None:
        raise opening.error(f"this {opening.id} has no matching {trailer}: the file is cut short")
    if closing.id != trailer:
        if opening.id in NEXT:
            raise closing.error(f"found {closing.id} where {NEXT[opening.id]} belongs")
        raise opening.error(
            f"this ST has no matching SE: a {closing.id} (segment {closing.number}) comes first"
        )
    if closing.get(2) != opening.get(header_control):
        raise closing.error(
            f"{trailer}02 {closing.get(2)!r} does not match {opening.id}{header_control:02d} "
            f"{opening.get(header_control)!r}: a header and its trailer carry the same control number"
        )
    if closing.get(1) != str(count):
        raise closing.error(f"{trailer}01 says {closing.get(1)!r} but the {what} counts {count}")


def _transactions(segments: list[Segment]) -> list[tuple[str, Block]]:
    """(GS08 version, the segments between ST and SE) for every transaction set, envelope checked."""
    isa = segments[0]
    if len(isa.elements) != 16:
        raise isa.error(f"the ISA has {len(isa.elements)} elements; it has 16")
    if isa.get(12) != "00501":
        raise isa.error(f"ISA12 is {isa.get(12)!r}: this reads version 00501 (5010) interchanges")
    found: list[tuple[str, Block]] = []
    groups, i = 0, 1
    while i < len(segments) and segments[i].id == "GS":
        gs = segments[i]
        version = gs.get(8)
        if version not in READERS:
            raise gs.error(f"GS08 is {version!r}: this reads 837P (005010X222A1) and 837I (005010X223A2)")
        i += 1
        sets = 0
        while i < len(segments) and segments[i].id == "ST":
            st = segments[i]
            if st.get(1) != "837":
                raise st.error(f"ST01 is {st.get(1)!r}: this reads 837 claims")
            end = next(
                (j for j in range(i + 1, len(segments)) if segments[j].id in {"SE", "ST", "GE", "IEA"}), None
            )
            closing = segments[end] if end is not None else None
            _close(st, closing, (end or i) - i + 1, "transaction set (ST to SE)")
            found.append((version, segments[i + 1 : end]))
            sets += 1
            i = end + 1
        _close(gs, segments[i] if i < len(segments) else None, sets, "group's ST/SE pairs")
        groups += 1
        i += 1
    if i >= len(segments):
        raise isa.error("the interchange has no IEA trailer")
    _close(isa, segments[i], groups, "interchange's GS/GE groups")
    if groups == 0:
        raise segments[i].error("the interchange holds no functional group (GS ... GE)")
    if i + 1 < len(segments):
        raise segments[i + 1].error("segments after the IEA: one interchange per file")
    return found


def _claims(version: str, body: Block) -> list[Claim]:
    """Walk one transaction's HL levels and read each claim with what its levels above say."""
    kind = READERS[version]
    header, levels = split(body, lambda s: s.id == "HL")
    if not levels:
        where = header[-1] if header else None
        raise X12Error(
            "the transaction has no HL levels: an 837 has billing provider, subscriber and claims",
            where.number if where else 0,
        )
    seen: dict[str, tuple[str, dict]] = {}
    claims: list[Claim] = []
    for block in levels:
        hl = block[0]
        ident, parent, level = hl.get(1), hl.get(2), hl.get(3)
        if not ident or ident in seen:
            raise hl.error(f"HL01 {ident!r} is blank or repeats an earlier HL: each level has its own number")
        own, claim_blocks = split(block[1:], lambda s: s.id == "CLM")
        expected_parent = {SUBSCRIBER: BILLING_PROVIDER, PATIENT: SUBSCRIBER}.get(level)
        if level == BILLING_PROVIDER:
            if claim_blocks:
                raise claim_blocks[0][0].error("a claim directly under the billing provider level (HL 20)")
            seen[ident] = (level, kind.billing(own))
            continue
        if expected_parent is None:
            raise hl.error(
                f"HL03 {level!r} is not a level of an 837: 20 billing provider, 22 subscriber, 23 patient"
            )
        if seen.get(parent, ("",))[0] != expected_parent:
            raise hl.error(
                f"HL02 {parent!r} does not name an earlier level {expected_parent} for this level {level}"
            )
        if level == SUBSCRIBER:
            context = {"billing": seen[parent][1], "subscriber": kind.subscriber(own), "patient": None}
        else:
            context = {**seen[parent][1], "patient": kind.patient(own)}
        seen[ident] = (level, context)
        for claim_block in claim_blocks:
            claims.append(_claim(kind, claim_block, context))
    return claims


def _claim(kind, block: Block, context: dict) -> Claim:
    try:
        return kind.claim(block, context)
    except ValidationError as exc:
        problem = exc.errors(include_url=False)[0]
        path = ".".join(str(p) for p in problem["loc"])
        raise block[0].error(f"the claim starting here cannot be held: {path}: {problem['msg']}") from None


def from_x12(text: str | bytes) -> list[Claim]:
    """Every claim in an 837P or 837I interchange, as :class:`ProfessionalClaim` or
    :class:`InstitutionalClaim` models. Raises :class:`X12Error` (a ``ValueError``) naming the
    segment when the text cannot be read as an 837."""
    segments = read_segments(_text(text))
    claims: list[Claim] = []
    for version, body in _transactions(segments):
        claims.extend(_claims(version, body))
    return claims
