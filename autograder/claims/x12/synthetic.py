"""Synthetic, valid claims for X12 practice, tests and benchmarks: invented people, providers with
NPIs that pass the check digit, FY2026 codes that fit together, and totals that add up.

``professional_claim(rng)`` and ``institutional_claim(rng)`` take a :class:`random.Random` (or
anything with its methods), so a seed gives the same claims every time. No one here is real.
"""

from __future__ import annotations

import random
import string
from datetime import date, timedelta
from decimal import Decimal

from autograder.claims.models import InstitutionalClaim, ProfessionalClaim

LAST_NAMES = [
    "Alvarez",
    "Brooks",
    "Chen",
    "Dubois",
    "Eriksen",
    "Fofana",
    "Garcia",
    "Haddad",
    "Ito",
    "Jensen",
    "Kowalski",
    "Lindqvist",
    "Mensah",
    "Nakamura",
    "Oduya",
    "Petrov",
    "Quinn",
    "Rossi",
    "Sato",
    "Tran",
]
FIRST_NAMES = [
    "Amara",
    "Ben",
    "Carmen",
    "Dev",
    "Elena",
    "Farid",
    "Grace",
    "Hugo",
    "Iris",
    "Jonah",
    "Kenji",
    "Lena",
    "Mateo",
    "Nia",
    "Omar",
    "Priya",
    "Ravi",
    "Sofia",
    "Tomas",
    "Yara",
]
STREETS = [
    "Maple Avenue",
    "Cedar Street",
    "Hillcrest Road",
    "River Lane",
    "Oak Court",
    "Park Place",
    "Lincoln Way",
    "Sunset Drive",
    "Elm Street",
    "Meadow Lane",
]
PLACES = [
    ("Springfield", "IL", "62704"),
    ("Madison", "WI", "53703"),
    ("Columbus", "OH", "43215"),
    ("Austin", "TX", "78701"),
    ("Denver", "CO", "80202"),
    ("Portland", "OR", "97205"),
    ("Raleigh", "NC", "27601"),
    ("Albany", "NY", "12207"),
]
PRACTICES = [
    "Riverside Family Practice",
    "Northgate Internal Medicine",
    "Cedar Pediatrics",
    "Hillcrest Orthopedics",
    "Lakeview Cardiology",
]
HOSPITALS = ["Riverside General Hospital", "Northgate Medical Center", "Cedar Valley Hospital"]
CREDENTIALS = ["MD", "DO", "NP", "PA-C"]
# CMS-1500 item 1 -> a payer the claim is sent to (payer IDs are made up)
PAYERS = {
    "Medicare": "Medicare Part B",
    "Medicaid": "State Medicaid",
    "TRICARE": "TRICARE East",
    "CHAMPVA": "CHAMPVA",
    "Group Health Plan": "Acme Health Plan",
    "FECA": "DOL OWCP",
    "Other": "Auto Carrier",
}
RELATIONSHIPS = ["Self", "Self", "Self", "Spouse", "Child", "Other"]

# FY2026 ICD-10-CM codes for office visits: billable, and no two of them conflict (Excludes1,
# manifestation or external-cause sequencing) whichever are combined.
OFFICE_DIAGNOSES = [
    "I10",
    "E78.5",
    "E11.9",
    "J06.9",
    "M54.50",
    "K21.9",
    "F41.1",
    "J45.909",
    "N39.0",
    "R51.9",
    "Z00.00",
    "E66.9",
    "G47.33",
    "M17.11",
    "L70.0",
    "H10.9",
]
# CPT code numbers (no descriptors) and HCPCS Level II codes, one visit-level code per claim
VISIT_CODES = ["99203", "99204", "99213", "99214", "99215"]
OTHER_SERVICES = ["80053", "85025", "83036", "93000", "36415", "71046", "G0008", "90471", "81003", "97110"]
PROFESSIONAL_POS = ["11", "11", "11", "22", "19", "12", "02", "10"]
ITEM15_QUALIFIERS = ["454", "304", "439"]

