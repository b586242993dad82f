"""Synthetic patients: names, birth dates and sexes with a realistic age mix, addresses, and the
coverage each one has (Medicare, Medicaid, a commercial plan, or none: self-pay).

Children on a commercial plan are covered as dependents of a parent (CMS-1500 item 6 "Child"); a
quarter of adults on a commercial plan are covered through a spouse. Medicare and Medicaid
beneficiaries are their own subscribers. Newborns are born during the service window, so that
their birth stay can be billed.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from autograder.datasets import identity
from autograder.datasets.calendar import FIRST_SERVICE_DAY, LAST_SERVICE_DAY, age_on, birth_date_for_age
from autograder.datasets.organizations import COMMERCIAL, PLANS_BY_KEY

REFERENCE_DAY = date(2026, 5, 1)  # ages are drawn for this day, mid-window
# (share, lowest age, highest age) of the patients seen: older people use more care
AGE_BANDS = ((0.03, 0, 0), (0.14, 1, 17), (0.27, 18, 44), (0.27, 45, 64), (0.29, 65, 92))
# coverage by age band: (share, plan key or "self_pay")
COVERAGE = {
    "newborn": ((0.45, "medicaid"), (0.55, "commercial")),
    "child": ((0.40, "medicaid"), (0.55, "commercial"), (0.05, "self_pay")),
    "adult": ((0.62, "commercial"), (0.22, "medicaid"), (0.05, "medicare"), (0.11, "self_pay")),
    "senior": ((0.88, "medicare"), (0.07, "commercial"), (0.03, "medicaid"), (0.02, "self_pay")),
}
PATIENT_FIELDS = (
    "patient_id",
    "mrn",
    "last_name",
    "first_name",
    "middle_initial",
    "birth_date",
    "sex",
    "street",
    "city",
    "state",
    "zip_code",
    "phone",
    "coverage",
    "payer_id",
    "member_id",
    "group_number",
    "relationship_to_subscriber",
    "subscriber_last_name",
    "subscriber_first_name",
    "subscriber_birth_date",
    "subscriber_sex",
)


def _weighted(rng: random.Random, options):
    pick = rng.random()
    for share, value in options:
        pick -= share
        if pick < 0:
            return value
    return options[-1][1]


def _band(age: int) -> str:
    if age == 0:
        return "newborn"
    if age < 18:
        return "child"
    return "adult" if age < 65 else "senior"


def _subscriber(rng: random.Random, patient: dict, relationship: str) -> dict:
    sex = rng.choice("FM")
    patient_birth = date.fromisoformat(patient["birth_date"])
    years_older = rng.randint(22, 42) if relationship == "Child" else rng.randint(-6, 8)
    birth = patient_birth - timedelta(days=365 * years_older + rng.randint(0, 364))
    return {
        "relationship_to_subscriber": relationship,
        "subscriber_last_name": patient["last_name"],
        "subscriber_first_name": identity.first_name(rng, sex),
        "subscriber_birth_date": birth.isoformat(),
        "subscriber_sex": sex,
    }


def _coverage(rng: random.Random, patient: dict, age: int) -> dict:
    choice = _weighted(rng, COVERAGE[_band(age)])
    if choice == "self_pay":
        return {"coverage": "self_pay", "payer_id": "", "member_id": "", "group_number": ""}
    plan = rng.choice(COMMERCIAL) if choice == "commercial" else PLANS_BY_KEY[choice]
    out = {
        "coverage": plan.kind,
        "payer_id": plan.payer_id,
        "member_id": identity.member_id(rng, plan.member_tag),
        "group_number": f"GRP{rng.randint(1000, 9999)}" if plan.kind == "commercial" else "",
    }
    if plan.kind == "commercial" and age < 18:
        out.update(_subscriber(rng, patient, "Child"))
    elif plan.kind == "commercial" and rng.random() < 0.25:
        out.update(_subscriber(rng, patient, "Spouse"))
    return out


def make_patient(rng: random.Random, number: int) -> dict:
    share_band = _weighted(rng, [(share, (low, high)) for share, low, high in AGE_BANDS])
    low, high = share_band
    sex = "F" if rng.random() < 0.52 else "M"
    if high == 0:  # born during the window, so the birth stay is billable
        birth = FIRST_SERVICE_DAY + timedelta(
            days=rng.randint(0, (LAST_SERVICE_DAY - FIRST_SERVICE_DAY).days - 3)
        )
    else:
        birth = birth_date_for_age(rng, rng.randint(low, high), REFERENCE_DAY)
    patient = {
        "patient_id": f"P{number:06d}",
        "mrn": f"MR{rng.randint(1_000_000, 9_999_999)}",
        "last_name": identity.last_name(rng),
        "first_name": identity.first_name(rng, sex),
        "middle_initial": identity.initial(rng),
        "birth_date": birth.isoformat(),
        "sex": sex,
        **identity.address(rng),
        "phone": identity.phone(rng),
        "relationship_to_subscriber": "Self",
        "subscriber_last_name": "",
        "subscriber_first_name": "",
        "subscriber_birth_date": "",
        "subscriber_sex": "",
    }
    patient.update(_coverage(rng, patient, age_on(birth, REFERENCE_DAY) if high else 0))
    return {field: patient[field] for field in PATIENT_FIELDS}


def make_patients(rng: random.Random, count: int) -> list[dict]:
    return [make_patient(rng, n) for n in range(1, count + 1)]
