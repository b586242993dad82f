"""ICD-10-CM FY2026: look codes up, validate them, search them; with the official files installed,
walk the Alphabetic Index and read the Table of Drugs and Chemicals and the Neoplasm Table.

Built from the CDC tabular XML (April 1, 2026 update) into a SQLite index in the user cache folder
(``$HIMLAB_CACHE`` overrides) the first time it is needed; the index is loaded once per process::

    from autograder.codes import icd10cm
    icd10cm.lookup("E11.9").title          # 'Type 2 diabetes mellitus without complications'
    icd10cm.validate("S72.001")            # [Finding(rule='icd10cm.seventh-missing', ...)]
    icd10cm.search("fx femur neck", billable_only=True)

Codes are accepted with or without the dot, in any case, with surrounding spaces.

Releases: without a date of service the packaged FY2026 Tabular List answers (the year the course is
written for). With ``on=`` (a date of service) the release for that date answers: FY2026 from the
packaged list, another year from its order file once installed (``himlab data fetch --set icd10cm
--year YYYY``); when no release covers the date, FY2026 answers and :func:`validate` adds a
``release.not-covered`` warning naming the missing release and the command that installs it.

Index, drug and neoplasm tables (:func:`index`, :func:`external_index`, :func:`drug_table`,
:func:`neoplasm_table`) read the installed official files (``himlab data fetch --set icd10cm``);
without them they raise :class:`NotInstalled` naming that command.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from autograder.codes.icd10cm import rules
from autograder.codes.icd10cm.excludes import Exclusion
from autograder.codes.icd10cm.info import SYSTEM, CodeInfo, Hit, ListedCode
from autograder.codes.icd10cm.source import release
from autograder.codes.icd10cm.table import Block, Chapter, CodeTree, Note, Table
from autograder.codes.normalize import dotted_icd10cm, normalize
from autograder.codes.official.errors import NotInstalled
from autograder.findings import Finding

if TYPE_CHECKING:
    from autograder.codes.official.index_walk import IndexResult

__all__ = [
    "SYSTEM",
    "Block",
    "Chapter",
    "CodeInfo",
    "Exclusion",
    "Hit",
    "ListedCode",
    "Note",
    "NotInstalled",
    "all_codes",
    "ancestors",
    "chapter_of",
    "children",
    "display",
    "drug_table",
    "excludes1",
    "excludes1_conflicts",
    "external_index",
    "index",
    "is_billable",
    "looks_like",
    "lookup",
    "neoplasm_table",
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


def _other_release(day: date) -> tuple[CodeTree | None, Finding | None]:
    """For a date of service outside the packaged year: the installed release's code list that
    answers (``None``: the packaged Tabular List answers) and the ``release.not-covered`` warning
    when no release covers the date."""
    packaged = release()
    if packaged.covers(day):
        return None, None
    from autograder.codes.icd10cm import codelist
    from autograder.codes.official import store

    choice = store.choose(SYSTEM, day, packaged)
    if choice.installed is None or choice.installed.release.year == packaged.year:
        return None, choice.warning  # the packaged Tabular List is that year's, with every note
    return codelist.code_list(choice.installed), choice.warning


def lookup(code: object, on: date | None = None) -> CodeInfo | ListedCode | None:
    """Everything the tabular list says about ``code``, or None when it is not in it.

    With ``on`` (a date of service) outside FY2026 and that year's release installed, the answer
    comes from its order file (a :class:`ListedCode`: title, billable flag, hierarchy, 7th
    characters); otherwise from the packaged FY2026 Tabular List, with every note.
    """
    key = normalize(code)
    if on is not None:
        day = rules.service_date(on)
        listed = _other_release(day)[0] if day is not None else None
        if listed is not None:
            return listed.lookup(key)
    t = index_table()
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
    ``icd10cm.placeholder-missing``, ``icd10cm.placeholder-misplaced``. With ``on`` (a date of
    service) the code is checked against the release for that date (see :func:`lookup`), with a
    ``release.not-covered`` warning when none is installed, or ``release.bad-date`` when ``on`` is
    not a date.
    """
    t = index_table()
    key = normalize(code)
    if on is None:
        row = t.codes.get(key)
        return [] if row is not None and row[1] else rules.check_code(t, code, key)
    shown = dotted_icd10cm(key) if key else None
    day = rules.service_date(on)
    if day is None:
        return _check(t, code, key) + [rules.bad_date(shown)]
    listed, warning = _other_release(day)
    findings = _check(listed or t, code, key)
    return findings + [replace(warning, code=shown)] if warning else findings


def _check(table: CodeTree, code: object, key: str) -> list[Finding]:
    row = table.codes.get(key)
    return [] if row is not None and row[1] else rules.check_code(table, code, key)


def search(text: object, limit: int = 20, billable_only: bool = False) -> list[Hit]:
    """Codes whose titles or inclusion terms match ``text``, best first (``fx femur neck``, ``E11.9``);
    with the Alphabetic or External Cause Index installed, the codes of matching index entries too."""
    from autograder.codes.icd10cm import fulltext, indexterms

    table = index_table()
    hits = fulltext.search(table, text, limit, billable_only)
    return indexterms.merge(table, hits, text, limit, billable_only)


def index(term_path: str | list[str], on: date | None = None) -> IndexResult:
    """Walk the Alphabetic Index the way a coder does: main term, then subterms
    (``"Diabetes, type 2, with, chronic kidney disease"`` gives E11.22), following see and see also
    and passing over nonessential modifiers. ``result.verify()`` shows the code in the Tabular
    List. Reads the installed release for ``on`` (default: the one in force today, else the newest
    installed); raises :class:`NotInstalled` naming ``himlab data fetch --set icd10cm``."""
    from autograder.codes.official import cm_index

    return cm_index.walk(term_path, "alphabetic", on)


def external_index(term_path: str | list[str], on: date | None = None) -> IndexResult:
    """Walk the External Cause Index (``"Bite, dog"`` gives W54.0-), as :func:`index` does."""
    from autograder.codes.official import cm_index

    return cm_index.walk(term_path, "external", on)


def drug_table(substance: str | list[str], intent: str, on: date | None = None) -> IndexResult:
    """The Table of Drugs and Chemicals: the code for ``substance`` in the column ``intent``
    (accidental, self-harm, assault, undetermined, adverse effect, underdosing). The code still
    needs its 7th character from the Tabular List (``result.verify()`` lists them)."""
    from autograder.codes.official import cm_tables

    return cm_tables.drug_table(substance, intent, on)


def neoplasm_table(site: str | list[str], behavior: str, on: date | None = None) -> IndexResult:
    """The Neoplasm Table: the code for ``site`` (``"lung, upper lobe"``) in the column ``behavior``
    (malignant primary, malignant secondary, in situ, benign, uncertain behavior, unspecified
    behavior)."""
    from autograder.codes.official import cm_tables

    return cm_tables.neoplasm_table(site, behavior, on)


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
