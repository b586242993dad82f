"""Clean claims from encounters: the CMS-1500 the professional bills and, for hospital encounters,
the UB-04 the hospital bills, as dicts in the shape ``autograder.claims`` loads.

CMS-1500 items follow the NUCC 1500 Reference Instruction Manual (item 10c "other accident" and
item 14 onset date with qualifier 431 for injuries; item 11 "NONE" for Medicare when no insurance is
primary to it; items 32/33 service facility and billing provider). UB-04 form locators follow CMS
Pub 100-04 ch. 25: type of bill 0111 for an inpatient admit-through-discharge bill and 0131 for a
hospital outpatient bill; POA on inpatient diagnoses only; FL 70 reasons for visit on unscheduled
outpatient visits; FL 74 procedures with their dates on inpatient bills.
"""

from __future__ import annotations

import random
from datetime import timedelta

from autograder.datasets.calendar import AS_OF
from autograder.datasets.encounters import EXTERNAL_CAUSE, Encounter, Line
from autograder.datasets.organizations import Directory, HealthPlan
from autograder.datasets.scenarios.model import EMERGENCY, INPATIENT, OFFICE, OUTPATIENT_SURGERY

PLACE_OF_SERVICE = {OFFICE: "11", INPATIENT: "21", OUTPATIENT_SURGERY: "22", EMERGENCY: "23"}
TYPE_OF_BILL = {INPATIENT: "0111", OUTPATIENT_SURGERY: "0131", EMERGENCY: "0131"}
RELATIONSHIP_FL59 = {"Self": "18", "Spouse": "01", "Child": "19"}  # UB-04 FL 59 / 837I
UNSCHEDULED = {"1", "2", "5"}


def money(value: float) -> float:
    return round(value + 0.0, 2)


def is_injury(encounter: Encounter) -> bool:
    return any(d.code[0] in "ST" for d in encounter.scenario.diagnoses)


def _payer(plan: HealthPlan) -> dict:
    return {"name": plan.name, "payer_id": plan.payer_id, "address": plan.address()}


def _address(patient: dict) -> dict:
    return {k: patient[k] for k in ("street", "city", "state", "zip_code")}


def _patient(patient: dict, with_phone: bool = True) -> dict:
    out = {
        "last_name": patient["last_name"],
        "first_name": patient["first_name"],
        "middle_initial": patient["middle_initial"],
        "birth_date": patient["birth_date"],
        "sex": patient["sex"],
        "address": _address(patient),
    }
    if with_phone:
        out["phone"] = patient["phone"]
    return out


def _insured(patient: dict, plan: HealthPlan) -> dict:
    """CMS-1500 items 1a, 4, 7, 11, 11a, 11c: the subscriber (the patient when Self)."""
    if patient["relationship_to_subscriber"] == "Self":
        person = {
            "last_name": patient["last_name"],
            "first_name": patient["first_name"],
            "middle_initial": patient["middle_initial"],
            "birth_date": patient["birth_date"],
            "sex": patient["sex"],
        }
    else:
        person = {
            "last_name": patient["subscriber_last_name"],
            "first_name": patient["subscriber_first_name"],
            "birth_date": patient["subscriber_birth_date"],
            "sex": patient["subscriber_sex"],
        }
    group = "NONE" if plan.kind == "medicare" else patient["group_number"] or None
    return {
        "insured_id": patient["member_id"],
        **person,
        "address": _address(patient),
        "policy_group": group,
        "plan_name": plan.name,
    }


def _service_line(line: Line, pos: str, npi: str, emergency: bool) -> dict:
    return {
        "service_from": line.day.isoformat(),
        "service_to": line.day.isoformat(),
        "place_of_service": pos,
        "emg": True if emergency else None,
        "procedure_code": line.code,
        "modifiers": list(line.modifiers),
        "diagnosis_pointers": list(line.pointers),
        "charges": money(line.total),
        "units": line.units,
        "rendering_npi": npi,
    }


def professional_claim(rng: random.Random, encounter: Encounter, claim_id: str, directory: Directory) -> dict:
    """The CMS-1500 the clinician's group bills for the encounter."""
    s = encounter.scenario
    plan = encounter.plan
    patient = encounter.patient
    org = directory.organization_for(s.role)
    clinician = encounter.clinician
    pos = PLACE_OF_SERVICE[s.setting]
    lines = [
        _service_line(line, pos, clinician.npi, s.setting == EMERGENCY) for line in encounter.professional
    ]
    facility = directory.hospital if s.setting != OFFICE else org
    claim = {
        "form": "cms1500",
        "claim_id": claim_id,
        "payer": _payer(plan),
        "insurance_type": plan.insurance_type,
        "insured": _insured(patient, plan),
        "patient": _patient(patient),
        "patient_relationship_to_insured": patient["relationship_to_subscriber"],
        "employment_related": False,
        "auto_accident": False,
        "other_accident": is_injury(encounter),
        "has_other_health_plan": False,
        "patient_signature_on_file": True,
        "insured_signature_on_file": True,
        "diagnosis_code_indicator": "0",
        "diagnoses": encounter.professional_diagnoses(),
        "service_lines": lines,
        "federal_tax_id": org.tax_id,
        "federal_tax_id_type": "EIN",
        "patient_account_number": f"ACC{encounter.encounter_id[1:]}",
        "accept_assignment": True,
        "total_charge": money(sum(line["charges"] for line in lines)),
        "amount_paid": 0,
        "physician_signature": clinician.full_name,
        "physician_signature_date": min(AS_OF, encounter.end + timedelta(days=rng.randint(1, 3))).isoformat(),
        "service_facility": facility.provider(),
        "billing_provider": org.provider(),
    }
    if is_injury(encounter):
        claim["current_illness_date"] = encounter.start.isoformat()
        claim["current_illness_qualifier"] = "431"
    if s.setting == INPATIENT:
        claim["hospitalization_from"] = encounter.start.isoformat()
        claim["hospitalization_to"] = encounter.end.isoformat()
    if s.setting == OUTPATIENT_SURGERY:
        referrer = rng.choice(directory.clinicians["primary_care"])
        claim["referring_provider"] = {
            "qualifier": "DN",
            "last_name": referrer.last_name,
            "first_name": referrer.first_name,
            "npi": referrer.npi,
        }
    return claim


