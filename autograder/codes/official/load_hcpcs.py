"""Build a HCPCS Level II release database from the alpha-numeric file, checked against the
record layout shipped beside it when there is one."""

from __future__ import annotations

import sqlite3

from autograder.codes.official import database, hcpcs_file
from autograder.codes.official.errors import InstallError
from autograder.codes.official.files import Located, read_text, reading

COLUMNS = ("kind", "code", "long", "short", *(name for name, *_ in hcpcs_file.FIELDS[2:]))
SCHEMA = f"""
CREATE TABLE hcpcs (id INTEGER PRIMARY KEY, {", ".join(f"{c} TEXT" for c in COLUMNS)}, UNIQUE (kind, code));
CREATE VIRTUAL TABLE hcpcs_search USING fts5 (long, short, content = '',
                                              tokenize = 'porter unicode61 remove_diacritics 2');
"""


def _cell(value: object) -> str | None:
    """How one field is stored: several values space-separated, dates as ISO text."""
    if value is None:
        return None
    if isinstance(value, tuple):
        return " ".join(value)
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def load(conn: sqlite3.Connection, located: Located) -> tuple[dict[str, int], list[str]]:
    """Fill ``conn``; returns the counts to check and warnings for the user."""
    layout = located.files.get("layout")
    if layout is not None:
        with reading(layout):
            problems = hcpcs_file.check_layout(read_text(layout))
        if problems:
            raise InstallError(f"{layout.origin} describes another record layout: {'; '.join(problems)}")
    conn.executescript(database.META + SCHEMA)
    data = located.files["hcpcs"]
    counts = {"codes": 0, "modifiers": 0}
    rows = []
    with reading(data):
        for record in hcpcs_file.parse(data.lines()):
            counts["codes" if record.kind == "code" else "modifiers"] += 1
            rows.append(
                (
                    record.kind,
                    record.code,
                    record.long,
                    record.short,
                    *(_cell(record.values[c]) for c in COLUMNS[4:]),
                )
            )
    try:
        conn.executemany(
            f"INSERT INTO hcpcs ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})", rows
        )
    except sqlite3.IntegrityError as exc:
        raise InstallError(f"{data.origin} lists a code twice ({exc})") from exc
    conn.execute("INSERT INTO hcpcs_search (rowid, long, short) SELECT id, long, short FROM hcpcs")
    warnings = [] if layout else [f"no record layout beside {data.name}; read with the layout this lab knows"]
    return counts, warnings