# FY2026 inpatient principal diagnoses the MCE accepts, with a fitting admitting diagnosis
INPATIENT_CASES = [
    ("K35.80", "R10.31"),
    ("J18.9", "R05.9"),
    ("I50.9", "R06.00"),
    ("N17.9", "R53.83"),
    ("A41.9", "R50.9"),
    ("J44.1", "R06.02"),
    ("K80.00", "R10.11"),
    ("I21.4", "R07.9"),
]
INPATIENT_SECONDARY = ["I10", "E78.5", "E11.9", "E87.1", "D64.9", "F17.210", "Z79.01", "E03.9"]
PROCEDURES = {"K35.80": "0DTJ4ZZ", "K80.00": "0FT44ZZ"}  # laparoscopic appendectomy, cholecystectomy
OUTPATIENT_CASES = [
    ("R10.31", "99284", "0450"),
    ("R07.9", "99285", "0450"),
    ("S93.401A", "99283", "0450"),
    ("J06.9", "99282", "0450"),
    ("R51.9", "99283", "0450"),
]
OUTPATIENT_ANCILLARY = [
    ("0300", "80053"),
    ("0300", "85025"),
    ("0320", "71046"),
    ("0730", "93005"),
    ("0250", ""),
]
INPATIENT_ANCILLARY = [
    ("0250", "Pharmacy"),
    ("0300", "Laboratory"),
    ("0320", "Radiology"),
    ("0450", "Emergency room"),
    ("0730", "EKG/ECG"),
]
FIRST_DAY = date(2026, 1, 5)
DAYS = 170  # service dates from early January to late June 2026 (FY2026)


def npi(rng: random.Random) -> str:
    """Ten digits whose last is the check digit (Luhn over 80840 + the first nine)."""
    body = str(rng.randint(1, 2)) + "".join(rng.choice(string.digits) for _ in range(8))
    total = 0
    for i, digit in enumerate(reversed("80840" + body)):
        d = int(digit)
        if i % 2 == 0:
            d *= 2
            d = d - 9 if d > 9 else d
        total += d
    return body + str((10 - total % 10) % 10)


def _money(rng: random.Random, low: int, high: int) -> Decimal:
    return Decimal(rng.randint(low * 100, high * 100)) / 100


def _address(rng: random.Random, zip9: bool = False) -> dict:
    city, state, zip5 = rng.choice(PLACES)
    return {
        "street": f"{rng.randint(10, 9899)} {rng.choice(STREETS)}",
        "city": city,
        "state": state,
        "zip_code": zip5 + (f"{rng.randint(1, 9999):04d}" if zip9 else ""),
    }


def _person(rng: random.Random, born_from: int, born_to: int) -> dict:
    born = date(rng.randint(born_from, born_to), rng.randint(1, 12), rng.randint(1, 28))
    return {
        "last_name": rng.choice(LAST_NAMES),
        "first_name": rng.choice(FIRST_NAMES),
        "middle_initial": rng.choice(string.ascii_uppercase),
        "birth_date": born.isoformat(),
        "sex": rng.choice("MF"),
        "address": _address(rng),
    }


def _ident(rng: random.Random, length: int) -> str:
    return "".join(rng.choice(string.ascii_uppercase + string.digits) for _ in range(length))


def _ein(rng: random.Random) -> str:
    return f"{rng.randint(10, 99)}-{rng.randint(1000000, 9999999)}"


def _doctor(rng: random.Random) -> dict:
    return {"last_name": rng.choice(LAST_NAMES), "first_name": rng.choice(FIRST_NAMES), "npi": npi(rng)}


