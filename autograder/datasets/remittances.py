"""835-like remittances for the clean claims: what each payer allowed and paid, what the patient owes,
and every adjustment as a claim adjustment group code (CO, PR, OA, PI), a claim adjustment reason
code (CARC) and, where used, a remittance advice remark code (RARC).

The tables mirror the 835's loops: claim payment (CLP), service payment (SVC) and adjustments
(CAS with LQ remarks). Every line balances: charge = paid + the sum of its adjustments.
Amounts are synthetic (payer allowances are fixed fractions of charges, patient deductibles and
copays are invented), except two federal rules kept as they are: Medicare Part B coinsurance is
20% of the allowed amount, and Medicare payments are reduced 2% for sequestration (CARC 253).
Medicare inpatient stays are paid the IPPS estimate for their MS-DRG (``autograder.payment``), never
more than the charges billed, so that every adjustment in these files is positive.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import timedelta

from autograder.datasets.calendar import AS_OF
from autograder.datasets.encounters import Encounter

# The codes used, with their meanings in our own words (X12 CARC/RARC lists; group codes per the 835).
GROUP_CODES = {
    "CO": "contractual obligation: the provider writes the amount off and may not bill the patient",
    "PR": "patient responsibility: the patient (or a secondary plan) owes the amount",
    "OA": "other adjustment: neither the provider's contract nor the patient's share",
    "PI": "payer-initiated reduction: the payer reduced the amount without a contract that says so",
}
REASON_CODES = {
    "1": "deductible amount",
    "2": "coinsurance amount",
    "3": "copayment amount",
    "18": "exact duplicate of a claim or service already processed",
    "22": "another payer may be primary (coordination of benefits)",
    "29": "the time limit for filing the claim has passed",
    "45": "charge exceeds the fee schedule or the maximum allowed amount",
    "50": "not deemed medically necessary by the payer",
    "97": "paid as part of another service or procedure already adjudicated",
    "197": "required precertification, authorization or notification was not obtained",
    "204": "the service is not covered by the patient's current benefit plan",
    "253": "sequestration: the mandated reduction in federal payment",
}
REMARK_CODES = {
    "M15": "the separately billed services were bundled as parts of the same procedure",
    "MA04": "secondary payment needs the primary payer's identity or payment information",
    "N115": "the decision was based on a Local Coverage Determination (LCD)",
    "N130": "see the plan's benefit documents for the restrictions on this service",
}
ALLOWED_SHARE = {"SYN00001": 0.42, "SYN00002": 0.33, "SYN00003": 0.62, "SYN00004": 0.66, "SYN00005": 0.55}
SEQUESTRATION = 0.02
MEDICARE_PART_B_COINSURANCE = 0.20
# claim-level denials: (reason, group, remark, which payer kinds, share of claims)
CLAIM_DENIALS = (
    ("29", "CO", "", ("medicare", "medicaid", "commercial"), 0.015),
    ("18", "OA", "", ("medicare", "medicaid", "commercial"), 0.015),
    ("22", "CO", "MA04", ("medicare",), 0.015),
    ("197", "CO", "", ("medicaid", "commercial"), 0.03),
    ("204", "PR", "N130", ("commercial",), 0.02),
)
# line-level denials of a secondary service line: (reason, group, remark, payer kinds, share of lines)
LINE_DENIALS = (
    ("97", "CO", "M15", ("medicare", "medicaid", "commercial"), 0.03),
    ("50", "CO", "N115", ("medicare",), 0.04),
)
PAYMENT_FIELDS = (
    "claim_id",
    "payer_id",
    "payer_claim_number",
    "status",
    "total_charge",
    "allowed",
    "paid",
    "patient_responsibility",
    "paid_date",
    "trace_number",
    "ms_drg",
)
SERVICE_FIELDS = (
    "claim_id",
    "line",
    "revenue_code",
    "procedure_code",
    "modifiers",
    "units",
    "charge",
    "allowed",
    "paid",
)
ADJUSTMENT_FIELDS = ("claim_id", "line", "group_code", "reason_code", "amount", "remark_code")
STATUS = {"paid": "1", "denied": "4"}  # CLP02: 1 processed as primary, 4 denied


def _cents(value: float) -> float:
    return round(value + 0.0, 2)


@dataclass
class Remittance:
    payment: dict
    services: list[dict] = field(default_factory=list)
    adjustments: list[dict] = field(default_factory=list)


class PatientShare:
    """Synthetic deductibles met over the year, per patient and payer, so early visits carry a deductible."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.remaining: dict[tuple[str, str], float] = {}

    def deductible(self, patient_id: str, payer_id: str, kind: str, allowed: float) -> float:
        key = (patient_id, payer_id)
        if key not in self.remaining:
            self.remaining[key] = 0.0 if kind == "medicaid" else float(self.rng.choice((0, 150, 250, 500)))
        taken = min(self.remaining[key], allowed)
        self.remaining[key] -= taken
        return _cents(taken)


