"""Segments: reading them out of an interchange with the ISA's own delimiters, and writing them.

An X12 interchange fixes its delimiters in the ISA segment, which always has the same width
(106 characters): the 4th character separates elements, the 105th separates the parts of a
composite element, the 106th ends each segment, and ISA11 (in version 00501) separates
repetitions. Readers must take them from there rather than assume ``*``, ``:`` and ``~``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from autograder.claims.x12.errors import X12Error

ISA_LENGTH = 106
_SEGMENT_ID = re.compile(r"[A-Z0-9]{2,3}")


@dataclass(frozen=True, slots=True)
class Delimiters:
    element: str = "*"
    component: str = ":"
    segment: str = "~"
    repetition: str = "^"

    def reserved(self) -> str:
        return self.element + self.component + self.segment + self.repetition


DEFAULT = Delimiters()


@dataclass(slots=True)
class Segment:
    """One segment as read: its position (ISA is 1), its id (``CLM``) and its elements (``CLM01`` is
    ``elements[0]``)."""

    number: int
    id: str
    elements: tuple[str, ...]
    component: str = ":"

    def get(self, position: int) -> str:
        """Element ``position`` (1-based, as in ``CLM01``), stripped; ``""`` when absent."""
        if 0 < position <= len(self.elements):
            return self.elements[position - 1].strip()
        return ""

    def parts(self, position: int) -> list[str]:
        """The components of composite element ``position`` (``CLM05`` -> ``["11", "B", "1"]``)."""
        value = self.get(position)
        return [p.strip() for p in value.split(self.component)] if value else []

    def part(self, position: int, index: int) -> str:
        """Component ``index`` (1-based) of element ``position``; ``""`` when absent."""
        parts = self.parts(position)
        return parts[index - 1] if 0 < index <= len(parts) else ""

    def error(self, message: str) -> X12Error:
        return X12Error(f"{self.id}: {message}", self.number)


def delimiters_of(text: str) -> Delimiters:
    """The delimiters an interchange declares in its ISA segment."""
    if not text.startswith("ISA"):
        raise X12Error("an X12 interchange starts with an ISA segment; this text does not", 1)
    if len(text) < ISA_LENGTH:
        raise X12Error(f"the ISA segment is {ISA_LENGTH} characters long; the text ends before that", 1)
    element, component, terminator = text[3], text[104], text[105]
    if element.isalnum() or element.isspace():
        raise X12Error(f"ISA: the element separator (4th character) {element!r} is not a delimiter", 1)
    fields = text[: ISA_LENGTH - 1].split(element)
    if len(fields) != 17:
        raise X12Error(
            f"ISA: {len(fields) - 1} elements found where the fixed-width ISA has 16; check that every "
            "ISA element has its full width and the separator is the 4th character",
            1,
        )
    seen = {element}
    for name, mark in (("component separator (ISA16)", component), ("segment terminator", terminator)):
        if mark.isalnum() or mark == " " or mark in seen:
            raise X12Error(f"ISA: the {name} {mark!r} is not a distinct delimiter", 1)
        seen.add(mark)
    repetition = fields[11]
    if fields[12] < "00501" or len(repetition) != 1 or repetition.isalnum() or repetition in seen:
        repetition = ""
    return Delimiters(element, component, terminator, repetition)


def read_segments(text: str) -> list[Segment]:
    """Every segment of an interchange, numbered from 1, split with the delimiters its ISA declares.

    Line breaks after segment terminators are allowed (files are often wrapped that way)."""
    text = text.lstrip("\ufeff \t\r\n")
    marks = delimiters_of(text)
    pieces = text.split(marks.segment)
    while pieces and not pieces[-1].strip():
        pieces.pop()
    segments: list[Segment] = []
    for number, raw in enumerate(pieces, start=1):
        raw = raw.strip("\r\n")
        parts = raw.split(marks.element)
        seg_id = parts[0].strip()
        if not _SEGMENT_ID.fullmatch(seg_id):
            shown = seg_id[:12] + ("..." if len(seg_id) > 12 else "")
            problem = (
                "an empty segment"
                if not seg_id
                else f"{shown!r} is not a segment id (2-3 capitals or digits)"
            )
            raise X12Error(problem, number)
        segments.append(Segment(number, seg_id, tuple(parts[1:]), marks.component))
    return segments


class SegmentWriter:
    """Collects the segments of one interchange; empty trailing elements and components are dropped."""

    def __init__(self, marks: Delimiters = DEFAULT):
        self.marks = marks
        self.lines: list[str] = []

    def add(self, seg_id: str, *elements: str | list[str] | tuple[str, ...] | None) -> None:
        values = [self._element(e) for e in elements]
        while values and not values[-1]:
            values.pop()
        self.lines.append(self.marks.element.join([seg_id, *values]))

    def _element(self, value: str | list[str] | tuple[str, ...] | None) -> str:
        if value is None:
            return ""
        if isinstance(value, list | tuple):
            parts = ["" if p is None else str(p) for p in value]
            while parts and not parts[-1]:
                parts.pop()
            return self.marks.component.join(parts)
        return str(value)

    def __len__(self) -> int:
        return len(self.lines)

    def text(self, newline: bool = True) -> str:
        end = self.marks.segment + ("\n" if newline else "")
        return end.join(self.lines) + end
