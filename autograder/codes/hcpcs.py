"""HCPCS Level II, CY2026: structural validation of any code and a curated teaching table.

A Level II code is one letter (A B C E G H J K L M P Q R S T U V) and 4 digits. D codes are the ADA's
Current Dental Terminology (CDT), reported on dental claims; five digits (or 4 digits and F, T, U) are
CPT, HCPCS Level I. The packaged table (``data/hcpcs_2026.csv``) holds several hundred commonly taught
codes with CMS's public-domain descriptors from the January 2026 HCPCS file, the offline default.

``himlab data fetch --set hcpcs`` installs the full CMS file: the 2026 one then answers in place of the
teaching table (dose units still come from the teaching table where it has the code), and with
``on=`` (a date of service) the file for that year answers; when none covers the date, 2026 answers
with a ``release.not-covered`` warning naming the missing release and its install command.
:func:`use_table` puts any other table in place.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Mapping
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from functools import cache
from pathlib import Path

from autograder.codes.data import read_csv
from autograder.codes.hit import Hit
from autograder.codes.normalize import normalize
from autograder.codes.release import Release
from autograder.findings import Finding

SYSTEM = "hcpcs"
LOCATOR = "HCPCS Level II"
TABLE = "hcpcs_2026.csv"
FETCH_HINT = "himlab data fetch --set hcpcs"
CY2026 = (date(2026, 1, 1), date(2026, 12, 31))
LETTERS = "ABCEGHJKLMPQRSTUV"

SECTIONS = {
    "A": "Transportation (ambulance), medical and surgical supplies, administrative and miscellaneous",
    "B": "Enteral and parenteral therapy",
    "C": "Hospital outpatient prospective payment system (temporary codes)",
    "E": "Durable medical equipment",
    "G": "Procedures and professional services (temporary codes)",
    "H": "Behavioral health and substance abuse treatment (state Medicaid)",
    "J": "Drugs mostly given other than by mouth (plus some oral anticancer, antiemetic, immunosuppressive)",
    "K": "Durable medical equipment for the DME MACs (temporary codes)",
    "L": "Orthotics and prosthetics",
    "M": "Medical services and quality measures",
    "P": "Pathology and laboratory services",
    "Q": "Temporary codes (drugs, biologicals, supplies and services)",
    "R": "Diagnostic radiology services (transport of portable x-ray and EKG equipment)",
    "S": "Temporary national codes used by private payers (not Medicare)",
    "T": "State Medicaid agency codes",
    "U": "Coronavirus laboratory tests",
    "V": "Vision, hearing and speech-language services",
}

COVERAGE = {
    "C": "carrier judgment",
    "D": "special coverage instructions apply",
    "I": "not payable by Medicare",
    "M": "non-covered by Medicare",
    "S": "non-covered by Medicare statute",
}

CPT_FORM = re.compile(r"\d{5}|\d{4}[FTUM]")
WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class HcpcsCode:
    """One row of an HCPCS table (the packaged teaching table, or the full CMS file once installed)."""

    code: str
    short_description: str
    long_description: str
    dose_unit: str = ""
    coverage: str = ""
    added: date | None = None
    terminated: date | None = None

    def active_on(self, on: date) -> bool:
        return (self.added is None or self.added <= on) and (self.terminated is None or on <= self.terminated)


@dataclass(frozen=True)
class CodeInfo:
    """What a coder sees for one HCPCS code. ``billable`` is None when the code is not in the table in use."""

    code: str
    title: str
    billable: bool | None
    section: str
    in_table: bool
    short_description: str = ""
    dose_unit: str = ""
    coverage: str = ""
    notes: tuple[str, ...] = field(default=())
    system: str = SYSTEM

    def to_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["notes"] = list(self.notes)
        return data

    def describe(self) -> str:
        title = self.title or "(no descriptor in the table in use)"
        lines = [f"{self.code}  {title}", f"section: {self.section}"]
        if self.dose_unit:
            lines.append(f"one unit = {self.dose_unit}")
        if self.coverage:
            lines.append(f"Medicare coverage code {self.coverage}: {COVERAGE.get(self.coverage, 'unknown')}")
        lines += [f"note: {n}" for n in self.notes]
        return "\n".join(lines)



def _date(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


@cache
def _packaged() -> tuple[dict[str, str], dict[str, HcpcsCode]]:
    meta, rows = read_csv(TABLE)
    table = {
        r["code"]: HcpcsCode(
            r["code"], r["short_description"], r["long_description"], r["dose_unit"], r["coverage"],
            _date(r["added"]),
        )
        for r in rows
    }
    return meta, table


_override: tuple[str, Mapping[str, HcpcsCode]] | None = None


def use_table(table: Mapping[str, HcpcsCode] | None, source: str = "") -> None:
    """Look codes up in another table; ``None`` goes back to the installed CMS file for 2026 when
    there is one, else the packaged teaching table."""
    global _override
    _override = (source, table) if table is not None else None


def _installed():
    """The installed CMS file for 2026 (an ``official.store.InstalledRelease``), or ``None``."""
    from autograder.codes.official import store

    return store.installed_year(SYSTEM, CY2026[0].year)


_full: dict[Path, dict[str, HcpcsCode]] = {}


def full_table(installed) -> dict[str, HcpcsCode]:
    """Every code of an installed CMS file, with its dates and coverage code; the dose unit comes
    from the teaching table where it has the code. Read once."""
    found = _full.get(installed.database)
    if found is None:
        from autograder.codes.official import hcpcs_table

        taught = _packaged()[1]
        found = _full[installed.database] = {
            e.code: HcpcsCode(
                e.code, e.short, e.long, taught[e.code].dose_unit if e.code in taught else "", e.coverage,
                e.added, e.terminated,
            )
            for e in hcpcs_table.entries("code", on=installed.release.effective_from)
        }
    return found


def _in_use() -> tuple[Mapping[str, HcpcsCode], bool]:
    """The table in use and whether it is a full file."""
    if _override:
        return _override[1], True
    installed = _installed()
    return (full_table(installed), True) if installed else (_packaged()[1], False)


def table() -> Mapping[str, HcpcsCode]:
    """The table in use: code -> :class:`HcpcsCode` (the one given to :func:`use_table`, else the
    installed CMS file for 2026, else the packaged teaching table)."""
    return _in_use()[0]


def in_full_file() -> bool:
    return _in_use()[1]


@cache
def _packaged_sha256() -> str:
    from importlib import resources

    return hashlib.sha256(resources.files("autograder.codes.data").joinpath(TABLE).read_bytes()).hexdigest()


def _packaged_release() -> Release:
    return Release(SYSTEM, 2026, CY2026[0], CY2026[1], _packaged()[0]["source"], {TABLE: _packaged_sha256()})


def release() -> Release:
    """CY2026: the table given to :func:`use_table`, the installed CMS file or the packaged teaching table."""
    if _override:
        return Release(SYSTEM, 2026, CY2026[0], CY2026[1], _override[0], {})
    installed = _installed()
    return installed.release if installed else _packaged_release()


def looks_like(key: str) -> bool:
    """One HCPCS Level II letter and 4 digits."""
    return len(key) == 5 and key[0] in LETTERS and key[1:].isascii() and key[1:].isdigit()


def display(key: str) -> str:
    return key


def _error(rule: str, message: str, code: str) -> Finding:
    return Finding(rule, LOCATOR, "error", message, code or None)


def form(key: str) -> list[Finding]:
    """Structural checks: a Level II letter then 4 digits; CDT and CPT codes are named as such."""
    if not key:
        return [_error("hcpcs.empty", "No HCPCS code given: enter a letter followed by 4 digits.", key)]
    if CPT_FORM.fullmatch(key):
        return [_error(
            "hcpcs.is-cpt",
            f"{key} has the form of a CPT code (HCPCS Level I), not Level II: check it as CPT "
            "(--system cpt).",
            key,
        )]
    if len(key) == 5 and key[1:].isdigit() and key[0] == "D":
        return [_error(
            "hcpcs.cdt",
            f"{key} is a dental code (CDT, maintained by the American Dental Association) and belongs on a "
            "dental claim; it is not part of this code set. Use a medical HCPCS or CPT code instead.",
            key,
        )]
    if len(key) == 5 and key[1:].isdigit() and key[0].isalpha():
        return [_error(
            "hcpcs.letter",
            f"{key} starts with {key[0]!r}, a letter HCPCS Level II does not use; codes start with one of "
            f"{', '.join(LETTERS)}.",
            key,
        )]
    return [_error(
        "hcpcs.format",
        f"{key!r} is not an HCPCS Level II code: it must be 5 characters, one letter then 4 digits "
        "(like E0601), with no spaces or dots.",
        key,
    )]


def _table_for(on: object) -> tuple[date, Mapping[str, HcpcsCode], bool, list[Finding]]:
    """(date to judge by, table, whether it is a full file, release warnings) for a date of service."""
    if on is None:
        return CY2026[0], *_in_use(), []
    if isinstance(on, datetime):
        on = on.date()
    if not isinstance(on, date):
        return CY2026[0], *_in_use(), [Finding(
            "release.not-covered", LOCATOR, "warning",
            f"{on!r} is not a date of service; checked against 2026. Give the date as a date "
            "(for example date(2026, 3, 15)).",
        )]
    from autograder.codes.official import store

    choice = store.choose(SYSTEM, on, _packaged_release())
    installed = choice.installed
    if installed is None or installed.release.year == CY2026[0].year:
        found = CY2026[0], *_in_use()
    else:
        found = installed.release.effective_from, full_table(installed), True
    if choice.warning is None:
        return on, found[1], found[2], []
    return *found, [choice.warning]


def _absent(full: bool) -> str:
    if full:
        return "Not in the CMS HCPCS file installed."
    return f"Not in the packaged teaching table; install the full CMS file to look it up: {FETCH_HINT}"


def validate(code: object, on: date | None = None) -> list[Finding]:
    """Findings for one code (structure, then the table for the date of service); never raises."""
    key = normalize(code)
    if not looks_like(key):
        return form(key)
    day, codes, full, found = _table_for(on)
    row = codes.get(key)
    if row is None:
        where = "the CMS HCPCS file installed" if full else "the packaged teaching table"
        hint = "" if full else f" To check every code, install the full CMS file: {FETCH_HINT}"
        found.append(Finding(
            "hcpcs.not-in-table", LOCATOR, "error" if full else "warning",
            f"{key} has the right form but is not in {where}.{hint}", key,
        ))
    elif not row.active_on(day):
        state = "not yet in effect" if row.added and day < row.added else "discontinued"
        message = f"{key} is {state} on {day.isoformat()}: use a current code."
        found.append(_error("hcpcs.inactive", message, key))
    return found


def lookup(code: object, on: date | None = None) -> CodeInfo | None:
    """The code's descriptor, section, dose unit and coverage; None when it is not a Level II code at all.

    A well-formed code missing from the table is still returned, flagged ``in_table=False``, so that a
    coder sees it is real-looking but unknown here (and how to install the full file).
    """
    key = normalize(code)
    if not looks_like(key):
        return None
    day, codes, full, _ = _table_for(on)
    row = codes.get(key)
    section = SECTIONS[key[0]]
    if row is None:
        return CodeInfo(key, "", None, section, False, notes=(_absent(full),))
    notes = []
    if not row.active_on(day):
        notes.append(f"Not active on {day.isoformat()}.")
    if row.dose_unit:
        notes.append(
            f"Units are counted in {row.dose_unit}: the dose given divided by that amount, rounded up."
        )
    return CodeInfo(
        key, row.long_description, row.active_on(day), section, True, row.short_description, row.dose_unit,
        row.coverage, tuple(notes),
    )


def search(text: object, limit: int = 20, billable_only: bool = False) -> list[Hit]:
    """Codes whose descriptors contain every word of ``text`` (as word prefixes), best first."""
    if not isinstance(text, str) or not isinstance(limit, int) or limit < 1:
        return []
    words = WORD.findall(text.lower())
    if not words:
        return []
    scored = []
    for row in table().values():
        vocabulary = set(WORD.findall(f"{row.long_description} {row.short_description}".lower()))
        if all(any(v.startswith(w) for v in vocabulary) for w in words):
            exact = sum(w in vocabulary for w in words)
            scored.append((-exact, len(row.long_description), row.code, row))
    scored.sort(key=lambda s: s[:3])
    hits = [Hit(r.code, r.long_description, r.active_on(CY2026[0])) for *_, r in scored]
    return [h for h in hits if h.billable or not billable_only][:limit]


def all_codes(billable: bool = True) -> Iterator[str]:
    """Codes of the table in use, in code order; ``billable=True`` keeps those active on January 1, 2026."""
    for code in sorted(table()):
        if not billable or table()[code].active_on(CY2026[0]):
            yield code
