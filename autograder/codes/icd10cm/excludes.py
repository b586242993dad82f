"""Excludes1 notes as data: which codes a code may never be reported with.

An Excludes1 note means "not coded here": the two conditions are not reported together (ICD-10-CM
Official Guidelines I.A.12.a). The tabular list names the excluded codes in the note's text:
``(E08.-)`` a category and everything below it, ``(S09.90)`` one code, ``(T61-T62)`` or
``(A04.0-A04.4)`` a range, ``S06.1- to S06.6-`` a range in words. Only references to codes that
exist in the tabular list are kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from autograder.codes.icd10cm.table import Table
from autograder.codes.normalize import dotted_icd10cm

_CODE = r"[A-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{1,4})?"
_DASH = r"(?:\.?-(?![A-Z][0-9]))?"
_REF = re.compile(rf"(?P<first>{_CODE}){_DASH}(?:\s*(?:-|to)\s*(?P<last>{_CODE}){_DASH})?")


@dataclass(frozen=True, slots=True)
class Exclusion:
    """One Excludes1 note: its ``text``, where it is written (``source``), and the code ranges it names.

    ``ranges`` are (first, last) pairs of dotted codes; a code is excluded when it is ``first``,
    ``last``, anything between them in tabular order, or anything below them.
    """

    text: str
    source: str
    ranges: tuple[tuple[str, str], ...]

    def to_dict(self) -> dict:
        return {"text": self.text, "source": self.source, "ranges": [list(r) for r in self.ranges]}


def references(table: Table, text: str) -> tuple[tuple[str, str], ...]:
    """The code ranges an instructional note names, as undotted (first, last) keys."""
    found = []
    for m in _REF.finditer(text):
        first = m.group("first").replace(".", "")
        last = (m.group("last") or m.group("first")).replace(".", "")
        if first in table.codes and last in table.codes:
            found.append((first, last))
    return tuple(found)


@cache
def _positions(table: Table) -> dict[str, int]:
    return {key: i for i, key in enumerate(table.codes)}


def _end(table: Table, key: str) -> int:
    """Tabular position of the last code below ``key`` (or of ``key`` itself)."""
    while key in table.children:
        key = table.children[key][-1]
    return _positions(table)[key]


def covers(table: Table, ranges: tuple[tuple[str, str], ...], key: str) -> bool:
    """True when ``key`` falls in one of ``ranges`` (undotted keys)."""
    position = _positions(table).get(key)
    if position is None:
        return False
    return any(_positions(table)[first] <= position <= _end(table, last) for first, last in ranges)


def excludes1(table: Table, key: str) -> list[Exclusion]:
    """Every Excludes1 note that applies to ``key`` (its own and inherited), with the ranges it names."""
    if key not in table.codes:
        return []
    return [
        Exclusion(
            note.text,
            note.source,
            tuple((dotted_icd10cm(a), dotted_icd10cm(b)) for a, b in references(table, note.text)),
        )
        for note in table.notes(key)
        if note.kind == "excludes1"
    ]


def conflicts(table: Table, a: str, b: str) -> list[Exclusion]:
    """The Excludes1 notes that keep ``a`` and ``b`` (undotted keys) from being reported together."""
    found = []
    for this, other in ((a, b), (b, a)):
        for exclusion in excludes1(table, this):
            keys = tuple((x.replace(".", ""), y.replace(".", "")) for x, y in exclusion.ranges)
            if covers(table, keys, other):
                found.append(exclusion)
    return found
