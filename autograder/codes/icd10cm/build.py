"""Build the ICD-10-CM index: one SQLite file with the tabular list and an FTS5 full-text index.

Tables: ``chapter``, ``block``, ``code`` (every category, subcategory and code, generated 7th-character
codes included, in tabular order), ``note`` (instructional notes where the tabular list puts them),
``seventh`` (7th-character definitions where they are defined) and ``code_text`` (FTS5 over titles
and inclusion terms; its document ids are ``code.doc``). ``meta`` holds the source hash and a compact
snapshot of the code table that the library loads in one read.
"""

from __future__ import annotations

import marshal
import sqlite3
from pathlib import Path

from autograder.codes.icd10cm import fulltext, tabular

SCHEMA_SQL = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value BLOB);
CREATE TABLE chapter(seq INTEGER PRIMARY KEY, number TEXT UNIQUE, title TEXT, range TEXT);
CREATE TABLE block(seq INTEGER PRIMARY KEY, id TEXT, title TEXT, chapter TEXT);
CREATE TABLE code(
    seq INTEGER PRIMARY KEY, key TEXT UNIQUE, title TEXT, billable INTEGER, parent TEXT, block INTEGER,
    seventh TEXT, doc INTEGER UNIQUE, terms TEXT,
    rank_core TEXT, rank_words TEXT, rank_unspecified INTEGER, rank_terms TEXT
);
CREATE TABLE note(seq INTEGER PRIMARY KEY, owner_type TEXT, owner TEXT, kind TEXT, text TEXT);
CREATE TABLE seventh(seq INTEGER PRIMARY KEY, code TEXT, char TEXT, meaning TEXT, terms TEXT);
CREATE VIRTUAL TABLE code_text USING fts5(
    title, terms, content='', prefix='2 3 4 5 6 7 8', tokenize='porter unicode61 remove_diacritics 2'
);
"""


def snapshot(tab: tabular.Tabular) -> bytes:
    """The code table, children and notes as marshal bytes, for a fast load: a tuple of
    ``{key: (title, billable, parent, block number, 7th char)}``, ``{key: (child key, ...)}`` and
    ``{(owner type, owner): ((kind, text), ...)}``.
    """
    block_no = {b.id: i for i, b in enumerate(tab.blocks)}
    codes = {c.key: (c.title, c.billable, c.parent, block_no[c.block], c.seventh) for c in tab.codes}
    children: dict[str, list[str]] = {}
    for c in tab.codes:
        if c.parent is not None:
            children.setdefault(c.parent, []).append(c.key)
    notes: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for owner_type, owner, kind, text in tab.notes:
        notes.setdefault((owner_type, owner), []).append((kind, text))
    return marshal.dumps(
        (
            codes,
            {key: tuple(kids) for key, kids in children.items()},
            {owner: tuple(rows) for owner, rows in notes.items()},
        )
    )


def generality_order(codes: list[tabular.Code]) -> list[int]:
    """Full-text document id for each code: tabular codes before generated 7th-character codes, shorter
    titles first. FTS5 returns matches in document order, so a broad query's first matches are the
    most general codes."""
    order = sorted(
        range(len(codes)), key=lambda i: (codes[i].seventh is not None, len(codes[i].title.split()), i)
    )
    docs = [0] * len(codes)
    for doc, i in enumerate(order):
        docs[i] = doc
    return docs


def write(xml: Path, target: Path) -> None:
    """Parse ``xml`` and write a complete index to ``target`` (an empty or missing file)."""
    from autograder.codes.icd10cm import source

    tab = tabular.read(xml)
    block_no = {b.id: i for i, b in enumerate(tab.blocks)}
    db = sqlite3.connect(target)
    try:
        db.execute("PRAGMA journal_mode = OFF")
        db.execute("PRAGMA synchronous = OFF")
        db.executescript(SCHEMA_SQL)
        db.executemany(
            "INSERT INTO chapter(number, title, range) VALUES (?, ?, ?)",
            [(c.number, c.title, c.range) for c in tab.chapters],
        )
        db.executemany(
            "INSERT INTO block(seq, id, title, chapter) VALUES (?, ?, ?, ?)",
            [(i, b.id, b.title, b.chapter) for i, b in enumerate(tab.blocks)],
        )
        docs = generality_order(tab.codes)
        by_key = {c.key: c for c in tab.codes}
        rows = []
        for i, c in enumerate(tab.codes):
            judged = by_key[c.parent] if c.seventh else c  # a generated code ranks by its leaf's text
            rows.append(
                (i, c.key, c.title, int(c.billable), c.parent, block_no[c.block], c.seventh, docs[i])
                + ("\n".join(c.terms), *fulltext.features(judged.title, judged.terms))
            )
        db.executemany(f"INSERT INTO code VALUES ({', '.join('?' * 13)})", rows)
        db.executemany(
            "INSERT INTO code_text(rowid, title, terms) VALUES (?, ?, ?)",
            [(docs[i], c.title, "\n".join(c.terms)) for i, c in enumerate(tab.codes)],
        )
        db.executemany("INSERT INTO note(owner_type, owner, kind, text) VALUES (?, ?, ?, ?)", tab.notes)
        db.executemany("INSERT INTO seventh(code, char, meaning, terms) VALUES (?, ?, ?, ?)", tab.sevenths)
        db.execute("CREATE INDEX note_owner ON note(owner_type, owner)")
        db.execute("INSERT INTO code_text(code_text) VALUES ('optimize')")
        db.executemany(
            "INSERT INTO meta(key, value) VALUES (?, ?)",
            [
                ("source_sha256", source.sha256_of(xml)),
                ("source_file", xml.name),
                ("snapshot", snapshot(tab)),
            ],
        )
        db.commit()
    finally:
        db.close()
