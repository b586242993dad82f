"""FY2026 national IPPS rates and CY2026 physician fee schedule conversion factors, each with its source.

IPPS figures: CMS FY 2026 IPPS Final Rule (CMS-1833-F; Federal Register document 2025-14681,
August 4, 2025), Tables 1A, 1B and 1D, https://www.cms.gov/files/zip/fy2026-ipps-fr-table-1a-1e.zip,
and the rule's outlier fixed-loss amount (also in CMS's FY 2026 MAC implementation file).
Fee schedule figures: CMS CY 2026 Medicare Physician Fee Schedule final rule (released October 31,
2025), which sets two conversion factors from 2026; the non-qualifying one is the conversion factor
carried in the CY 2026 national RVU file.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class StandardizedAmount:
    """Operating standardized amount split into its labor-related and nonlabor-related parts."""

    labor: float
    nonlabor: float

    @property
    def total(self) -> float:
        return round(self.labor + self.nonlabor, 2)

    @property
    def labor_share(self) -> float:
        return self.labor / (self.labor + self.nonlabor)


@dataclass(frozen=True, slots=True)
class IppsRates:
    """The national figures an IPPS estimate needs for one fiscal year."""

    fiscal_year: int
    effective_from: date
    effective_to: date
    # (submitted quality data, meaningful EHR user) -> amount; Table 1A for wage index > 1, 1B for <= 1
    above_one: dict[tuple[bool, bool], StandardizedAmount]
    at_or_below_one: dict[tuple[bool, bool], StandardizedAmount]
    capital_federal_rate: float
    fixed_loss_threshold: float
    source: str

    def standardized_amount(
        self, wage_index: float, quality: bool = True, ehr: bool = True
    ) -> StandardizedAmount:
        """Table 1A applies when the wage index is greater than 1, Table 1B otherwise."""
        table = self.above_one if wage_index > 1 else self.at_or_below_one
        return table[(quality, ehr)]


FY2026_IPPS = IppsRates(
    fiscal_year=2026,
    effective_from=date(2025, 10, 1),
    effective_to=date(2026, 9, 30),
    # Table 1A: 66.0 percent labor share when the wage index is greater than 1
    above_one={
        (True, True): StandardizedAmount(4456.72, 2295.89),
        (True, False): StandardizedAmount(4349.21, 2240.51),
        (False, True): StandardizedAmount(4420.88, 2277.43),
        (False, False): StandardizedAmount(4313.38, 2222.05),
    },
    # Table 1B: 62 percent labor share when the wage index is less than or equal to 1
    at_or_below_one={
        (True, True): StandardizedAmount(4186.62, 2565.99),
        (True, False): StandardizedAmount(4085.63, 2504.09),
        (False, True): StandardizedAmount(4152.95, 2545.36),
        (False, False): StandardizedAmount(4051.97, 2483.46),
    },
    capital_federal_rate=524.15,  # Table 1D
    fixed_loss_threshold=40397.0,  # outlier fixed-loss amount, FY 2026 final rule
    source="CMS FY 2026 IPPS Final Rule (CMS-1833-F), Tables 1A, 1B, 1D and the outlier fixed-loss amount",
)

# Capital geographic adjustment factor: wage index ** 0.6848 (42 CFR 412.316(a)).
CAPITAL_GAF_EXPONENT = 0.6848

# Cost outlier: share of cost above the threshold that Medicare pays (42 CFR 412.84(k)).
OUTLIER_MARGINAL_COST = 0.80
OUTLIER_MARGINAL_COST_BURNS = 0.90  # MS-DRGs of MDC 22 (burns)

# CY 2026 Medicare Physician Fee Schedule conversion factors (dollars per RVU).
CY2026_PFS_CONVERSION_FACTOR = 33.4009  # practitioners who are not qualifying APM participants
CY2026_PFS_CONVERSION_FACTOR_QP = 33.5675  # qualifying APM participants (QPs)
