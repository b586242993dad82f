"""The interchange around the claims: ISA/GS/ST ... SE/GE/IEA with their counts and control numbers,
BHT, and the submitter (1000A) and receiver (1000B) names.

One interchange holds one functional group (GS01 ``HC``, health care claims); claims are split into
transaction sets (ST/SE) of at most ``claims_per_transaction`` claims, the size the X12 837 guides
recommend staying under. SE01 counts the segments from ST to SE inclusive; GE01 the transaction
sets; IEA01 the functional groups. ISA13 = IEA02, GS06 = GE02, ST02 = SE02.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from autograder.claims.x12.segments import DEFAULT, Delimiters, SegmentWriter

VERSIONS = {"837P": "005010X222A1", "837I": "005010X223A2"}


@dataclass(frozen=True)
class Envelope:
    """Who sends the interchange to whom, and how it is numbered. The defaults describe a training
    exchange (usage indicator ``T``, test data); every figure here is synthetic."""

    sender_id: str = "HIMCODINGLAB"
    receiver_id: str = "TRAININGCH"
    submitter_name: str = "HIM CODING LAB"
    submitter_contact: str = "BILLING OFFICE"
    submitter_phone: str = "8005550100"
    receiver_name: str = "TRAINING CLEARINGHOUSE"
    control_number: int = 1
    usage: str = "T"
    created: datetime | None = None
    claims_per_transaction: int = 5000
    delimiters: Delimiters = field(default=DEFAULT)


def _isa_field(value: str, width: int) -> str:
    return value[:width].ljust(width)


def write_interchange(
    kind: str,
    batches: list[list],
    write_body: Callable[[SegmentWriter, list], None],
    envelope: Envelope,
) -> str:
    """The whole interchange: one ST/SE per batch of claims, ``write_body`` writing the HL loops."""
    when = envelope.created or datetime.now()
    version = VERSIONS[kind]
    marks = envelope.delimiters
    control = envelope.control_number % 1_000_000_000
    out = SegmentWriter(marks)
    out.add(
        "ISA",
        "00",
        " " * 10,
        "00",
        " " * 10,
        "ZZ",
        _isa_field(envelope.sender_id, 15),
        "ZZ",
        _isa_field(envelope.receiver_id, 15),
        when.strftime("%y%m%d"),
        when.strftime("%H%M"),
        marks.repetition,
        "00501",
        f"{control:09d}",
        "0",
        envelope.usage,
        marks.component,
    )
    out.add(
        "GS",
        "HC",
        envelope.sender_id,
        envelope.receiver_id,
        when.strftime("%Y%m%d"),
        when.strftime("%H%M"),
        str(control),
        "X",
        version,
    )
    for number, claims in enumerate(batches, start=1):
        st_control = f"{number:04d}"
        start = len(out)
        out.add("ST", "837", st_control, version)
        out.add(
            "BHT",
            "0019",
            "00",
            f"{control}{number:04d}",
            when.strftime("%Y%m%d"),
            when.strftime("%H%M"),
            "CH",
        )
        out.add("NM1", "41", "2", envelope.submitter_name, "", "", "", "", "46", envelope.sender_id)
        out.add("PER", "IC", envelope.submitter_contact, "TE", envelope.submitter_phone)
        out.add("NM1", "40", "2", envelope.receiver_name, "", "", "", "", "46", envelope.receiver_id)
        write_body(out, claims)
        out.add("SE", str(len(out) - start + 1), st_control)
    out.add("GE", str(len(batches)), str(control))
    out.add("IEA", "1", f"{control:09d}")
    return out.text()
