"""Build an ICD-10-PCS release database: order file, tables, definitions and (when present) index.

The install is refused unless the tables expand to exactly the order file's valid codes."""

from __future__ import annotations

import sqlite3

from autograder.codes.official import database, pcs_definitions_xml, pcs_tables_xml
from autograder.codes.official.errors import InstallError
from autograder.codes.official.files import Located, reading
from autograder.codes.official.index_xml import IndexReader

SCHEMA = """
CREATE TABLE pcs_tables (code TEXT PRIMARY KEY, ord INTEGER NOT NULL, definition TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE pcs_rows (table_code TEXT NOT NULL, row INTEGER NOT NULL, codes INTEGER NOT NULL,
                       PRIMARY KEY (table_code, row)) WITHOUT ROWID;
CREATE TABLE pcs_axes (table_code TEXT NOT NULL, row INTEGER NOT NULL, pos INTEGER NOT NULL,
                       title TEXT NOT NULL, value TEXT NOT NULL, label TEXT NOT NULL);
CREATE INDEX pcs_axes_table ON pcs_axes (table_code, row, pos);
CREATE TABLE pcs_definitions (section TEXT NOT NULL, pos INTEGER NOT NULL, axis TEXT NOT NULL,
                              term TEXT NOT NULL, definition TEXT NOT NULL, explanation TEXT NOT NULL,
                              includes TEXT NOT NULL);
CREATE INDEX pcs_definitions_term ON pcs_definitions (section, pos, term);
CREATE TABLE pcs_devices (device TEXT NOT NULL, operation TEXT NOT NULL, body_systems TEXT NOT NULL,
                          parent_value TEXT NOT NULL, parent_label TEXT NOT NULL);
CREATE INDEX codes_ord ON codes (ord);
CREATE VIRTUAL TABLE code_search USING fts5 (long, content = '',
                                             tokenize = 'porter unicode61 remove_diacritics 2');
"""


def _load_tables(conn: sqlite3.Connection, tables) -> tuple[int, int, set[str]]:
    count = rows = 0
    expanded: set[str] = set()
    for table in tables:
        count += 1
        conn.execute("INSERT INTO pcs_tables VALUES (?, ?, ?)", (table.code, count, table.definition))
        axes = [(table.code, 0, a.pos, a.title, *a.values[0]) for a in table.axes]
        for number, row in enumerate(table.rows, 1):
            rows += 1
            conn.execute("INSERT INTO pcs_rows VALUES (?, ?, ?)", (table.code, number, row.codes))
            axes += [
                (table.code, number, a.pos, a.title, v, label) for a in row.axes for v, label in a.values
            ]
            expanded.update(pcs_tables_xml.expand_row(table, row))
        conn.executemany("INSERT INTO pcs_axes VALUES (?, ?, ?, ?, ?, ?)", axes)
    return count, rows, expanded


def load(conn: sqlite3.Connection, located: Located) -> tuple[dict[str, int], list[str]]:
    """Fill ``conn``; returns the counts to check and warnings for the user."""
    conn.executescript(database.META + database.CODES + database.INDEX + SCHEMA)
    order, tables_ref, definitions_ref = (located.files[p] for p in ("order", "tables", "definitions"))
    with reading(order):
        records, billable = database.load_order(conn, order.lines())
    conn.execute("INSERT INTO code_search (rowid, long) SELECT ord, long FROM codes WHERE billable = 1")
    with reading(tables_ref), tables_ref.open() as stream:
        tables, rows, expanded = _load_tables(conn, pcs_tables_xml.parse(stream))
    valid = {code for (code,) in conn.execute("SELECT code FROM codes WHERE billable = 1")}
    if expanded != valid:
        only_tables, only_order = sorted(expanded - valid), sorted(valid - expanded)
        raise InstallError(
            f"{tables_ref.origin} and {order.origin} disagree: "
            f"{len(only_tables)} code(s) only in the tables ({', '.join(only_tables[:5])}), "
            f"{len(only_order)} only in the order file ({', '.join(only_order[:5])}); "
            "use files of the same release"
        )
    with reading(definitions_ref), definitions_ref.open() as stream:
        definitions, devices = pcs_definitions_xml.parse(stream)
    conn.executemany(
        "INSERT INTO pcs_definitions VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (d.section, d.pos, d.axis, d.term, d.definition, d.explanation, "\n".join(d.includes))
            for d in definitions
        ],
    )
    conn.executemany(
        "INSERT INTO pcs_devices VALUES (?, ?, ?, ?, ?)",
        [(d.device, d.operation, "\n".join(d.body_systems), d.parent_value, d.parent_label) for d in devices],
    )
    counts = {
        "order records": records,
        "billable codes": billable,
        "tables": tables,
        "rows": rows,
        "definitions": len(definitions),
    }
    warnings = []
    index = located.files.get("index")
    if index is not None:
        with reading(index), index.open() as stream:
            counts["index terms"] = database.load_index(conn, "pcs", IndexReader(stream))
        missing = _unresolved_index(conn, valid)
        if missing:
            warnings.append(
                f"{len(missing)} code reference(s) in {index.name} are not in the "
                f"{located.files['tables'].name} tables: {', '.join(missing[:10])}"
            )
    return counts, warnings


def _unresolved_index(conn: sqlite3.Connection, valid: set[str]) -> list[str]:
    """Index codes, partial codes and tables that no valid code starts with."""
    prefixes = {code[:n] for code in valid for n in range(3, 8)}
    refs = {
        value
        for row in conn.execute("SELECT code, codes, tab, reference_code FROM terms WHERE book = 'pcs'")
        for value in row
        if value
    }
    return sorted(r for r in refs if r not in prefixes)
