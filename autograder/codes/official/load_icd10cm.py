"""Build an ICD-10-CM release database: the order file, then whichever of the Alphabetic Index,
External Cause Index, Table of Drugs and Chemicals and Neoplasm Table the release holds."""

from __future__ import annotations

import sqlite3

from autograder.codes.normalize import normalize
from autograder.codes.official import cm_columns, database
from autograder.codes.official.errors import InstallError
from autograder.codes.official.files import Located, reading
from autograder.codes.official.index_xml import IndexReader

BOOKS = {"index": "alphabetic", "eindex": "external", "drug": "drug", "neoplasm": "neoplasm"}


def reference_key(reference: str) -> str:
    """The code an index reference names: ``"C79.8-"`` -> ``"C798"``; ``"--"`` (no code) -> ``""``."""
    return normalize(reference.rstrip("-"))


def load(conn: sqlite3.Connection, located: Located) -> tuple[dict[str, int], list[str]]:
    """Fill ``conn``; returns the counts to check and warnings for the user."""
    conn.executescript(database.META + database.CODES + database.INDEX)
    order = located.files["order"]
    with reading(order):
        records, billable = database.load_order(conn, order.lines())
    counts = {"order records": records, "billable codes": billable}
    warnings = []
    for part, book in BOOKS.items():
        ref = located.files.get(part)
        if ref is None:
            continue
        with reading(ref), ref.open() as stream:
            reader = IndexReader(stream)
            counts[f"{book} terms"] = database.load_index(conn, book, reader)
        if book in cm_columns.TABLES:
            problems = cm_columns.heading_problems(book, reader.headings)
            if problems:
                raise InstallError(f"{ref.origin}: {'; '.join(problems)}")
        missing = database.unresolved(conn, database.index_references(conn, book), reference_key)
        if missing:
            warnings.append(
                f"{len(missing)} code reference(s) in the {ref.member.description} are not in the order "
                f"file: {', '.join(missing[:10])}"
            )
    return counts, warnings
