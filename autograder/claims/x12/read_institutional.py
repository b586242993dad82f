"""Reading 837I (005010X223A2) loops back into an :class:`InstitutionalClaim`: the inverse of
:mod:`autograder.claims.x12.institutional`, form locator by form locator as the crosswalk lists them."""

from __future__ import annotations

from decimal import Decimal

from autograder.claims.models import InstitutionalClaim
from autograder.claims.x12 import codes
from autograder.claims.x12.formats import read_icd10cm
from autograder.claims.x12.read_common import (
    Block,
    address,
    date_text,
    entities,
    first,
    money,
    person,
    provider,
    split,
    tax_id_text,
)
from autograder.claims.x12.segments import Segment

OTHER_PROVIDERS = set(codes.INSTITUTIONAL_OTHER_PROVIDERS)


def billing(block: Block) -> dict:
    """2010AA billing provider (FL 1, 56), tax ID (FL 5); 2010AB pay-to address (FL 2)."""
    _, found = entities(block)
    data: dict = {}
    loop = found.get("85")
    if loop is not None:
        data["billing_provider"] = provider(loop)
        data["federal_tax_id"] = tax_id_text(first(loop, "REF", "EI"))[0]
    pay_to = found.get("87")
    if pay_to is not None and address(pay_to):
        data["pay_to_provider"] = {"address": address(pay_to)}
    return data


def subscriber(block: Block) -> dict:
    """SBR (FL 59 self, 61, 62), 2010BA subscriber (FL 58, 60; FL 8-11 when self), 2010BB payer
    (FL 50-51) with the billing provider's other ID (FL 57)."""
    leading, found = entities(block)
    sbr = first(leading, "SBR")
    insured: dict = {}
    if sbr is not None:
        insured.update(policy_group=sbr.get(3), group_name=sbr.get(4))
    loop = found.get("IL")
    someone: dict = {}
    if loop is not None:
        someone = person(loop)
        insured.update({k: someone.get(k) for k in ("last_name", "first_name", "middle_initial")})
        insured["insured_id"] = loop[0].get(9)
    payer_loop = found.get("PR")
    payer: dict = {}
    other_id = None
    if payer_loop is not None:
        payer = {
            "name": payer_loop[0].get(3),
            "payer_id": payer_loop[0].get(9),
            "address": address(payer_loop),
        }
        ref = first(payer_loop, "REF", "G2")
        other_id = ref.get(2) if ref is not None else None
    return {
        "insured": {k: v for k, v in insured.items() if v},
        "person": someone,
        "payer": {k: v for k, v in payer.items() if v},
        "self": sbr is not None and sbr.get(2) == codes.SELF,
        "other_provider_id": other_id or None,
    }


def patient(block: Block) -> dict:
    """PAT (FL 59) and 2010CA (FL 8-11)."""
    leading, found = entities(block)
    pat = first(leading, "PAT")
    loop = found.get("QC")
    return {
        "relationship": (pat.get(1) if pat is not None else "") or None,
        "person": person(loop) if loop is not None else {},
    }


def _dx(entry: list[str]) -> dict:
    found = {"code": read_icd10cm(entry[1]) if len(entry) > 1 else ""}
    if len(entry) > 8 and entry[8]:
        found["poa"] = entry[8]
    return found


def _procedure(entry: list[str]) -> dict:
    return {
        "code": entry[1].upper() if len(entry) > 1 else "",
        "date": date_text(entry[3]) if len(entry) > 3 else None,
    }


def _codes(data: dict, hi: Segment) -> None:
    """One HI segment: each composite's qualifier says which form locator it fills."""
    for position in range(1, 13):
        entry = hi.parts(position)
        if not entry:
            continue
        qualifier = entry[0]
        value = entry[1] if len(entry) > 1 else ""
        if qualifier in {"ABK", "BK"}:
            data["principal_diagnosis"] = _dx(entry)
            data["diagnosis_code_indicator"] = "0" if qualifier == "ABK" else "9"
        elif qualifier in {"ABJ", "BJ"}:
            data["admitting_diagnosis"] = read_icd10cm(value)
        elif qualifier in {"APR", "PR"}:
            data.setdefault("reasons_for_visit", []).append(read_icd10cm(value))
        elif qualifier in {"ABN", "BN"}:
            data.setdefault("external_cause_diagnoses", []).append(_dx(entry))
        elif qualifier == "DR":
            data["pps_code"] = value
        elif qualifier in {"ABF", "BF"}:
            data.setdefault("other_diagnoses", []).append(_dx(entry))
        elif qualifier in {"BBR", "BR", "CAH"}:
            data["principal_procedure"] = _procedure(entry)
        elif qualifier in {"BBQ", "BQ"}:
            data.setdefault("other_procedures", []).append(_procedure(entry))
        elif qualifier == "BI":
            start, _, end = (entry[3] if len(entry) > 3 else "").partition("-")
            data.setdefault("occurrence_spans", []).append(
                {"code": value, "from_date": date_text(start), "through_date": date_text(end)}
            )
        elif qualifier == "BH":
            data.setdefault("occurrence_codes", []).append(
                {"code": value, "date": date_text(entry[3] if len(entry) > 3 else "")}
            )
        elif qualifier == "BE":
            data.setdefault("value_codes", []).append({"code": value, "amount": money(hi, position, 5)})
        elif qualifier == "BG":
            data.setdefault("condition_codes", []).append(value)


