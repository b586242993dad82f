"""ICD-10-PCS from an installed release: the tables, building a code row by row with the
official definitions, decoding a code with the tables' axis labels, and the PCS Index.

    >>> step = build("0DT")            # Medical and Surgical, Gastrointestinal System, Resection
    >>> step.axis, step.choices[0]     # the next character and its valid values
    >>> build("0DTJ0ZZ").title         # the complete code's title from the order file

Each ``build`` call returns a :class:`BuildStep`: what is chosen so far (each with its label and
definition), the next axis and its valid values given those choices (only rows of the table
that allow every choice so far count), or a ``problem`` saying which choice is not valid there.
"""

from __future__ import annotations

import functools
import re
import sqlite3
from dataclasses import asdict, dataclass, replace
from datetime import date

from autograder.codes.normalize import normalize
from autograder.codes.official import index_walk, store
from autograder.codes.official.index_walk import IndexResult

CODE_CHARS = re.compile(r"[0-9A-HJ-NP-Z]+")  # PCS uses digits and letters except I and O


@dataclass(frozen=True)
class Choice:
    """One value of one character position."""

    pos: int
    axis: str  # the position's title in this table ("Body Part", "Approach", "Qualifier"...)
    value: str
    label: str
    definition: str = ""  # from the definitions file (definition, or what the value includes)


@dataclass(frozen=True)
class BuildStep:
    """Where a code under construction stands."""

    code: str  # the characters chosen so far
    chosen: tuple[Choice, ...]
    axis: str  # the next position's title ("" when the code is complete)
    choices: tuple[Choice, ...]  # valid values for the next position
    complete: bool
    title: str | None = None  # the complete code's title in the order file
    problem: str | None = None  # why the last choice was not taken
    release: str = ""

    def to_dict(self) -> dict:
        return asdict(self)

    def describe(self) -> str:
        lines = []
        if self.problem:
            lines.append(f"problem: {self.problem}")
        if self.chosen:
            lines.append(f"{self.code}  " + " > ".join(c.label for c in self.chosen))
        for c in self.chosen:
            if c.definition:
                lines.append(f"  {c.axis} {c.label}: {c.definition}")
        if self.complete:
            lines.append(f"complete: {self.code}  {self.title or ''}".rstrip())
        else:
            lines.append(f"next: {self.axis} (character {len(self.code) + 1})")
            lines += [f"  {c.value}  {c.label}" for c in self.choices]
        return "\n".join(lines)


@dataclass(frozen=True)
class TableInfo:
    code: str
    section: str
    body_system: str
    operation: str
    definition: str


@dataclass(frozen=True)
class Table:
    """One PCS table: characters 1-3 and, row by row, the values of characters 4-7."""

    info: TableInfo
    rows: tuple[tuple[tuple[str, tuple[tuple[str, str], ...]], ...], ...]  # row -> pos 4..7 -> (axis, values)

    def describe(self) -> str:
        lines = [f"{self.info.code}  {self.info.section} > {self.info.body_system} > {self.info.operation}"]
        if self.info.definition:
            lines.append(f"  {self.info.operation}: {self.info.definition}")
        for number, row in enumerate(self.rows, 1):
            lines.append(f"row {number}")
            for axis, values in row:
                lines.append(f"  {axis}: " + "; ".join(f"{v} {label}" for v, label in values))
        return "\n".join(lines)


def _release(on: date | None) -> tuple[sqlite3.Connection, str]:
    installed = store.require("icd10pcs", "tables", on)
    return installed.connect(), installed.release.label


@functools.lru_cache(maxsize=64)
def _definitions(conn: sqlite3.Connection, section: str) -> dict[tuple[int, str], str]:
    """(position, term) -> definition, for one section (read once; not to be changed)."""
    found = {}
    for pos, term, definition, includes in conn.execute(
        "SELECT pos, term, definition, includes FROM pcs_definitions WHERE section = ?", (section,)
    ):
        text = definition or (f"includes {'; '.join(includes.splitlines())}" if includes else "")
        found[(pos, term.lower())] = text
    return found


