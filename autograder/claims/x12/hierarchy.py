"""The HL hierarchy of an 837: billing provider (level 20) over subscriber (22) over patient (23).

HL01 numbers every level from 1 in order of appearance, HL02 names the parent's HL01, HL03 the
level code and HL04 whether child levels follow (1) or not (0). A patient level appears only when
the patient is not the subscriber.
"""

from __future__ import annotations

from autograder.claims.x12.segments import SegmentWriter

BILLING_PROVIDER = "20"
SUBSCRIBER = "22"
PATIENT = "23"


class Hierarchy:
    """Numbers HL segments across one transaction set."""

    def __init__(self, out: SegmentWriter):
        self.out = out
        self.count = 0

    def add(self, level: str, parent: int | None, has_children: bool) -> int:
        self.count += 1
        self.out.add(
            "HL", str(self.count), "" if parent is None else str(parent), level, "1" if has_children else "0"
        )
        return self.count
