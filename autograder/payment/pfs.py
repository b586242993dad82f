"""Medicare Physician Fee Schedule amount from RVUs the user gives (no CPT table is shipped).

Payment = (work RVU x work GPCI + PE RVU x PE GPCI + MP RVU x MP GPCI) x conversion factor
(42 CFR 414.22 and 414.26). The facility amount uses the facility practice expense RVU, the
non-facility amount the non-facility one; the CY2026 conversion factor is the default.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from autograder.payment.rates import CY2026_PFS_CONVERSION_FACTOR


@dataclass(frozen=True, slots=True)
class FeeEstimate:
    setting: str  # facility or non-facility
    total_rvus: float  # geographically adjusted
    conversion_factor: float
    amount: float
    steps: tuple[str, ...]

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class PhysicianFee:
    facility: FeeEstimate | None
    non_facility: FeeEstimate | None

    def to_dict(self) -> dict:
        return {
            "facility": self.facility.to_dict() if self.facility else None,
            "non_facility": self.non_facility.to_dict() if self.non_facility else None,
        }


def _number(value: object, field: str, positive: bool = False) -> float:
    if (
        isinstance(value, bool)
        or not isinstance(value, (int, float))
        or value < 0
        or (positive and value == 0)
    ):
        need = "above 0" if positive else "0 or more"
        raise ValueError(f"{field}: {value!r} must be a number {need}")
    return float(value)


def _fee(
    setting: str, rvus: tuple[float, float, float], gpcis: tuple[float, float, float], cf: float
) -> FeeEstimate:
    (work, pe, mp), (wg, pg, mg) = rvus, gpcis
    total = work * wg + pe * pg + mp * mg
    amount = round(total * cf, 2)
    step = (
        f"{setting.capitalize()}: ({work:.2f} x {wg:.3f} + {pe:.2f} x {pg:.3f} + {mp:.2f} x {mg:.3f}) "
        f"= {total:.4f} RVUs x ${cf:.4f} = ${amount:,.2f}"
    )
    return FeeEstimate(setting, round(total, 4), cf, amount, (step,))


def physician_fee(
    work_rvu: float,
    mp_rvu: float,
    *,
    facility_pe_rvu: float | None = None,
    non_facility_pe_rvu: float | None = None,
    work_gpci: float = 1.0,
    pe_gpci: float = 1.0,
    mp_gpci: float = 1.0,
    conversion_factor: float = CY2026_PFS_CONVERSION_FACTOR,
) -> PhysicianFee:
    """Facility and non-facility fee schedule amounts; a setting without a PE RVU is None.

    GPCIs default to 1.000 (the national amount); pass the locality's work, PE and MP GPCIs for
    a local amount, and ``conversion_factor=CY2026_PFS_CONVERSION_FACTOR_QP`` for a qualifying
    APM participant.
    """
    if facility_pe_rvu is None and non_facility_pe_rvu is None:
        raise ValueError("facility_pe_rvu / non_facility_pe_rvu: give at least one practice expense RVU")
    work = _number(work_rvu, "work_rvu")
    mp = _number(mp_rvu, "mp_rvu")
    gpcis = (
        _number(work_gpci, "work_gpci", positive=True),
        _number(pe_gpci, "pe_gpci", positive=True),
        _number(mp_gpci, "mp_gpci", positive=True),
    )
    cf = _number(conversion_factor, "conversion_factor", positive=True)
    facility = non_facility = None
    if facility_pe_rvu is not None:
        facility = _fee("facility", (work, _number(facility_pe_rvu, "facility_pe_rvu"), mp), gpcis, cf)
    if non_facility_pe_rvu is not None:
        non_facility = _fee(
            "non-facility", (work, _number(non_facility_pe_rvu, "non_facility_pe_rvu"), mp), gpcis, cf
        )
    return PhysicianFee(facility, non_facility)