@functools.lru_cache(maxsize=16384)
def _options(conn: sqlite3.Connection, code: str) -> tuple[str, tuple[Choice, ...]]:
    """The next position's title and valid values after the characters ``code`` (worked out once)."""
    definitions = _definitions(conn, code[0]) if code else {}
    pos = len(code) + 1
    found: dict[str, tuple[str, str, str]] = {}
    if pos <= 3:
        for table, axes in _table_heads(conn).items():
            if table.startswith(code):
                found.setdefault(axes[pos][1], axes[pos])
    elif pos <= 7:
        for axes in _table_rows(conn, code[:3]).values():
            if all(any(v == char for _, v, _ in axes[4 + i]) for i, char in enumerate(code[3:])):
                found.update((value, (title, value, label)) for title, value, label in axes[pos])
    rows = [found[value] for value in sorted(found)]
    choices = tuple(
        Choice(pos, title, value, label, _definition(conn, code, pos, value, label, definitions))
        for title, value, label in rows
    )
    return (choices[0].axis if choices else ""), choices


@functools.lru_cache(maxsize=8)
def _table_heads(conn: sqlite3.Connection) -> dict[str, dict[int, tuple[str, str, str]]]:
    """Every table's characters 1-3: table code -> position -> (axis title, value, label)."""
    heads: dict[str, dict[int, tuple[str, str, str]]] = {}
    for table, pos, title, value, label in conn.execute(
        "SELECT table_code, pos, title, value, label FROM pcs_axes WHERE row = 0 ORDER BY rowid"
    ):
        heads.setdefault(table, {})[pos] = (title, value, label)
    return heads


@functools.lru_cache(maxsize=1024)
def _table_rows(conn: sqlite3.Connection, table: str) -> dict[int, dict[int, list[tuple[str, str, str]]]]:
    """A table's rows: row number -> position 4-7 -> (axis title, value, label) in file order."""
    rows: dict[int, dict[int, list[tuple[str, str, str]]]] = {}
    for row, pos, title, value, label in conn.execute(
        "SELECT row, pos, title, value, label FROM pcs_axes WHERE table_code = ? AND row > 0 ORDER BY rowid",
        (table,),
    ):
        rows.setdefault(row, {}).setdefault(pos, []).append((title, value, label))
    return rows


def _definition(
    conn: sqlite3.Connection, code: str, pos: int, value: str, label: str, definitions: dict
) -> str:
    """The root operation's definition from the tables; other values' from the definitions file."""
    if pos == 3:
        row = conn.execute("SELECT definition FROM pcs_tables WHERE code = ?", (code + value,)).fetchone()
        if row and row[0]:
            return row[0]
    return definitions.get((pos, label.lower()), "")


def _match(piece: str, choices: tuple[Choice, ...]) -> Choice | None:
    wanted = piece.strip().lower()
    return next((c for c in choices if wanted in (c.value.lower(), c.label.lower())), None)


def build(*choices: str, on: date | None = None) -> BuildStep:
    """Choose characters in order, by value or by label: ``build("0", "D", "T")``,
    ``build("0DT", "Appendix")``, ``build("Medical and Surgical", "Gastrointestinal System")``."""
    conn, label = _release(on)
    code, chosen = "", []
    for given in choices:
        raw = str(given)
        if not raw.strip():
            continue
        pieces = [raw]
        axis, options = _options(conn, code)
        if _match(raw, options) is None and CODE_CHARS.fullmatch(raw.strip().upper()):
            pieces = list(raw.strip().upper())
        for piece in pieces:
            axis, options = _options(conn, code)
            pick = _match(piece, options)
            if pick is None:
                return _step(conn, code, chosen, label, _problem(piece, code, axis, options))
            code += pick.value
            chosen.append(pick)
    return _step(conn, code, chosen, label)


def _problem(piece: str, code: str, axis: str, options: tuple[Choice, ...]) -> str:
    if not options:
        return f"{code} is already a complete code; {piece!r} is one character too many"
    where = f" after {code}" if code else ""
    return (
        f"{piece!r} is not a valid {axis} (character {len(code) + 1}){where}; choose one of the values listed"
    )


