"""Where the official release files come from: the one table of download addresses.

Each code set has its publisher's archives (zip files) and, inside them, the members the lab
reads, matched by name so that the CDC, CMS and mid-year update spellings all fit
(``icd10cm_order_2026.txt``, ``icd10cm-order-2026.txt``). Addresses take the year; the 2026
ones are the published FY2026 / CY2026 files. For another year a publisher may name a file
differently: ``--base-url`` (or ``HIMLAB_DATA_BASE_URL``) fetches every archive by its file name
from another address, and ``himlab data install --from DIR`` reads files saved by hand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from urllib.parse import quote, unquote, urlsplit

YEARS = range(2015, 2101)  # the release years himlab data installs
CDC_ICD10CM = "https://ftp.cdc.gov/pub/Health_Statistics/NCHS/Publications/ICD10CM/{year}"
CMS_FILES = "https://www.cms.gov/files/zip"


@dataclass(frozen=True)
class Member:
    """One file the lab reads from a release (``part`` names it: ``order``, ``drug``, ...)."""

    part: str
    description: str
    pattern: str  # regular expression for the file's base name; ``{year}`` is filled in
    required: bool = True
    earlier_year_ok: bool = False  # a folder may stand in last year's file, with a warning

    def regex(self, year: int | str) -> re.Pattern[str]:
        """The pattern for ``year``; an addenda file (the year's changes only) never matches."""
        return re.compile(r"(?!.*addenda)" + self.pattern.format(year=year) + r"(\.gz)?$", re.IGNORECASE)

    def matches(self, name: str, year: int | str) -> bool:
        return self.regex(year).match(name.rsplit("/", 1)[-1]) is not None


@dataclass(frozen=True)
class Archive:
    """One zip file a publisher offers, and the members the lab takes from it."""

    url: str  # with ``{year}``
    members: tuple[Member, ...]

    def address(self, year: int, base_url: str | None = None) -> str:
        url = self.url.format(year=year)
        if base_url:
            return f"{base_url.rstrip('/')}/{quote(self.file_name(year))}"
        return url

    def file_name(self, year: int) -> str:
        return unquote(urlsplit(self.url.format(year=year)).path.rsplit("/", 1)[-1])


@dataclass(frozen=True)
class CodeSetSource:
    """A code set's publisher, how its year runs, its archives and the counts known for a year."""

    code_set: str
    name: str
    publisher: str
    year_kind: str  # "FY" (October to September) or "CY" (calendar year)
    archives: tuple[Archive, ...]
    known_counts: dict[int, dict[str, int]]  # year -> count name -> exact figure

    @property
    def members(self) -> tuple[Member, ...]:
        return tuple(m for a in self.archives for m in a.members)

    def effective(self, year: int) -> tuple[date, date]:
        """First and last day a release of ``year`` applies to (FY2026: 2025-10-01 to 2026-09-30)."""
        if self.year_kind == "FY":
            return date(year - 1, 10, 1), date(year, 9, 30)
        return date(year, 1, 1), date(year, 12, 31)

    def year_of(self, on: date) -> int:
        """The release year a date of service falls in (2026-11-03 is FY2027, CY2026)."""
        if self.year_kind == "FY":
            return on.year + 1 if on.month >= 10 else on.year
        return on.year

    def label(self, year: int) -> str:
        return f"{self.name} {self.year_kind}{year}"

    def expected_counts(self, year: int) -> tuple[dict[str, int], bool]:
        """Counts to check: the exact figures for a known year, else the nearest known year's
        figures as a floor (95% of them), which catches a cut-short file. Second value: exact."""
        if year in self.known_counts:
            return self.known_counts[year], True
        nearest = min(self.known_counts, key=lambda y: abs(y - year))
        return {k: int(v * 0.95) for k, v in self.known_counts[nearest].items()}, False


_ORDER = r"icd10cm[-_]order[-_].*{year}.*\.txt"

SOURCES: dict[str, CodeSetSource] = {
    "icd10cm": CodeSetSource(
        code_set="icd10cm",
        name="ICD-10-CM",
        publisher="CDC/NCHS",
        year_kind="FY",
        archives=(
            Archive(
                f"{CDC_ICD10CM}/icd10cm-Code%20Descriptions-{{year}}.zip",
                (Member("order", "order file (codes and titles in tabular order)", _ORDER),),
            ),
            Archive(
                f"{CDC_ICD10CM}/icd10cm-Table%20and%20Index-{{year}}.zip",
                (
                    Member("index", "Alphabetic Index", r"icd10cm[-_]index[-_].*{year}.*\.xml", False),
                    Member("eindex", "External Cause Index", r"icd10cm[-_]eindex[-_].*{year}.*\.xml", False),
                    Member(
                        "drug", "Table of Drugs and Chemicals", r"icd10cm[-_]drug[-_].*{year}.*\.xml", False
                    ),
                    Member("neoplasm", "Neoplasm Table", r"icd10cm[-_]neoplasm[-_].*{year}.*\.xml", False),
                ),
            ),
        ),
        known_counts={2026: {"order records": 98186, "billable codes": 74719}},
    ),
    "icd10pcs": CodeSetSource(
        code_set="icd10pcs",
        name="ICD-10-PCS",
        publisher="CMS",
        year_kind="FY",
        archives=(
            Archive(
                f"{CMS_FILES}/{{year}}-icd-10-pcs-code-tables-and-index.zip",
                (
                    Member("tables", "code tables", r"icd10pcs[-_]tables[-_].*{year}.*\.xml"),
                    Member("definitions", "definitions", r"icd10pcs[-_]definitions[-_].*{year}.*\.xml"),
                    Member("index", "index", r"icd10pcs[-_]index[-_].*{year}.*\.xml", False, True),
                ),
            ),
            Archive(
                f"{CMS_FILES}/{{year}}-icd-10-pcs-order-file-long-and-abbreviated-titles.zip",
                (
                    Member(
                        "order",
                        "order file (long and abbreviated titles)",
                        r"icd10pcs[-_]order[-_].*{year}.*\.txt",
                    ),
                ),
            ),
        ),
        known_counts={2026: {"order records": 80029, "billable codes": 79115, "tables": 914, "rows": 2733}},
    ),
    "hcpcs": CodeSetSource(
        code_set="hcpcs",
        name="HCPCS Level II",
        publisher="CMS",
        year_kind="CY",
        archives=(
            Archive(
                f"{CMS_FILES}/january-{{year}}-alpha-numeric-hcpcs-file.zip",
                (
                    Member(
                        "hcpcs",
                        "alpha-numeric HCPCS file (fixed width)",
                        r"HCPC{year}_[A-Z]{{3}}_ANWEB.*\.txt",
                    ),
                    Member("layout", "record layout", r"HCPC{year}_recordlayout\.txt", False),
                ),
            ),
        ),
        known_counts={2026: {"codes": 8623, "modifiers": 383}},
    ),
}

CODE_SETS = tuple(SOURCES)


def source(code_set: str) -> CodeSetSource:
    """The table row for a code set (``icd10cm``, ``icd10pcs``, ``hcpcs``)."""
    try:
        return SOURCES[code_set]
    except KeyError:
        raise ValueError(
            f"no official files for {code_set!r}; choose one of {', '.join(CODE_SETS)}"
        ) from None


def current_year(code_set: str, today: date | None = None) -> int:
    """The release year in force today: the fiscal year for ICD-10, the calendar year for HCPCS."""
    return source(code_set).year_of(today or date.today())