def professional_claim(rng: random.Random, number: int = 0) -> ProfessionalClaim:
    """A valid CMS-1500 office or clinic claim: 1-4 diagnoses, one visit and up to five more services."""
    patient = _person(rng, 1940, 2015)
    relationship = rng.choice(RELATIONSHIPS)
    insured = dict(patient) if relationship == "Self" else _person(rng, 1950, 1995)
    insured.update(insured_id=_ident(rng, 11), policy_group=rng.choice(["NONE", _ident(rng, 8)]))
    insurance_type = rng.choice(list(PAYERS))
    when = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
    pos = rng.choice(PROFESSIONAL_POS)
    diagnoses = rng.sample(OFFICE_DIAGNOSES, rng.randint(1, 4))
    letters = "ABCD"[: len(diagnoses)]
    rendering = npi(rng)
    services = [rng.choice(VISIT_CODES), *rng.sample(OTHER_SERVICES, rng.randint(0, 5))]
    lines = []
    for code in services:
        pointers = [letters[0], *rng.sample(letters[1:], rng.randint(0, len(letters) - 1))]
        lines.append(
            {
                "service_from": when.isoformat(),
                "service_to": when.isoformat(),
                "place_of_service": pos,
                "procedure_code": code,
                "diagnosis_pointers": pointers,
                "charges": _money(rng, 15, 400),
                "units": 1,
                "rendering_npi": rendering,
            }
        )
    practice = rng.choice(PRACTICES)
    billing = {
        "name": practice,
        "npi": npi(rng),
        "address": _address(rng, zip9=True),
        "phone": f"555{rng.randint(1000000, 9999999)}",
    }
    data = {
        "claim_id": f"P{number:06d}",
        "payer": {
            "name": PAYERS[insurance_type],
            "payer_id": f"{rng.randint(10000, 99999)}",
            "address": _address(rng),
        },
        "insurance_type": insurance_type,
        "insured": insured,
        "patient": patient,
        "patient_relationship_to_insured": relationship,
        "employment_related": False,
        "auto_accident": insurance_type == "Other",
        "auto_accident_state": patient["address"]["state"] if insurance_type == "Other" else None,
        "other_accident": False,
        "patient_signature_on_file": True,
        "insured_signature_on_file": True,
        "diagnosis_code_indicator": "0",
        "diagnoses": diagnoses,
        "service_lines": lines,
        "federal_tax_id": _ein(rng),
        "federal_tax_id_type": "EIN",
        "patient_account_number": f"A{number:07d}",
        "accept_assignment": rng.random() < 0.8,
        "total_charge": sum((ln["charges"] for ln in lines), Decimal(0)),
        "amount_paid": Decimal(0),
        "physician_signature": " ".join(
            rng.choice(names) for names in (FIRST_NAMES, LAST_NAMES, CREDENTIALS)
        ),
        "physician_signature_date": when.isoformat(),
        "billing_provider": billing,
    }
    if rng.random() < 0.3:
        onset = when - timedelta(days=rng.randint(1, 30))
        data.update(current_illness_date=onset.isoformat(), current_illness_qualifier="431")
    if rng.random() < 0.2:
        data.update(
            other_date=(when - timedelta(days=40)).isoformat(),
            other_date_qualifier=rng.choice(ITEM15_QUALIFIERS),
        )
    if rng.random() < 0.3:
        data["referring_provider"] = {"qualifier": "DN", **_doctor(rng)}
    if rng.random() < 0.3:
        data["service_facility"] = {"name": practice + " Annex", "npi": npi(rng), "address": _address(rng)}
    if rng.random() < 0.2:
        data["prior_authorization_number"] = _ident(rng, 10)
    return ProfessionalClaim.model_validate(data)


def institutional_claim(rng: random.Random, number: int = 0) -> InstitutionalClaim:
    """A valid UB-04: an inpatient stay (TOB 0111) or an emergency department visit (TOB 0131)."""
    if rng.random() < 0.5:
        return _inpatient(rng, number)
    return _outpatient(rng, number)


def _facility(rng: random.Random, number: int) -> dict:
    patient = _person(rng, 1935, 1990)
    patient.pop("middle_initial")
    self_pay = rng.random() < 0.8
    insured = (
        {k: patient[k] for k in ("last_name", "first_name")}
        if self_pay
        else {"last_name": rng.choice(LAST_NAMES), "first_name": rng.choice(FIRST_NAMES)}
    )
    insured["insured_id"] = _ident(rng, 11)
    return {
        "claim_id": f"I{number:06d}",
        "billing_provider": {
            "name": rng.choice(HOSPITALS),
            "npi": npi(rng),
            "address": _address(rng, zip9=True),
            "phone": f"555{rng.randint(1000000, 9999999)}",
        },
        "patient_control_number": f"PCN{number:07d}",
        "medical_record_number": f"MR{rng.randint(100000, 999999)}",
        "federal_tax_id": _ein(rng),
        "patient": patient,
        "payer": {"name": "Medicare Part A", "payer_id": f"{rng.randint(10000, 99999)}"},
        "release_of_information": "Y",
        "assignment_of_benefits": "Y",
        "insured": insured,
        "patient_relationship_to_insured": "18" if self_pay else "01",
        "diagnosis_code_indicator": "0",
        "attending_provider": _doctor(rng),
    }


