"""The Table of Drugs and Chemicals and the Neoplasm Table of an installed ICD-10-CM release.

A coder finds the substance (or the site) as an index entry, then reads across to the column:
``drug_table("Acetaminophen", "adverse effect")`` or ``neoplasm_table("lung, upper lobe",
"malignant secondary")``. Codes from the drug table still need their 7th character from the
Tabular List (``display`` shows the dash).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from autograder.codes.official import cm_columns, index_walk, store, terms
from autograder.codes.official.index_walk import IndexResult

NO_CODE = {"", "-", "--"}


def column_number(book: str, name: str, headings: dict[int, str]) -> int:
    """The column ``name`` means: the lab's name ("self-harm"), the word it is checked by
    ("adverse") or words of the official heading ("intentional self-harm"); else ``ValueError``."""
    wanted = terms.squash(str(name))
    columns = cm_columns.TABLES[book]
    for col, (label, word) in columns.items():
        if wanted in (label, word):
            return col
    matches = [col for col in columns if wanted and wanted in headings.get(col, "").lower()]
    if len(matches) == 1:
        return matches[0]
    choices = ", ".join(label for label, _ in columns.values())
    raise ValueError(f"{name!r} is not a column of the {book} table; choose one of: {choices}")


def _headings(conn, book: str) -> dict[int, str]:
    return dict(conn.execute("SELECT col, heading FROM headings WHERE book = ?", (book,)).fetchall())


def _read(
    book: str, query: str | list[str], column: str, on: date | None, start_at_main: bool
) -> IndexResult:
    installed = store.require("icd10cm", book, on)
    conn = installed.connect()
    headings = _headings(conn, book)
    col = column_number(book, column, headings)
    result = index_walk.walk(conn, book, query)
    if start_at_main and not result.path:
        main = index_walk.main_terms(conn, book)[0]
        result = index_walk.walk(conn, book, query, start=main)
    label = cm_columns.TABLES[book][col][0]
    result = replace(
        result, release=installed.release.label, release_start=installed.release.effective_from, column=label
    )
    if result.term_id is None or result.unmatched:
        return result
    row = conn.execute("SELECT code FROM cells WHERE term = ? AND col = ?", (result.term_id, col)).fetchone()
    cell = row[0] if row else ""
    if cell in NO_CODE:
        return replace(
            result,
            code=None,
            kind="",
            complete=None,
            title=None,
            note=f"the table gives no {label} code for this entry",
        )
    return replace(
        result,
        code=cell.rstrip("-").rstrip("."),
        kind="table cell",
        complete=index_walk.completeness(conn, book, cell),
        title=index_walk.code_title(conn, cell),
    )


def drug_table(substance: str | list[str], intent: str, on: date | None = None) -> IndexResult:
    """The code for ``substance`` under ``intent``: accidental, self-harm, assault,
    undetermined (poisoning), adverse effect or underdosing."""
    return _read("drug", substance, intent, on, start_at_main=False)


def neoplasm_table(site: str | list[str], behavior: str, on: date | None = None) -> IndexResult:
    """The code for a neoplasm of ``site`` ("lung, upper lobe"; "Neoplasm, neoplastic" may be
    left out) with ``behavior``: malignant primary, malignant secondary, in situ, benign,
    uncertain behavior or unspecified behavior."""
    return _read("neoplasm", site, behavior, on, start_at_main=True)


def row(book: str, entry: str | list[str], on: date | None = None) -> dict[str, str | None]:
    """Every column of one table entry, by the lab's column names (``None``: no code)."""
    installed = store.require("icd10cm", book, on)
    conn = installed.connect()
    result = index_walk.walk(conn, book, entry)
    if book == "neoplasm" and not result.path:
        result = index_walk.walk(conn, book, entry, start=index_walk.main_terms(conn, book)[0])
    if result.term_id is None or result.unmatched:
        raise LookupError(f"{entry!r} is not an entry of the {book} table ({result.describe()})")
    cells = dict(conn.execute("SELECT col, code FROM cells WHERE term = ?", (result.term_id,)).fetchall())
    return {
        label: (None if cells.get(col, "") in NO_CODE else cells[col])
        for col, (label, _) in cm_columns.TABLES[book].items()
    }
