"""ICD-10-CM FY2026: look codes up, validate them, search them.

Built from the CDC tabular XML (April 1, 2026 update) into a SQLite index in the user cache folder
(``$HIMLAB_CACHE`` overrides) the first time it is needed; the index is loaded once per process::

    from autograder.codes import icd10cm
    icd10cm.lookup("E11.9").title          # 'Type 2 diabetes mellitus without complications'
    icd10cm.validate("S72.001")            # [Finding(rule='icd10cm.seventh-missing', ...)]
    icd10cm.search("fx femur neck", billable_only=True)

Codes are accepted with or without the dot, in any case, with surrounding spaces.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from datetime import date

from autograder.codes.icd10cm import rules
from autograder.codes.icd10cm.excludes import Exclusion
from autograder.codes.icd10cm.info import SYSTEM, CodeInfo, Hit
from autograder.codes.icd10cm.source import release
from autograder.codes.icd10cm.table import Block, Chapter, Note, Table
from autograder.codes.normalize import dotted_icd10cm, normalize
from autograder.findings import Finding

__all__ = [
    "SYSTEM",
    "Block",
    "Chapter",
    "CodeInfo",
    "Exclusion",
    "Hit",
    "Note",
    "all_codes",
    "ancestors",
    "chapter_of",
    "children",
    "display",
    "excludes1",
    "excludes1_conflicts",
    "is_billable",
    "looks_like",
    "lookup",
    "release",
    "search",
    "validate",
]

_SHAPE = re.compile(r"[A-Z][0-9][0-9A-Z]{1,5}")


@functools.cache
def index_table() -> Table:
    """The index, built on first use and loaded once."""
    from autograder.codes.icd10cm import cachefile

    return Table(cachefile.ensure_index())


def looks_like(key: str) -> bool:
    """True when ``key`` (a normalised code) has the form of an ICD-10-CM code: A00, E119, T360X1A."""
    return isinstance(key, str) and bool(_SHAPE.fullmatch(key))


def display(key: str) -> str:
    """How a coder writes it: ``E119`` -> ``E11.9``."""
    return dotted_icd10cm(key)


def lookup(code: object, on: date | None = None) -> CodeInfo | None:
    """Everything the tabular list says about ``code``, or None when it is not in it.

    ``on`` (a date of service) does not change the answer: FY2026 is the release in use, and
    :func:`validate` warns when a date falls outside it.
    """
    t = index_table()
    key = normalize(code)
    row = t.codes.get(key)
    if row is None:
        return None
    title, billable, parent, block_no, char = row
    kids = t.children.get(key)
    pairs, source = t.seventh_for(parent if char else key)
    notes = t.notes(key)
    if char and (source, char) in t.seventh_terms:
        notes += t.seventh_terms[source, char]
    return CodeInfo(
        code=dotted_icd10cm(key),
        title=title,
        billable=billable,
        block=t.blocks[block_no],
        parent=None if parent is None else dotted_icd10cm(parent),
        children=tuple(map(dotted_icd10cm, kids)) if kids else (),
        notes=notes,
        seventh_characters=pairs,
        seventh_source=source,
    )


def validate(code: object, on: date | None = None) -> list[Finding]:
    """What is wrong with ``code`` as a code to report, as findings (empty when it is valid).

    Rules: ``icd10cm.empty``, ``icd10cm.malformed``, ``icd10cm.unknown``, ``icd10cm.not-billable``,
    ``icd10cm.seventh-missing``, ``icd10cm.seventh-not-allowed``, ``icd10cm.seventh-invalid``,
    ``icd10cm.placeholder-missing``, ``icd10cm.placeholder-misplaced``; with ``on`` (date of service)
    also ``release.not-covered`` (warning) or ``release.bad-date``.
    """
    t = index_table()
    key = normalize(code)
    row = t.codes.get(key)
    findings = [] if row is not None and row[1] else rules.check_code(t, code, key)
    if on is not None:
        findings += rules.check_date(release(), on, dotted_icd10cm(key) if key else None)
    return findings


def search(text: object, limit: int = 20, billable_only: bool = False) -> list[Hit]:
    """Codes whose titles or inclusion terms match ``text``, best first (``fx femur neck``, ``E11.9``)."""
    from autograder.codes.icd10cm import fulltext

    return fulltext.search(index_table(), text, limit, billable_only)


def all_codes(billable: bool = True) -> Iterator[str]:
    """Every billable code (or, with ``billable=False``, every category, subcategory and code), dotted."""
    for key, row in index_table().codes.items():
        if row[1] or not billable:
            yield dotted_icd10cm(key)


def is_billable(code: object) -> bool:
    row = index_table().codes.get(normalize(code))
    return row is not None and row[1]


def children(code: object) -> list[str]:
    """The codes directly below ``code`` (dotted), in tabular order; [] for a billable or unknown code."""
    return [dotted_icd10cm(k) for k in index_table().children.get(normalize(code), ())]


def ancestors(code: object) -> list[str]:
    """Parent, grandparent ... up to the category (dotted); [] for a category or an unknown code."""
    t = index_table()
    key = normalize(code)
    return [dotted_icd10cm(k) for k in t.ancestors(key)] if key in t.codes else []


def chapter_of(code: object) -> Chapter | None:
    row = index_table().codes.get(normalize(code))
    return index_table().blocks[row[3]].chapter if row is not None else None


def excludes1(code: object) -> list[Exclusion]:
    """The Excludes1 notes that apply to ``code`` (own and inherited), each with the code ranges it names."""
    from autograder.codes.icd10cm import excludes

    return excludes.excludes1(index_table(), normalize(code))


def excludes1_conflicts(code: object, other: object) -> list[Exclusion]:
    """The Excludes1 notes that forbid reporting ``code`` and ``other`` together ([] when they may be).

    Guidelines I.A.12.a: an Excludes1 note means the two conditions are not coded together.
    """
    from autograder.codes.icd10cm import excludes

    return excludes.conflicts(index_table(), normalize(code), normalize(other))