def _adjust(
    rows: list[dict], claim_id: str, line: int, group: str, reason: str, amount: float, remark: str = ""
):
    if amount > 0:
        rows.append(
            {
                "claim_id": claim_id,
                "line": line,
                "group_code": group,
                "reason_code": reason,
                "amount": _cents(amount),
                "remark_code": remark,
            }
        )


def _line_items(claim: dict) -> list[tuple[int, str, str, list[str], int, float]]:
    """(line number, revenue code, procedure code, modifiers, units, charge) of the claim's lines."""
    if claim["form"] == "cms1500":
        return [
            (n, "", ln["procedure_code"], ln["modifiers"], ln["units"], ln["charges"])
            for n, ln in enumerate(claim["service_lines"], 1)
        ]
    return [
        (
            n,
            ln["revenue_code"],
            ln.get("hcpcs") or "",
            ln.get("modifiers") or [],
            ln["units"],
            ln["total_charges"],
        )
        for n, ln in enumerate(claim["revenue_lines"], 1)
    ]


def _patient_share(
    kind: str, facility: bool, office_visit: bool, after_deductible: float
) -> tuple[str, float]:
    """(CARC, amount) the patient owes after the deductible: coinsurance, or a copay on office visits."""
    if kind == "medicare":
        return "2", after_deductible * MEDICARE_PART_B_COINSURANCE
    if kind == "medicaid":
        return "3", min(after_deductible, 4.0 if office_visit else 0.0)
    if office_visit and not facility:
        return "3", min(after_deductible, 30.0)
    return "2", after_deductible * 0.2


def adjudicate(rng: random.Random, claim: dict, encounter: Encounter, shares: PatientShare) -> Remittance:
    plan = encounter.plan
    claim_id = claim["claim_id"]
    kind = plan.kind
    total = claim["total_charge"] if claim["form"] == "cms1500" else claim["total_charges"]
    paid_date = min(AS_OF, encounter.end + timedelta(days=rng.randint(14, 30)))
    payment = {
        "claim_id": claim_id,
        "payer_id": plan.payer_id,
        "payer_claim_number": f"{plan.payer_id[-2:]}{rng.randint(10**11, 10**12 - 1)}",
        "total_charge": total,
        "paid_date": paid_date.isoformat(),
        "trace_number": f"EFT{paid_date:%Y%m%d}{plan.payer_id[-2:]}",
        "ms_drg": (encounter.drg or {}).get("drg", "") if claim["form"] == "ub04" else "",
    }
    out = Remittance(payment)
    denial = _claim_denial(rng, kind)
    if denial is not None:
        reason, group, remark = denial
        _adjust(out.adjustments, claim_id, 0, group, reason, total, remark)
        patient = total if group == "PR" else 0.0
        out.payment.update(
            status=STATUS["denied"], allowed=0.0, paid=0.0, patient_responsibility=_cents(patient)
        )
        return out
    if claim["form"] == "ub04" and claim["type_of_bill"] == "0111":
        return _drg_paid(claim, encounter, out, shares)
    return _lines_paid(rng, claim, encounter, out, shares)


def _claim_denial(rng: random.Random, kind: str):
    pick = rng.random()
    for reason, group, remark, kinds, share in CLAIM_DENIALS:
        if kind in kinds:
            if pick < share:
                return reason, group, remark
            pick -= share
    return None


