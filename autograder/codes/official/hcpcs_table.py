"""The full HCPCS Level II table of an installed CMS annual file: every code and modifier with
its indicators (pricing, coverage, BETOS, type of service) and its dates.

Meanings of the coverage and action codes follow CMS's record layout for the file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import asdict, dataclass
from datetime import date

from autograder.codes.normalize import normalize
from autograder.codes.official import store
from autograder.codes.official.load_hcpcs import COLUMNS

COVERAGE = {
    "C": "carrier judgment",
    "D": "special coverage instructions apply",
    "I": "not payable by Medicare",
    "M": "non-covered by Medicare",
    "S": "non-covered by Medicare statute",
}
ACTION = {
    "A": "code added",
    "B": "administrative data and long description changed",
    "C": "long description changed",
    "D": "code discontinued",
    "F": "administrative data changed",
    "N": "no change",
    "P": "payment change",
    "R": "discontinued code reactivated",
    "S": "short description changed",
    "T": "miscellaneous change",
}
_SPLIT = {"pricing", "cim", "mcm", "lab_cert", "xref", "tos"}
_DATES = {"asc_effective", "added", "action_effective", "terminated"}


@dataclass(frozen=True)
class HcpcsEntry:
    """One HCPCS Level II code or modifier as the annual file gives it."""

    kind: str  # "code" or "modifier"
    code: str
    long: str
    short: str
    pricing: tuple[str, ...]
    multi_pricing: str
    cim: tuple[str, ...]
    mcm: tuple[str, ...]
    statute: str
    lab_cert: tuple[str, ...]
    xref: tuple[str, ...]
    coverage: str
    asc_group: str
    asc_effective: date | None
    processing_note: str
    betos: str
    tos: tuple[str, ...]
    anesthesia_base_units: int | None
    added: date | None
    action_effective: date | None
    terminated: date | None
    action: str
    release: str = ""

    def active_on(self, on: date) -> bool:
        """False once the termination date has passed."""
        return self.terminated is None or on <= self.terminated

    @property
    def coverage_meaning(self) -> str:
        return COVERAGE.get(self.coverage, "")

    @property
    def action_meaning(self) -> str:
        return ACTION.get(self.action, "")

    def to_dict(self) -> dict:
        return {
            **asdict(self),
            "coverage_meaning": self.coverage_meaning,
            "action_meaning": self.action_meaning,
        }

    def describe(self) -> str:
        lines = [f"{self.code}  {self.long}", f"  short: {self.short}"]
        if self.coverage:
            lines.append(f"  coverage {self.coverage}: {self.coverage_meaning}")
        if self.pricing:
            lines.append(f"  pricing indicator(s): {', '.join(self.pricing)}")
        if self.betos:
            lines.append(f"  BETOS {self.betos}; type of service {', '.join(self.tos) or '-'}")
        lines.append(
            f"  added {self.added}; action {self.action} ({self.action_meaning}) "
            f"effective {self.action_effective}"
        )
        if self.terminated:
            lines.append(f"  terminated {self.terminated}")
        return "\n".join(lines)


def _entry(row: tuple, label: str) -> HcpcsEntry:
    values = dict(zip(COLUMNS, row, strict=True))
    for name in _SPLIT:
        values[name] = tuple(values[name].split()) if values[name] else ()
    for name in _DATES:
        values[name] = date.fromisoformat(values[name]) if values[name] else None
    units = values["anesthesia_base_units"]
    values["anesthesia_base_units"] = int(units) if units not in (None, "") else None
    return HcpcsEntry(**values, release=label)


_ONE = f"SELECT {', '.join(COLUMNS)} FROM hcpcs WHERE kind = ? AND code = ?"


def _select(installed: store.InstalledRelease, kind: str, code: str) -> HcpcsEntry | None:
    row = installed.connect().execute(_ONE, (kind, normalize(code))).fetchone()
    return _entry(row, installed.release.label) if row else None


def _get(kind: str, code: str, on: date | None) -> HcpcsEntry | None:
    return _select(store.require("hcpcs", "hcpcs", on), kind, code)


def lookup(code: str, on: date | None = None) -> HcpcsEntry | None:
    """A HCPCS Level II code from the release for ``on``, terminated ones included."""
    return _get("code", code, on)


def modifier(code: str, on: date | None = None) -> HcpcsEntry | None:
    """A HCPCS modifier (two characters) from the release for ``on``."""
    return _get("modifier", code, on)


def entries(kind: str = "code", on: date | None = None) -> Iterator[HcpcsEntry]:
    """Every code (or modifier) in file order."""
    installed = store.require("hcpcs", "hcpcs", on)
    for row in installed.connect().execute(
        f"SELECT {', '.join(COLUMNS)} FROM hcpcs WHERE kind = ? ORDER BY id", (kind,)
    ):
        yield _entry(row, installed.release.label)


class CodeTable(Mapping[str, HcpcsEntry]):
    """The installed file's codes (or modifiers) as a read-only mapping, code -> entry, read from
    the release database as they are asked for."""

    def __init__(self, kind: str = "code", on: date | None = None):
        self.kind = kind
        self.installed = store.require("hcpcs", "hcpcs", on)

    def __getitem__(self, code: str) -> HcpcsEntry:
        entry = _select(self.installed, self.kind, code) if isinstance(code, str) else None
        if entry is None:
            raise KeyError(code)
        return entry

    def __iter__(self) -> Iterator[str]:
        query = "SELECT code FROM hcpcs WHERE kind = ? ORDER BY id"
        return (code for (code,) in self.installed.connect().execute(query, (self.kind,)))

    def __len__(self) -> int:
        query = "SELECT COUNT(*) FROM hcpcs WHERE kind = ?"
        return self.installed.connect().execute(query, (self.kind,)).fetchone()[0]


def search(text: str, limit: int = 20, kind: str | None = None, on: date | None = None) -> list[HcpcsEntry]:
    """Codes and modifiers whose descriptions hold every word of ``text``, best first."""
    words = re.findall(r"\w+", str(text).lower())
    if not words or limit < 1:
        return []
    installed = store.require("hcpcs", "hcpcs", on)
    rows = (
        installed.connect()
        .execute(
            f"SELECT {', '.join('h.' + c for c in COLUMNS)} FROM hcpcs_search s "
            "JOIN hcpcs h ON h.id = s.rowid WHERE hcpcs_search MATCH ? AND (? IS NULL OR h.kind = ?) "
            "ORDER BY bm25(hcpcs_search), h.id LIMIT ?",
            (" ".join(f'"{w}"*' for w in words), kind, kind, limit),
        )
        .fetchall()
    )
    return [_entry(row, installed.release.label) for row in rows]
