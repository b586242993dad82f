"""NCCI procedure-to-procedure (PTP) and medically unlikely edit (MUE) tables, read from CMS's
published file layouts.

PTP files (``ccipra-v*-f1..f4.TXT`` practitioner, ``ccioph-*`` outpatient hospital): tab-delimited
rows of column 1 code, column 2 code, ``*`` when in existence before 1996, effective date
(YYYYMMDD), deletion date (YYYYMMDD or ``*``), modifier indicator (0, 1, 9) and rationale, under
title and wrapped header lines. CSV exports of the same columns are read too. MUE files
(``MCR_MUE_*Services_Eff_*.csv``): code, MUE value, adjudication indicator (its first digit: 1 line,
2 date of service policy, 3 date of service clinical) and rationale, under a notice record and a
header record. Authority: CMS NCCI Policy Manual for Medicare Services, Introduction and ch. I.

A small real sample of each (``autograder/claims/data/ncci/``) is bundled for lessons and tests;
findings name the table they came from, so a learner knows when only the sample was checked.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from importlib import resources
from pathlib import Path

_CODE = re.compile(r"[0-9A-Z]{5}")
_DATE = re.compile(r"\d{8}")
SAMPLE_DIR = "data/ncci"
SAMPLE_PTP = "ccipra-v322r0-f1-sample.txt"
SAMPLE_MUE = "MCR_MUE_PractitionerServices_Eff_07-01-2026-sample.csv"


class NcciFileError(ValueError):
    """A file that is not in CMS's PTP or MUE layout; the message names the file, line and fix."""


@dataclass(frozen=True, slots=True)
class PtpEdit:
    """One PTP row: ``column2`` is not paid with ``column1`` on the same date of service."""

    column1: str
    column2: str
    effective: date
    deletion: date | None
    modifier_indicator: str
    rationale: str = ""
    before_1996: bool = False

    def in_effect(self, on: date) -> bool:
        """In effect from the effective date through the deletion date (no deletion date: still in effect)."""
        return self.effective <= on and (self.deletion is None or on <= self.deletion)


@dataclass(frozen=True, slots=True)
class MueEdit:
    """One MUE row: at most ``value`` units of ``code`` (per line for MAI 1, per day for MAI 2 and 3)."""

    code: str
    value: int
    mai: str
    rationale: str = ""

    @property
    def per_day(self) -> bool:
        return self.mai in {"2", "3"}


@dataclass
class NcciTables:
    """PTP edits by code pair and MUEs by code, with a label naming where they came from."""

    ptp: dict[tuple[str, str], list[PtpEdit]] = field(default_factory=dict)
    mue: dict[str, MueEdit] = field(default_factory=dict)
    label: str = ""
    setting: str = "practitioner"  # which claims the tables are for: practitioner (CMS-1500) or hospital

    def pairs_for(self, codes: set[str]):
        """PTP rows whose two codes are both in ``codes``."""
        for (c1, c2), rows in self.ptp.items():
            if c1 in codes and c2 in codes:
                yield from rows


def _text(source: str | Path | bytes) -> tuple[str, str]:
    """(name for messages, text): a ``Path`` is read, ``bytes`` decoded (CMS publishes Latin-1), a
    ``str`` is the file's text."""
    if isinstance(source, bytes):
        return "<bytes>", source.decode("latin-1")
    if isinstance(source, Path):
        try:
            return source.name, source.read_bytes().decode("latin-1")
        except OSError as exc:
            raise NcciFileError(f"{source}: cannot read the file ({exc.strerror}); check the path") from None
    return "<text>", source


def _yyyymmdd(value: str, name: str, line: int, what: str) -> date:
    try:
        return datetime.strptime(value, "%Y%m%d").date()
    except ValueError:
        raise NcciFileError(f"{name} line {line}: {what} {value!r} is not a YYYYMMDD date") from None


def _split(text: str) -> list[list[str]]:
    """Rows of a tab-delimited TXT or of a CSV (quoted cells may span lines)."""
    first = next((ln for ln in text.splitlines() if ln.strip()), "")
    if "\t" in text and "\t" in first or text.count("\t") > text.count(","):
        return [ln.split("\t") for ln in text.splitlines()]
    try:
        return list(csv.reader(io.StringIO(text)))
    except csv.Error as exc:
        raise NcciFileError(f"not a CSV file in CMS's layout ({exc})") from None


