"""IPPS payment estimate for one MS-DRG: operating and capital, transfer per diem, cost outlier.

Operating: relative weight x (labor-related amount x wage index + nonlabor amount), the amounts
from FY2026 Table 1A (wage index > 1) or 1B (<= 1). Capital: relative weight x capital federal
rate x geographic adjustment factor (wage index ** 0.6848, 42 CFR 412.316(a)). Transfers: per
diem = full payment / GMLOS, paid double on the first day, up to the full payment (42 CFR
412.4(f)(1)); special pay MS-DRGs discharged to post-acute care get half the full payment plus
half the per diem amount (42 CFR 412.4(f)(2)). Cost outlier: 80% (90% for burns) of cost above the
payment plus the fixed-loss amount (42 CFR 412.84). Hospital-specific add-ons (IME, DSH,
uncompensated care, new technology, quality program adjustments) are left out.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from autograder.payment.discharge import ACUTE, POST_ACUTE, describe, normalize_status, transfer_kind
from autograder.payment.rates import (
    CAPITAL_GAF_EXPONENT,
    FY2026_IPPS,
    OUTLIER_MARGINAL_COST,
    OUTLIER_MARGINAL_COST_BURNS,
    IppsRates,
)
from autograder.payment.weights import drg_weight

BURNS_MDC = "22"
LEFT_OUT = (
    "Left out: IME, DSH, uncompensated care, new technology add-ons and quality program "
    "adjustments, which depend on the hospital."
)


@dataclass(frozen=True, slots=True)
class Hospital:
    """What an estimate needs to know about the hospital. The defaults give the national figures."""

    wage_index: float = 1.0
    quality_data: bool = True  # submitted quality data (Hospital IQR)
    ehr_user: bool = True  # meaningful EHR user
    cost_to_charge_ratio: float | None = None  # operating + capital, for the cost outlier

    def __post_init__(self) -> None:
        if (
            not isinstance(self.wage_index, (int, float))
            or isinstance(self.wage_index, bool)
            or self.wage_index <= 0
        ):
            raise ValueError(
                f"wage_index: {self.wage_index!r} must be a positive number such as 1.0 or 0.8734"
            )
        ccr = self.cost_to_charge_ratio
        if ccr is not None and (
            not isinstance(ccr, (int, float)) or isinstance(ccr, bool) or not 0 < ccr <= 3
        ):
            raise ValueError(f"cost_to_charge_ratio: {ccr!r} must be a number above 0 (for example 0.25)")


@dataclass(frozen=True, slots=True)
class Transfer:
    kind: str  # acute or post-acute
    method: str  # "per diem" or "special pay"
    length_of_stay: int
    per_diem: float
    amount: float  # what the transfer method pays, never above the full payment
    applied: bool  # True when the amount is below the full payment


@dataclass(frozen=True, slots=True)
class Outlier:
    threshold: float
    marginal_cost: float
    cost: float | None
    payment: float


@dataclass(frozen=True, slots=True)
class IppsEstimate:
    drg: int
    weight: float
    wage_index: float
    operating: float
    capital: float
    full_payment: float
    transfer: Transfer | None
    outlier: Outlier | None
    total: float
    steps: tuple[str, ...]

    def to_dict(self) -> dict:
        return asdict(self)

    def describe(self) -> str:
        return "\n".join(self.steps)


def _money(value: float) -> str:
    return f"${value:,.2f}"


def _transfer(full: float, gmlos: float, kind: str, special: bool, los: int) -> Transfer:
    per_diem = full / gmlos
    if kind == POST_ACUTE and special:
        amount = min(full, 0.5 * full + 0.5 * per_diem * (los + 1))
        method = "special pay"
    else:
        amount = min(full, per_diem * (los + 1))
        method = "per diem"
    amount = round(amount, 2)
    return Transfer(kind, method, los, round(per_diem, 2), amount, amount < round(full, 2))


def _check_count(value: object, field: str, minimum: float) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < minimum:
        raise ValueError(f"{field}: {value!r} must be a number of at least {minimum}")


def ipps_estimate(
    drg,
    *,
    hospital: Hospital | None = None,
    length_of_stay: int | None = None,
    discharge_status: object = None,
    covered_charges: float | None = None,
    rates: IppsRates = FY2026_IPPS,
) -> IppsEstimate:
    """Estimate the IPPS payment for an MS-DRG number or a :class:`GroupingResult`.

    A grouping result brings its own discharge status and length of stay; the keyword
    arguments override them. Raises ValueError (naming the field) for input that cannot be priced.
    """
    case = getattr(drg, "case", None)
    if case is not None:
        discharge_status = discharge_status if discharge_status is not None else case.discharge_status
        length_of_stay = length_of_stay if length_of_stay is not None else case.length_of_stay
        drg = drg.drg
    row = drg_weight(drg)
    if row is None:
        raise ValueError(f"drg: {drg!r} is not an FY2026 MS-DRG; give a number from CMS Table 5, e.g. 193")
    if row.weight is None or row.gmlos is None:
        raise ValueError(
            f"drg: MS-DRG {row.drg:03d} ({row.title.lower()}) has no weight and is not paid; fix the coding"
        )
    hospital = hospital or Hospital()
    _check_count(length_of_stay, "length_of_stay", 1)
    _check_count(covered_charges, "covered_charges", 0)
    status = normalize_status(discharge_status if discharge_status is not None else "01")
    if status is None:
        raise ValueError(
            f"discharge_status: {discharge_status!r} is not a patient discharge status; use e.g. 01 or 03"
        )

    wi = hospital.wage_index
    amount = rates.standardized_amount(wi, hospital.quality_data, hospital.ehr_user)
    table = "1A" if wi > 1 else "1B"
    operating = round(row.weight * (amount.labor * wi + amount.nonlabor), 2)
    gaf = wi**CAPITAL_GAF_EXPONENT
    capital = round(row.weight * rates.capital_federal_rate * gaf, 2)
    full = round(operating + capital, 2)
    steps = [
        f"MS-DRG {row.drg:03d} relative weight {row.weight:.4f} (FY{rates.fiscal_year} Table 5)",
        f"Operating: {row.weight:.4f} x ({_money(amount.labor)} labor x wage index {wi:.4f} + "
        f"{_money(amount.nonlabor)} nonlabor, Table {table}) = {_money(operating)}",
        f"Capital: {row.weight:.4f} x {_money(rates.capital_federal_rate)} x GAF {gaf:.4f} "
        f"(wage index ^ {CAPITAL_GAF_EXPONENT}) = {_money(capital)}",
        f"Full MS-DRG payment: {_money(full)}",
    ]

    transfer = None
    kind = transfer_kind(status)
    if kind == ACUTE or (kind == POST_ACUTE and row.post_acute):
        if length_of_stay is None:
            steps.append(
                f"Discharge status {status} ({describe(status)}) is a {kind} transfer for this MS-DRG; "
                "give the length of stay (or admission and discharge dates) to apply the per diem"
            )
        else:
            transfer = _transfer(full, row.gmlos, kind, row.special_pay, length_of_stay)
            if transfer.method == "special pay":
                formula = f"50% x {_money(full)} + 50% x {_money(transfer.per_diem)} x ({length_of_stay} + 1)"
            else:
                formula = f"{_money(transfer.per_diem)} x ({length_of_stay} days + 1)"
            verdict = "paid instead of the full payment" if transfer.applied else "not below the full payment"
            steps.append(
                f"{kind.capitalize()} transfer (status {status}, {describe(status)}): per diem "
                f"{_money(full)} / GMLOS {row.gmlos:.1f} = {_money(transfer.per_diem)}; "
                f"{formula} = {_money(transfer.amount)}, {verdict}"
            )
    elif kind == POST_ACUTE:
        steps.append(
            f"Status {status} ({describe(status)}) is post-acute care, but MS-DRG {row.drg:03d} is not a "
            "post-acute transfer DRG, so the full payment stands"
        )
    base = transfer.amount if transfer is not None and transfer.applied else full

    marginal = OUTLIER_MARGINAL_COST_BURNS if row.mdc == BURNS_MDC else OUTLIER_MARGINAL_COST
    threshold = round(full + rates.fixed_loss_threshold, 2)
    steps.append(
        f"Outlier threshold: {_money(full)} + fixed-loss amount {_money(rates.fixed_loss_threshold)} = "
        f"{_money(threshold)}; a case whose cost (covered charges x cost-to-charge ratio) "
        "is above it is paid "
        f"{marginal:.0%} of the excess (national fixed-loss amount; CMS also adjusts it for the hospital's "
        "wage index and splits it between operating and capital)"
    )
    outlier = None
    if transfer is not None and transfer.applied:
        steps.append("Outlier not estimated for a transfer-adjusted case")
    elif covered_charges is None:
        outlier = Outlier(threshold, marginal, None, 0.0)
    else:
        if hospital.cost_to_charge_ratio is None:
            raise ValueError(
                "cost_to_charge_ratio: give the hospital's cost-to-charge ratio to estimate an outlier"
            )
        cost = round(covered_charges * hospital.cost_to_charge_ratio, 2)
        payment = round(max(0.0, cost - threshold) * marginal, 2)
        outlier = Outlier(threshold, marginal, cost, payment)
        steps.append(
            f"Cost: {_money(covered_charges)} x {hospital.cost_to_charge_ratio} = {_money(cost)}; "
            + (
                f"outlier payment {marginal:.0%} x ({_money(cost)} - {_money(threshold)}) = {_money(payment)}"
                if payment
                else "below the threshold, no outlier payment"
            )
        )
    total = round(base + (outlier.payment if outlier else 0.0), 2)
    steps += [f"Estimated IPPS payment: {_money(total)}", LEFT_OUT]
    return IppsEstimate(
        row.drg, row.weight, wi, operating, capital, full, transfer, outlier, total, tuple(steps)
    )
