"""The release database: one SQLite file per installed release, written once at install time.

Tables shared by the code sets: ``meta`` (key/value), ``codes`` (order-file records),
``terms`` / ``term_keys`` / ``term_search`` (index-schema files, one ``book`` each:
``alphabetic``, ``external``, ``drug``, ``neoplasm``, ``pcs``), ``cells`` and ``headings`` (the
drug and neoplasm table columns).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from autograder.codes.official import order_file, terms
from autograder.codes.official.index_xml import IndexReader

META = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""
CODES = """
CREATE TABLE codes (
    code TEXT PRIMARY KEY, ord INTEGER NOT NULL, billable INTEGER NOT NULL, short TEXT NOT NULL,
    long TEXT NOT NULL
) WITHOUT ROWID;
"""
INDEX = """
CREATE TABLE terms (
    id INTEGER PRIMARY KEY, book TEXT NOT NULL, parent INTEGER NOT NULL, level INTEGER NOT NULL,
    title TEXT NOT NULL, nemod TEXT NOT NULL, path TEXT NOT NULL,
    code TEXT, manif TEXT, subcat TEXT, seecat TEXT, codes TEXT, tab TEXT,
    see TEXT, see_also TEXT, use TEXT, reference_code TEXT, note TEXT
);
CREATE INDEX terms_children ON terms (parent);
CREATE TABLE term_keys (book TEXT NOT NULL, parent INTEGER NOT NULL, key TEXT NOT NULL,
                        term INTEGER NOT NULL, exact INTEGER NOT NULL);
CREATE INDEX term_keys_lookup ON term_keys (book, parent, key);
CREATE TABLE cells (term INTEGER NOT NULL, col INTEGER NOT NULL, code TEXT NOT NULL,
                    PRIMARY KEY (term, col)) WITHOUT ROWID;
CREATE TABLE headings (book TEXT NOT NULL, col INTEGER NOT NULL, heading TEXT NOT NULL,
                       PRIMARY KEY (book, col)) WITHOUT ROWID;
CREATE VIRTUAL TABLE term_search USING fts5 (path, content = '',
                                             tokenize = 'porter unicode61 remove_diacritics 2');
"""

PATH_SEPARATOR = " > "
BATCH = 5000
# the references a term carries, after its id, book, parent, level, title, nemod and path
TERM_REFERENCES = (
    "code",
    "manif",
    "subcat",
    "seecat",
    "codes",
    "tab",
    "see",
    "see_also",
    "use",
    "reference_code",
    "note",
)
TERM_COLUMNS = ("id", "book", "parent", "level", "title", "nemod", "path", *TERM_REFERENCES)


def set_meta(conn: sqlite3.Connection, **values: object) -> None:
    conn.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", [(k, str(v)) for k, v in values.items()])


def load_order(conn: sqlite3.Connection, lines: Iterable[str]) -> tuple[int, int]:
    """Order-file records into ``codes``; returns (records, billable codes)."""
    records = billable = 0
    batch = []
    for rec in order_file.parse(lines):
        batch.append((rec.code, rec.order, int(rec.billable), rec.short, rec.long))
        records += 1
        billable += rec.billable
        if len(batch) >= BATCH:
            conn.executemany("INSERT INTO codes VALUES (?, ?, ?, ?, ?)", batch)
            batch.clear()
    conn.executemany("INSERT INTO codes VALUES (?, ?, ?, ?, ?)", batch)
    return records, billable


def load_index(conn: sqlite3.Connection, book: str, reader: IndexReader) -> int:
    """One index-schema file into ``terms`` and its helpers; returns the number of terms."""
    offset = conn.execute("SELECT COALESCE(MAX(id), 0) FROM terms").fetchone()[0]
    rows, keys, cells, search = [], [], [], []
    for e in reader:
        term_id = e.id + offset
        parent = e.parent + offset if e.parent else 0
        rows.append(
            (
                term_id,
                book,
                parent,
                e.level,
                e.title,
                e.nemod,
                PATH_SEPARATOR.join(e.path),
                *(getattr(e, c) for c in TERM_REFERENCES),
            )
        )
        keys.extend(
            (book, parent, key, term_id, int(exact)) for key, exact in terms.title_keys(e.essential, e.title)
        )
        cells.extend((term_id, col, code) for col, code in e.cells.items())
        if e.path:
            search.append((term_id, " ".join(e.path)))
    conn.executemany(f"INSERT INTO terms VALUES ({', '.join('?' * len(TERM_COLUMNS))})", rows)
    conn.executemany("INSERT INTO term_keys VALUES (?, ?, ?, ?, ?)", keys)
    conn.executemany("INSERT INTO cells VALUES (?, ?, ?)", cells)
    conn.executemany("INSERT INTO term_search (rowid, path) VALUES (?, ?)", search)
    conn.executemany(
        "INSERT INTO headings VALUES (?, ?, ?)", [(book, c, h) for c, h in reader.headings.items()]
    )
    set_meta(conn, **{f"{book}_version": reader.version, f"{book}_title": reader.title})
    return len(rows)


def index_references(conn: sqlite3.Connection, book: str) -> list[str]:
    """Every code an index book points to (codes, manifestation codes, subcategory and category
    references, table cells), as printed."""
    refs = [
        value
        for row in conn.execute("SELECT code, manif, subcat, seecat FROM terms WHERE book = ?", (book,))
        for value in row
        if value
    ]
    refs += [
        code
        for (code,) in conn.execute(
            "SELECT c.code FROM cells c JOIN terms t ON t.id = c.term WHERE t.book = ?", (book,)
        )
    ]
    return refs


def unresolved(conn: sqlite3.Connection, references: Iterable[str], key_of) -> list[str]:
    """References whose code (``key_of(reference)``) is not in ``codes``; no-code marks are skipped."""
    known = {code for (code,) in conn.execute("SELECT code FROM codes")}
    return sorted({r for r in references if key_of(r) and key_of(r) not in known})