def read_ptp(source: str | Path | bytes) -> list[PtpEdit]:
    """PTP rows from one CMS PTP file (a ``Path``, its bytes or its text), title and header lines skipped."""
    name, text = _text(source)
    rows: list[PtpEdit] = []
    for number, cells in enumerate(_split(text), start=1):
        cells = [c.strip() for c in cells]
        if len(cells) < 6 or not (_CODE.fullmatch(cells[0]) and _CODE.fullmatch(cells[1])):
            continue
        if not _DATE.fullmatch(cells[3]):
            continue
        indicator = cells[5][:1]
        if indicator not in {"0", "1", "9"}:
            raise NcciFileError(f"{name} line {number}: modifier indicator {cells[5]!r} is not 0, 1 or 9")
        deletion = None if cells[4] in {"", "*"} else _yyyymmdd(cells[4], name, number, "deletion date")
        rows.append(
            PtpEdit(
                column1=cells[0],
                column2=cells[1],
                effective=_yyyymmdd(cells[3], name, number, "effective date"),
                deletion=deletion,
                modifier_indicator=indicator,
                rationale=cells[6] if len(cells) > 6 else "",
                before_1996=cells[2] == "*",
            )
        )
    if not rows:
        raise NcciFileError(
            f"{name}: no PTP rows found; expected CMS's layout (column 1 code, column 2 code, *, "
            "effective YYYYMMDD, deletion YYYYMMDD or *, modifier indicator, rationale)"
        )
    return rows


def read_mue(source: str | Path | bytes) -> list[MueEdit]:
    """MUE rows from one CMS MUE file (a ``Path``, its bytes or its text), notice and header skipped."""
    name, text = _text(source)
    rows: list[MueEdit] = []
    for number, cells in enumerate(_split(text), start=1):
        cells = [c.strip() for c in cells]
        if len(cells) < 3 or not _CODE.fullmatch(cells[0]):
            continue
        if not cells[1].isdigit():
            raise NcciFileError(
                f"{name} record {number}: MUE value {cells[1]!r} for {cells[0]} is not a number"
            )
        mai = cells[2][:1]
        if mai not in {"1", "2", "3"}:
            raise NcciFileError(
                f"{name} record {number}: adjudication indicator {cells[2]!r} does not start with 1, 2 or 3"
            )
        rows.append(MueEdit(cells[0], int(cells[1]), mai, cells[3] if len(cells) > 3 else ""))
    if not rows:
        raise NcciFileError(
            f"{name}: no MUE rows found; expected CMS's layout (HCPCS/CPT code, MUE value, adjudication "
            "indicator, rationale)"
        )
    return rows


def build_tables(
    ptp: list[PtpEdit], mue: list[MueEdit], label: str, setting: str = "practitioner"
) -> NcciTables:
    tables = NcciTables(label=label, setting=setting)
    for edit in ptp:
        tables.ptp.setdefault((edit.column1, edit.column2), []).append(edit)
    for edit in mue:
        tables.mue[edit.code] = edit
    return tables


def load_tables(
    ptp: list[str | Path] = (),
    mue: list[str | Path] = (),
    label: str | None = None,
    setting: str = "practitioner",
) -> NcciTables:
    """Tables from CMS's full files (the four PTP parts and an MUE file of one quarter)."""
    rows = [edit for path in ptp for edit in read_ptp(Path(path))]
    units = [edit for path in mue for edit in read_mue(Path(path))]
    names = ", ".join(Path(p).name for p in [*ptp, *mue])
    return build_tables(rows, units, label or f"CMS NCCI {setting} tables ({names})", setting)


@cache
def sample_tables() -> NcciTables:
    """The bundled sample: real rows of CMS's 2026 Q3 practitioner PTP and MUE files."""
    folder = resources.files("autograder.claims").joinpath(SAMPLE_DIR)
    ptp = read_ptp(folder.joinpath(SAMPLE_PTP).read_bytes())
    mue = read_mue(folder.joinpath(SAMPLE_MUE).read_bytes())
    label = (
        f"the bundled sample of CMS's practitioner NCCI tables (2026 Q3: {len(ptp)} PTP rows, {len(mue)} MUE "
        "rows; codes outside the sample are not checked)"
    )
    return build_tables(ptp, mue, label)
