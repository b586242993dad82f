"""Case-mix index of a set of cases: the mean FY2026 relative weight of their MS-DRGs.

CMI = sum of relative weights / number of cases. Cases in MS-DRG 998 or 999 (no weight) or with
no MS-DRG are left out of both sums and counted in ``unpriced``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import asdict, dataclass

from autograder.payment.weights import drg_weight


@dataclass(frozen=True, slots=True)
class CaseMix:
    index: float
    cases: int  # cases with a weight
    total_weight: float
    unpriced: int

    def to_dict(self) -> dict:
        return asdict(self)


def _weight_of(item) -> float | None:
    if getattr(item, "case", None) is not None:  # a GroupingResult
        return item.weight
    if item is None or (isinstance(item, float) and math.isnan(item)):
        return None
    row = drg_weight(item)
    return row.weight if row else None


def case_mix_index(cases) -> CaseMix:
    """CMI of grouping results, MS-DRG numbers, or a DataFrame with a ``drg`` column (as from group_many)."""
    if hasattr(cases, "columns"):
        if "drg" not in cases.columns:
            raise ValueError("cases: the DataFrame needs a 'drg' column (group_many gives one)")
        column = cases["drg"]
        items: Iterable = [
            None if missing else int(v) for v, missing in zip(column, column.isna(), strict=True)
        ]
    else:
        items = cases
    weights = [_weight_of(item) for item in items]
    priced = [w for w in weights if w is not None]
    if not priced:
        raise ValueError("cases: no case has an FY2026 relative weight, so there is no case-mix index")
    total = math.fsum(priced)
    return CaseMix(round(total / len(priced), 4), len(priced), round(total, 4), len(weights) - len(priced))