def _header(data: dict, clm: Segment) -> None:
    """CLM: FL 3a, 47 total, 4 (facility type + frequency), 53, 52."""
    data["patient_control_number"] = clm.get(1) or None
    data["total_charges"] = money(clm, 2)
    facility, frequency = clm.part(5, 1), clm.part(5, 3)
    if facility or frequency:
        data["type_of_bill"] = f"0{facility}{frequency}"
    data["assignment_of_benefits"] = clm.get(8) or None
    data["release_of_information"] = clm.get(9) or None


def _claim_segment(data: dict, seg: Segment) -> None:
    """The 2300 segments after CLM: dates (FL 6, 12-13, 16), CL1 (FL 14, 15, 17), AMT (FL 55),
    REF (FL 63, 64, 29, 3b), NTE (FL 80), HI (FL 18-41, 66-74)."""
    qualifier = seg.get(1)
    if seg.id == "DTP" and qualifier == "096":
        data["discharge_hour"] = seg.get(3)[:2] or None
    elif seg.id == "DTP" and qualifier == "434":
        start, _, end = seg.get(3).partition("-")
        data.update(statement_from=date_text(start), statement_through=date_text(end))
    elif seg.id == "DTP" and qualifier == "435":
        value = seg.get(3)
        data["admission_date"] = date_text(value[:8])
        if seg.get(2) == "DT" and len(value) >= 10:
            data["admission_hour"] = value[8:10]
    elif seg.id == "CL1":
        data.update(
            admission_type=seg.get(1) or None,
            point_of_origin=seg.get(2) or None,
            patient_discharge_status=seg.get(3) or None,
        )
    elif seg.id == "AMT" and qualifier == "F3":
        data["estimated_amount_due"] = money(seg, 2)
    elif seg.id == "REF":
        field = {
            "G1": "treatment_authorization",
            "F8": "document_control_number",
            "LU": "accident_state",
            "EA": "medical_record_number",
        }.get(qualifier)
        if field:
            data[field] = seg.get(2) or None
    elif seg.id == "NTE" and qualifier == "ADD":
        data["remarks"] = seg.get(2) or None
    elif seg.id == "HI":
        _codes(data, seg)


def _line(block: Block) -> dict:
    """One 2400 loop: SV2 (FL 42, 44, 46, 47, 48) and DTP*472 (FL 45)."""
    sv2 = first(block, "SV2")
    if sv2 is None:
        raise block[0].error("a revenue line (LX) without its SV2 segment")
    line = {
        "revenue_code": sv2.get(1) or None,
        "hcpcs": sv2.part(2, 2) or None,
        "modifiers": [sv2.part(2, i) for i in range(3, 7) if sv2.part(2, i)],
        "total_charges": money(sv2, 3),
        "units": money(sv2, 5),
        "non_covered_charges": money(sv2, 7),
    }
    served = first(block, "DTP", "472")
    if served is not None:
        line["service_date"] = date_text(served.get(3).partition("-")[0])
    return {k: v for k, v in line.items() if v is not None}


def claim(block: Block, context: dict) -> InstitutionalClaim:
    """One 2300 loop (and its 2310 and 2400 loops) with the levels above it."""
    body, lines = split(block, lambda s: s.id == "LX")
    leading, found = entities(body)
    data: dict = {"form": "ub04"}
    _header(data, leading[0])
    for seg in leading[1:]:
        _claim_segment(data, seg)
    data.update(context["billing"])
    sub = context["subscriber"]
    data["payer"] = sub["payer"] or None
    data["insured"] = sub["insured"] or None
    data["other_provider_id"] = sub["other_provider_id"]
    if sub["self"]:
        data["patient_relationship_to_insured"] = codes.SELF
        data["patient"] = sub["person"] or None
    elif context["patient"] is not None:
        data["patient_relationship_to_insured"] = context["patient"]["relationship"]
        data["patient"] = context["patient"]["person"] or None
    for code, field in (("71", "attending_provider"), ("72", "operating_provider")):
        if code in found:
            data[field] = provider(found[code], {"0B", "1G", "G2", "LU"})
    data["other_providers"] = [
        {"qualifier": code, **provider(found[code], {"0B", "1G", "G2", "LU"})}
        for code in codes.INSTITUTIONAL_OTHER_PROVIDERS
        if code in found
    ]
    data["revenue_lines"] = [_line(line) for line in lines]
    non_covered = [ln["non_covered_charges"] for ln in data["revenue_lines"] if "non_covered_charges" in ln]
    if non_covered:
        data["total_non_covered_charges"] = sum(non_covered, Decimal(0))
    return InstitutionalClaim.model_validate({k: v for k, v in data.items() if v is not None})
