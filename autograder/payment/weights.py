"""MS-DRG relative weights, mean lengths of stay and transfer flags: CMS FY2026 IPPS Final Rule, Table 5.

The table ships as ``data/table5_fy2026.csv``; ``data/table5_fy2026.source.txt`` names the CMS
file it was converted from and the checks made against second sources.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources

from autograder.codes.release import Release

TABLE5_URL = "https://www.cms.gov/files/zip/fy2026-ipps-fr-table-5.zip"
TABLE5_FILE = "table5_fy2026.csv"
TABLE5_SHA256 = "bf8c390d14b3cd3e9f03b784488d28aa3bfb4b199ac5867836cf5d8e98373d92"  # CMS text member


@dataclass(frozen=True, slots=True)
class DrgWeight:
    """One row of Table 5. ``weight`` is the payment weight (10% cap applied); None for 998 and 999."""

    drg: int
    title: str
    mdc: str  # "01".."25", "PRE", or "" (981-989, 998, 999)
    type: str  # "SURG", "MED", or "" for 998/999
    weight: float | None
    weight_before_cap: float | None
    gmlos: float | None
    amlos: float | None
    post_acute: bool
    special_pay: bool
    partition: str  # surgical, medical, or "" (998, 999 belong to neither)


def release() -> Release:
    """The Table 5 release in use: FY2026 final rule, discharges 2025-10-01 to 2026-09-30."""
    return Release(
        code_set="msdrg-weights",
        year=2026,
        effective_from=date(2025, 10, 1),
        effective_to=date(2026, 9, 30),
        source=f"CMS FY 2026 IPPS Final Rule (CMS-1833-F), Table 5, {TABLE5_URL}",
        files={"CMS-1833-F Table 5.txt": TABLE5_SHA256},
    )


def _number(text: str) -> float | None:
    text = text.strip()
    return None if text in ("", ".") else float(text)


@cache
def table() -> dict[int, DrgWeight]:
    """Every Table 5 row by MS-DRG number (read once per process)."""
    rows: dict[int, DrgWeight] = {}
    with (
        resources.files("autograder.payment")
        .joinpath("data")
        .joinpath(TABLE5_FILE)
        .open(encoding="utf-8") as fh
    ):
        for row in csv.DictReader(fh):
            drg = int(row["drg"])
            rows[drg] = DrgWeight(
                drg=drg,
                title=row["title"],
                mdc=row["mdc"],
                type=row["type"] if row["type"] in ("SURG", "MED") else "",
                weight=_number(row["weight"]),
                weight_before_cap=_number(row["weight_before_cap"]),
                gmlos=_number(row["gmlos"]),
                amlos=_number(row["amlos"]),
                post_acute=row["post_acute"] == "Yes",
                special_pay=row["special_pay"] == "Yes",
                partition={"SURG": "surgical", "MED": "medical"}.get(row["type"], ""),
            )
    return rows


def drg_weight(drg: int | str) -> DrgWeight | None:
    """The Table 5 row of an MS-DRG (``193``, ``"193"`` or ``"093"``), None when CMS lists no such group."""
    if type(drg) is int:
        return table().get(drg)
    try:
        return table().get(int(str(drg).strip()))
    except ValueError:
        return None