def _step(conn, code, chosen, label, problem=None) -> BuildStep:
    axis, options = _options(conn, code) if len(code) < 7 else ("", ())
    complete = len(code) == 7
    title = None
    if complete:
        row = conn.execute("SELECT long FROM codes WHERE code = ? AND billable = 1", (code,)).fetchone()
        title = row[0] if row else None
    return BuildStep(code, tuple(chosen), axis, tuple(options), complete, title, problem, label)


def decode(code: str, on: date | None = None) -> BuildStep:
    """A code's seven characters with the tables' axis labels and definitions; ``problem`` names
    the first character the tables do not allow."""
    return build(normalize(code), on=on)


def tables(
    section: str | None = None, body_system: str | None = None, on: date | None = None
) -> list[TableInfo]:
    """The tables, optionally of one section (character or label) and body system."""
    conn, _ = _release(on)
    found = [_info(conn, code) for (code,) in conn.execute("SELECT code FROM pcs_tables ORDER BY ord")]
    if section:
        found = [t for t in found if section.lower() in (t.code[0].lower(), t.section.lower())]
    if body_system:
        found = [t for t in found if body_system.lower() in (t.code[1].lower(), t.body_system.lower())]
    return found


def _info(conn: sqlite3.Connection, code: str) -> TableInfo:
    labels = dict(
        conn.execute("SELECT pos, label FROM pcs_axes WHERE table_code = ? AND row = 0", (code,)).fetchall()
    )
    definition = conn.execute("SELECT definition FROM pcs_tables WHERE code = ?", (code,)).fetchone()[0]
    return TableInfo(code, labels[1], labels[2], labels[3], definition)


def table(code: str, on: date | None = None) -> Table | None:
    """One table by its three characters (``"0DT"``), or ``None`` when there is no such table."""
    conn, _ = _release(on)
    code = normalize(code)[:3]
    if conn.execute("SELECT 1 FROM pcs_tables WHERE code = ?", (code,)).fetchone() is None:
        return None
    rows = []
    for (row,) in conn.execute("SELECT row FROM pcs_rows WHERE table_code = ? ORDER BY row", (code,)):
        axes: dict[int, tuple[str, list[tuple[str, str]]]] = {}
        for pos, title, value, label in conn.execute(
            "SELECT pos, title, value, label FROM pcs_axes WHERE table_code = ? AND row = ? "
            "ORDER BY pos, rowid",
            (code, row),
        ):
            axes.setdefault(pos, (title, []))[1].append((value, label))
        rows.append(tuple((title, tuple(values)) for _, (title, values) in sorted(axes.items())))
    return Table(_info(conn, code), tuple(rows))


def lookup(code: str, on: date | None = None) -> tuple[str, bool, str] | None:
    """(code, valid for a claim, title) from the order file, or ``None``."""
    conn, _ = _release(on)
    row = conn.execute("SELECT code, billable, long FROM codes WHERE code = ?", (normalize(code),)).fetchone()
    return (row[0], bool(row[1]), row[2]) if row else None


def search(text: str, limit: int = 20, on: date | None = None) -> list[tuple[str, str]]:
    """Valid codes whose title holds every word of ``text`` (word beginnings), best first."""
    words = re.findall(r"\w+", str(text).lower())
    if not words or limit < 1:
        return []
    conn, _ = _release(on)
    return conn.execute(
        "SELECT c.code, c.long FROM code_search s JOIN codes c ON c.ord = s.rowid "
        "WHERE code_search MATCH ? ORDER BY bm25(code_search), c.ord LIMIT ?",
        (" ".join(f'"{w}"*' for w in words), limit),
    ).fetchall()


def index(term_path: str | list[str], on: date | None = None) -> IndexResult:
    """Look up a term in the PCS Index: a full code, or the table (or partial code) to build from."""
    installed = store.require("icd10pcs", "index", on)
    result = index_walk.walk(installed.connect(), "pcs", term_path)
    return replace(result, release=installed.release.label, release_start=installed.release.effective_from)