def _inpatient(rng: random.Random, number: int) -> InstitutionalClaim:
    data = _facility(rng, number)
    principal, admitting = rng.choice(INPATIENT_CASES)
    admitted = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
    stay = rng.randint(1, 6)
    discharged = admitted + timedelta(days=stay)
    lines = [{"revenue_code": "0120", "units": stay, "total_charges": _money(rng, 900, 1800) * stay}]
    for revenue, description in rng.sample(INPATIENT_ANCILLARY, rng.randint(1, 4)):
        lines.append(
            {
                "revenue_code": revenue,
                "description": description,
                "units": 1,
                "total_charges": _money(rng, 80, 3000),
            }
        )
    data.update(
        type_of_bill="0111",
        statement_from=admitted.isoformat(),
        statement_through=discharged.isoformat(),
        admission_date=admitted.isoformat(),
        admission_hour=f"{rng.randint(0, 23):02d}",
        admission_type=rng.choice("123"),
        point_of_origin=rng.choice("12"),
        discharge_hour=f"{rng.randint(6, 20):02d}",
        patient_discharge_status=rng.choice(["01", "06"]),
        revenue_lines=lines,
        total_charges=sum((ln["total_charges"] for ln in lines), Decimal(0)),
        principal_diagnosis={"code": principal, "poa": "Y"},
        other_diagnoses=[
            {"code": c, "poa": rng.choice("YN") if c == "E87.1" else "Y"}
            for c in rng.sample(INPATIENT_SECONDARY, rng.randint(0, 4))
        ],
        admitting_diagnosis=admitting,
    )
    if principal in PROCEDURES:
        done = admitted + timedelta(days=rng.randint(0, stay))
        data["principal_procedure"] = {"code": PROCEDURES[principal], "date": done.isoformat()}
        data["operating_provider"] = _doctor(rng)
    return InstitutionalClaim.model_validate(data)


def _outpatient(rng: random.Random, number: int) -> InstitutionalClaim:
    data = _facility(rng, number)
    reason, visit, revenue = rng.choice(OUTPATIENT_CASES)
    when = (FIRST_DAY + timedelta(days=rng.randrange(DAYS))).isoformat()
    lines = [
        {
            "revenue_code": revenue,
            "hcpcs": visit,
            "service_date": when,
            "units": 1,
            "total_charges": _money(rng, 300, 2500),
        }
    ]
    for rev, code in rng.sample(OUTPATIENT_ANCILLARY, rng.randint(0, 3)):
        line = {"revenue_code": rev, "service_date": when, "units": 1, "total_charges": _money(rng, 20, 900)}
        if code:
            line["hcpcs"] = code
        lines.append(line)
    data.update(
        type_of_bill="0131",
        statement_from=when,
        statement_through=when,
        admission_type="1",
        point_of_origin="1",
        discharge_hour=f"{rng.randint(0, 23):02d}",
        patient_discharge_status="01",
        revenue_lines=lines,
        total_charges=sum((ln["total_charges"] for ln in lines), Decimal(0)),
        principal_diagnosis={"code": reason},
        reasons_for_visit=[reason],
        other_diagnoses=[{"code": c} for c in rng.sample(["I10", "E78.5", "E11.9"], rng.randint(0, 2))],
    )
    if reason.startswith("S"):
        data["external_cause_diagnoses"] = [{"code": "W01.0XXA"}]
    return InstitutionalClaim.model_validate(data)


def claims(kind: str, count: int, seed: int = 0) -> list:
    """``count`` synthetic claims of ``kind`` (``837P`` or ``837I``), the same for the same seed."""
    rng = random.Random(seed)
    make = professional_claim if kind.upper() == "837P" else institutional_claim
    return [make(rng, i) for i in range(count)]
