"""Place of service (POS): the CMS two-digit codes, with the fee schedule's facility / non-facility flag.

POS goes in CMS-1500 item 24B (837P 2300 CLM05-1, or 2400 SV105 for a line). Medicare pays a physician
fee schedule service at the facility rate in the settings CMS lists (Pub. 100-04, ch. 12, section 20.4.2)
and at the non-facility rate elsewhere. The table (``data/pos.csv``) holds every assigned code, in CMS's
public-domain names, with the effective date of the newer entries.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import date, datetime
from functools import cache

from autograder.codes.data import read_csv
from autograder.codes.release import Release
from autograder.findings import Finding

SYSTEM = "pos"
LOCATOR = "CMS-1500 24B"
TABLE = "pos.csv"
WORD_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789"


@dataclass(frozen=True)
class PlaceOfService:
    code: str
    name: str
    facility: bool
    effective_from: date | None
    note: str

    @property
    def title(self) -> str:
        return self.name

    @property
    def billable(self) -> bool:
        return True

    @property
    def rate(self) -> str:
        return "facility" if self.facility else "non-facility"

    def to_dict(self) -> dict[str, object]:
        data = asdict(self)
        notes = [self.note] if self.note else []
        data.update(system=SYSTEM, title=self.name, billable=True, rate=self.rate, notes=notes)
        data["effective_from"] = self.effective_from.isoformat() if self.effective_from else None
        return data

    def describe(self) -> str:
        lines = [f"{self.code}  {self.name}", f"Medicare physician fee schedule: {self.rate} rate"]
        if self.effective_from:
            lines.append(f"effective {self.effective_from.isoformat()}")
        if self.note:
            lines.append(f"note: {self.note}")
        return "\n".join(lines)


Hit = PlaceOfService


@cache
def _table() -> tuple[dict[str, str], dict[str, PlaceOfService]]:
    meta, rows = read_csv(TABLE)
    table = {
        r["code"]: PlaceOfService(
            r["code"], r["name"], r["facility"] == "Y",
            date.fromisoformat(r["effective_from"]) if r["effective_from"] else None, r["note"],
        )
        for r in rows
    }
    return meta, table


def source() -> dict[str, str]:
    return dict(_table()[0])


NEWEST = date(2024, 8, 1)  # POS 66, the newest code


def release() -> Release:
    """The CMS POS list as it stands since its newest code (POS 66, August 1, 2024), used for 2026 claims."""
    return Release(SYSTEM, 2026, NEWEST, date(2026, 12, 31), source()["source"])


def _day(on: object) -> date | None:
    """The date of service as a date (a datetime gives its date; anything else is ignored)."""
    if isinstance(on, datetime):
        return on.date()
    return on if isinstance(on, date) else None


def _key(code: object) -> str:
    if isinstance(code, int) and not isinstance(code, bool):
        code = str(code)
    if not isinstance(code, str):
        return ""
    key = code.strip()
    return key.zfill(2) if len(key) == 1 and key.isdigit() else key


def looks_like(key: str) -> bool:
    return len(key) == 2 and key.isascii() and key.isdigit()


def display(key: str) -> str:
    return key


def lookup(code: object, on: date | None = None) -> PlaceOfService | None:
    """A POS code (``"11"``, ``11``, or ``"1"`` for 01); None if not assigned (or not yet on ``on``)."""
    found = _table()[1].get(_key(code))
    on = _day(on)
    if found and on is not None and found.effective_from and on < found.effective_from:
        return None
    return found


def validate(code: object, on: date | None = None) -> list[Finding]:
    """Findings for a POS code: form, assigned, in effect on ``on``. Never raises."""
    key = _key(code)
    if not key:
        message = "No place of service given: enter the 2-digit POS code."
        return [Finding("pos.empty", LOCATOR, "error", message)]
    if not looks_like(key):
        return [Finding(
            "pos.format", LOCATOR, "error",
            f"{key!r} is not a place of service code: POS codes are 2 digits, such as 11 (office) or 21 "
            "(inpatient hospital).",
            key,
        )]
    found = _table()[1].get(key)
    on = _day(on)
    if found is None:
        return [Finding(
            "pos.unassigned", LOCATOR, "error",
            f"POS {key} is not assigned by CMS: pick the code that names where the service took place "
            "(99 when no other code fits).",
            key,
        )]
    if on is not None and found.effective_from and on < found.effective_from:
        return [Finding(
            "pos.not-yet-effective", LOCATOR, "error",
            f"POS {key} ({found.name}) took effect on {found.effective_from.isoformat()}, after the date of "
            f"service {on.isoformat()}: use the code that applied then.",
            key,
        )]
    return []


def is_facility(code: object) -> bool | None:
    """True when Medicare pays the facility rate there, False for non-facility, None for an unknown code."""
    found = lookup(code)
    return found.facility if found else None


def search(text: object, limit: int = 20, billable_only: bool = False) -> list[PlaceOfService]:
    """POS codes whose names contain every word of ``text`` (word prefixes)."""
    if not isinstance(text, str) or not isinstance(limit, int) or limit < 1:
        return []
    words = "".join(c if c in WORD_CHARS else " " for c in text.lower()).split()
    if not words:
        return []
    hits = []
    for place in _table()[1].values():
        names = "".join(c if c in WORD_CHARS else " " for c in place.name.lower()).split()
        if all(any(n.startswith(w) for n in names) for w in words):
            hits.append(place)
    return hits[:limit]


def all_codes(billable: bool = True) -> Iterator[str]:
    """Every assigned POS code, in order."""
    yield from sorted(_table()[1])