def _drg_paid(claim: dict, encounter: Encounter, out: Remittance, shares: PatientShare) -> Remittance:
    """An inpatient stay paid as a whole: the IPPS estimate for Medicare, a share of charges otherwise."""
    plan = encounter.plan
    claim_id = claim["claim_id"]
    total = claim["total_charges"]
    if plan.kind == "medicare" and encounter.drg and encounter.drg["weight"] is not None:
        allowed = _cents(min(total, _ipps(encounter)))
    else:
        allowed = _cents(total * ALLOWED_SHARE[plan.payer_id])
    group = "CO" if plan.in_network else "PI"
    _adjust(out.adjustments, claim_id, 0, group, "45", total - allowed)
    deductible = shares.deductible(encounter.patient["patient_id"], plan.payer_id, plan.kind, allowed)
    _adjust(out.adjustments, claim_id, 0, "PR", "1", deductible)
    coinsurance = 0.0 if plan.kind in {"medicare", "medicaid"} else _cents((allowed - deductible) * 0.1)
    _adjust(out.adjustments, claim_id, 0, "PR", "2", coinsurance)
    paid = allowed - deductible - coinsurance
    if plan.kind == "medicare":
        cut = _cents(paid * SEQUESTRATION)
        _adjust(out.adjustments, claim_id, 0, "CO", "253", cut)
        paid -= cut
    out.payment.update(
        status=STATUS["paid"],
        allowed=allowed,
        paid=_cents(paid),
        patient_responsibility=_cents(deductible + coinsurance),
    )
    return out


def _ipps(encounter: Encounter) -> float:
    from autograder.payment import ipps_estimate

    return ipps_estimate(
        int(encounter.drg["drg"]),
        length_of_stay=encounter.length_of_stay,
        discharge_status=encounter.scenario.discharge_status,
    ).total


def _lines_paid(rng, claim: dict, encounter: Encounter, out: Remittance, shares: PatientShare) -> Remittance:
    plan = encounter.plan
    claim_id = claim["claim_id"]
    facility = claim["form"] == "ub04"
    office_visit = encounter.scenario.setting == "physician_office"
    totals = {"allowed": 0.0, "paid": 0.0, "patient": 0.0}
    copay_taken = False
    for number, revenue, code, modifiers, units, charge in _line_items(claim):
        line_denial = _line_denial(rng, plan.kind) if number > 1 else None
        allowed = 0.0 if line_denial else _cents(charge * ALLOWED_SHARE[plan.payer_id])
        paid = 0.0
        if line_denial:
            reason, group, remark = line_denial
            _adjust(out.adjustments, claim_id, number, group, reason, charge, remark)
        else:
            _adjust(
                out.adjustments, claim_id, number, "CO" if plan.in_network else "PI", "45", charge - allowed
            )
            deductible = shares.deductible(encounter.patient["patient_id"], plan.payer_id, plan.kind, allowed)
            _adjust(out.adjustments, claim_id, number, "PR", "1", deductible)
            reason, share = _patient_share(
                plan.kind, facility, office_visit and not copay_taken, allowed - deductible
            )
            share = _cents(share)
            copay_taken = copay_taken or reason == "3"
            _adjust(out.adjustments, claim_id, number, "PR", reason, share)
            paid = allowed - deductible - share
            if plan.kind == "medicare":
                cut = _cents(paid * SEQUESTRATION)
                _adjust(out.adjustments, claim_id, number, "CO", "253", cut)
                paid -= cut
            totals["patient"] += deductible + share
        paid = _cents(paid)
        totals["allowed"] += allowed
        totals["paid"] += paid
        out.services.append(
            {
                "claim_id": claim_id,
                "line": number,
                "revenue_code": revenue,
                "procedure_code": code,
                "modifiers": " ".join(modifiers),
                "units": units,
                "charge": charge,
                "allowed": allowed,
                "paid": paid,
            }
        )
    out.payment.update(
        status=STATUS["paid"],
        allowed=_cents(totals["allowed"]),
        paid=_cents(totals["paid"]),
        patient_responsibility=_cents(totals["patient"]),
    )
    return out


def _line_denial(rng: random.Random, kind: str):
    pick = rng.random()
    for reason, group, remark, kinds, share in LINE_DENIALS:
        if kind in kinds:
            if pick < share:
                return reason, group, remark
            pick -= share
    return None


def codes_table() -> list[dict]:
    """codes.csv: every group, reason and remark code the remittances use, with its meaning."""
    rows = [{"code_type": "group", "code": c, "meaning": m} for c, m in GROUP_CODES.items()]
    rows += [{"code_type": "CARC", "code": c, "meaning": m} for c, m in REASON_CODES.items()]
    rows += [{"code_type": "RARC", "code": c, "meaning": m} for c, m in REMARK_CODES.items()]
    return rows