def _revenue_line(line: Line, outpatient: bool) -> dict:
    out = {
        "revenue_code": line.revenue_code,
        "description": line.description,
        "units": line.units,
        "total_charges": money(line.total),
    }
    if line.code:
        out["hcpcs"] = line.code
        out["modifiers"] = list(line.modifiers)
    if outpatient:
        out["service_date"] = line.day.isoformat()
    return out


def _fl59(patient: dict) -> str:
    return RELATIONSHIP_FL59[patient["relationship_to_subscriber"]]


def institutional_claim(encounter: Encounter, claim_id: str, directory: Directory) -> dict:
    """The UB-04 the hospital bills for an emergency visit, outpatient surgery or inpatient stay."""
    s = encounter.scenario
    plan = encounter.plan
    patient = encounter.patient
    inpatient = s.setting == INPATIENT
    hospital = directory.hospital
    lines = [_revenue_line(line, not inpatient) for line in encounter.facility]
    insured = _insured(patient, plan)
    principal, *others = s.diagnoses

    def entry(dx):
        return {"code": dx.code, "poa": dx.poa if inpatient else None}

    claim = {
        "form": "ub04",
        "claim_id": claim_id,
        "billing_provider": hospital.provider(),
        "patient_control_number": f"PCN{encounter.encounter_id[1:]}",
        "medical_record_number": patient["mrn"],
        "type_of_bill": TYPE_OF_BILL[s.setting],
        "federal_tax_id": hospital.tax_id,
        "statement_from": encounter.start.isoformat(),
        "statement_through": encounter.end.isoformat(),
        "patient": _patient(patient, with_phone=False),
        "admission_type": s.admission_type,
        "point_of_origin": s.point_of_origin,
        "patient_discharge_status": s.discharge_status,
        "revenue_lines": lines,
        "total_charges": money(sum(line["total_charges"] for line in lines)),
        "total_non_covered_charges": 0,
        "payer": _payer(plan),
        "release_of_information": "Y",
        "assignment_of_benefits": "Y",
        "insured": {
            "insured_id": insured["insured_id"],
            "last_name": insured["last_name"],
            "first_name": insured["first_name"],
            "policy_group": insured["policy_group"],
            "group_name": plan.name if plan.kind == "commercial" else None,
        },
        "patient_relationship_to_insured": _fl59(patient),
        "diagnosis_code_indicator": "0",
        "principal_diagnosis": entry(principal),
        "other_diagnoses": [entry(d) for d in others if not d.code.startswith(EXTERNAL_CAUSE)],
        "external_cause_diagnoses": [entry(d) for d in others if d.code.startswith(EXTERNAL_CAUSE)],
        "attending_provider": encounter.clinician.provider(),
    }
    if inpatient:
        claim["admission_date"] = encounter.start.isoformat()
        claim["admission_hour"] = encounter.admission_hour
        claim["discharge_hour"] = encounter.discharge_hour
        claim["admitting_diagnosis"] = s.admitting_diagnosis
    if s.admission_type in UNSCHEDULED and not inpatient:
        claim["reasons_for_visit"] = list(s.reasons_for_visit)
    if inpatient and encounter.procedures:
        (first, first_day), *rest = encounter.procedures
        claim["principal_procedure"] = {"code": first, "date": first_day.isoformat()}
        claim["other_procedures"] = [{"code": c, "date": d.isoformat()} for c, d in rest]
    if s.setting == OUTPATIENT_SURGERY or encounter.procedures:
        claim["operating_provider"] = encounter.clinician.provider()
    return claim


def claims_for(rng: random.Random, encounter: Encounter, next_id, directory: Directory) -> list[dict]:
    """The clean claims an encounter produces (none for a self-pay patient, who gets a statement)."""
    if encounter.plan is None:
        return []
    out = []
    if encounter.scenario.facility_billed:
        out.append(institutional_claim(encounter, next_id(), directory))
    out.append(professional_claim(rng, encounter, next_id(), directory))
    return out
