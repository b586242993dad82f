"""Which MS-DRG grouper version a discharge date calls for (FY2026: v43 from October, v43.1 from April)."""

from __future__ import annotations

from datetime import date

from autograder.findings import Finding

FY2026_START = date(2025, 10, 1)
V431_START = date(2026, 4, 1)
FY2026_END = date(2026, 9, 30)

V43 = 430
V431 = 431
V44 = 440  # FY2027; its Table 5 weights are not shipped here


def label(version: int) -> str:
    """``431`` -> ``"v43.1"``, ``430`` -> ``"v43"``."""
    major, minor = divmod(version, 10)
    return f"v{major}.{minor}" if minor else f"v{major}"


def grouper_version(discharge_date: date | None) -> tuple[int, list[Finding], list[str]]:
    """The version for a discharge date, with any warning about it and notes for the explanation.

    v43 covers discharges from 2025-10-01, v43.1 from 2026-04-01 (CMS MS-DRG definitions,
    FY2026 and its April update). A discharge after 2026-09-30 belongs to FY2027 (v44): it is
    grouped with v43.1 and a warning says so, because the FY2027 weights are not shipped.
    """
    if discharge_date is None:
        return V431, [], ["No discharge date given: grouped with v43.1, the newest FY2026 release."]
    if discharge_date < V431_START:
        return V43, [], []
    if discharge_date <= FY2026_END:
        return V431, [], []
    warning = Finding(
        rule="payment.release-missing",
        locator="MS-DRG version",
        severity="warning",
        message=(
            f"{discharge_date} is in FY2027 (MS-DRG {label(V44)}), "
            "whose Table 5 weights are not shipped here; "
            "the case is grouped with v43.1 and priced with FY2026 figures, so read it as an FY2026 answer"
        ),
    )
    notes = [f"Discharge {discharge_date} falls after FY2026 (ends {FY2026_END}); v43.1 was used."]
    from msdrg import MsdrgGrouper

    if V44 in MsdrgGrouper.available_versions():
        notes.append(
            f"msdrg can group with {label(V44)}, but without the FY2027 weights "
            "that DRG could not be priced, "
            "so v43.1 keeps grouping and weights from the same year."
        )
    return V431, [warning], notes
