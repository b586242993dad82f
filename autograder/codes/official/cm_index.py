"""The ICD-10-CM Alphabetic Index and External Cause Index of an installed release: walk a term
path the way a coder does, search index terms, and check a code against the release's code list.

    >>> walk("Diabetes, type 2, with, chronic kidney disease").code    # with the index installed
    'E11.22'
    >>> walk("Bite, dog", index="external").display
    'W54.0-'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from autograder.codes.normalize import dotted_icd10cm, normalize
from autograder.codes.official import index_walk, store
from autograder.codes.official.database import PATH_SEPARATOR, TERM_COLUMNS
from autograder.codes.official.index_walk import IndexResult

# index name -> (book in the database, file part, what coders call it)
INDEXES = {
    "alphabetic": ("alphabetic", "index", "Alphabetic Index"),
    "external": ("external", "eindex", "External Cause Index"),
    "drug": ("drug", "drug", "Table of Drugs and Chemicals"),
    "neoplasm": ("neoplasm", "neoplasm", "Neoplasm Table"),
}


@dataclass(frozen=True)
class IndexHit:
    """One index entry matching a search: its path, and the code or cross-reference it gives."""

    path: tuple[str, ...]
    code: str | None
    reference: str  # "see ..." / "see also ..." when the entry gives no code
    book: str

    def to_dict(self) -> dict:
        return {"path": list(self.path), "code": self.code, "reference": self.reference, "book": self.book}


@dataclass(frozen=True)
class CodeEntry:
    """A code as the release's order file lists it."""

    code: str
    billable: bool
    title: str


def _book(index: str) -> tuple[str, str, str]:
    try:
        return INDEXES[index]
    except KeyError:
        raise ValueError(f"index must be one of {', '.join(INDEXES)}, not {index!r}") from None


def walk(term_path: str | list[str], index: str = "alphabetic", on: date | None = None) -> IndexResult:
    """Look up ``term_path`` (main term, then subterms, comma-separated) in the index of the
    release for ``on`` (default: the release in force today, else the newest installed).

    Raises :class:`~autograder.codes.official.errors.NotInstalled` (a ``LookupError``) naming
    the install command when the index is not installed.
    """
    book, part, _ = _book(index)
    if book not in ("alphabetic", "external"):
        raise ValueError(
            "walk reads the alphabetic or external index; use cm_tables for the drug and neoplasm tables"
        )
    installed = store.require("icd10cm", part, on)
    result = index_walk.walk(installed.connect(), book, term_path)
    return replace(result, release=installed.release.label, release_start=installed.release.effective_from)


def _fts_query(text: object) -> str:
    words = re.findall(r"\w+", str(text).lower())
    return " ".join(f'"{w}"*' for w in words)


def search(text: str, limit: int = 20, index: str = "alphabetic", on: date | None = None) -> list[IndexHit]:
    """Index entries whose path holds every word of ``text`` (word beginnings), best first."""
    book, part, _ = _book(index)
    query = _fts_query(text)
    if not query or limit < 1:
        return []
    conn = store.require("icd10cm", part, on).connect()
    rows = conn.execute(
        f"""SELECT {", ".join(f"t.{c}" for c in TERM_COLUMNS)} FROM term_search
            JOIN terms t ON t.id = term_search.rowid
            WHERE term_search MATCH ? AND t.book = ?
            ORDER BY bm25(term_search), t.level, t.id LIMIT ?""",
        (query, book, limit),
    ).fetchall()
    hits = []
    for row in rows:
        term = index_walk.Term(*row)
        code, _ = term.reference()
        reference = "" if code else "; ".join(index_walk.instructions(term, include_see=True))
        hits.append(IndexHit(tuple(term.path.split(PATH_SEPARATOR)), code, reference, book))
    return hits


def verify(code: str, on: date | None = None) -> CodeEntry | None:
    """The code as the release's order file has it (title, and whether it is valid for a claim),
    or ``None`` when the release does not list it: the index-then-tabular check in one step."""
    conn = store.require("icd10cm", "order", on).connect()
    row = conn.execute(
        "SELECT code, billable, long FROM codes WHERE code = ?", (normalize(code).rstrip("-"),)
    ).fetchone()
    return CodeEntry(dotted_icd10cm(row[0]), bool(row[1]), row[2]) if row else None
