"""Reading 837P (005010X222A1) loops back into a :class:`ProfessionalClaim`: the inverse of
:mod:`autograder.claims.x12.professional`, item by item as the crosswalk lists them."""

from __future__ import annotations

from autograder.claims.models import ProfessionalClaim
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

LETTERS = "ABCDEFGHIJKL"


def billing(block: Block) -> dict:
    """2010AA: billing provider (item 33, 33a, 33b), tax ID (item 25)."""
    _, found = entities(block)
    loop = found.get("85")
    if loop is None:
        return {}
    tax_id, tax_kind = tax_id_text(first(loop, "REF", "EI") or first(loop, "REF", "SY"))
    return {
        "billing_provider": provider(loop, {"0B", "1G"}),
        "federal_tax_id": tax_id,
        "federal_tax_id_type": tax_kind,
    }


def subscriber(block: Block) -> dict:
    """SBR, 2010BA subscriber and 2010BB payer."""
    leading, found = entities(block)
    sbr = first(leading, "SBR")
    insured: dict = {}
    if sbr is not None:
        insured.update(policy_group=sbr.get(3) or None, plan_name=sbr.get(4) or None)
    subscriber_loop = found.get("IL")
    if subscriber_loop is not None:
        insured.update(person(subscriber_loop))
        insured["insured_id"] = subscriber_loop[0].get(9) or None
        other = first(subscriber_loop, "REF", "Y4")
        if other is not None:
            insured["other_claim_id"] = other.get(2)
    payer_loop = found.get("PR")
    payer: dict = {}
    billing_other_id: dict = {}
    if payer_loop is not None:
        payer = {
            "name": payer_loop[0].get(3),
            "payer_id": payer_loop[0].get(9),
            "address": address(payer_loop),
        }
        billing_other_id = {
            k: v
            for k, v in provider(payer_loop, {"G2", "LU"}).items()
            if k in {"other_id_qualifier", "other_id"}
        }
    is_self = sbr is not None and sbr.get(2) == codes.SELF
    return {
        "insured": {k: v for k, v in insured.items() if v},
        "payer": {k: v for k, v in payer.items() if v},
        "insurance_type": codes.INSURANCE_TYPE.get(sbr.get(9), "Other")
        if sbr is not None and sbr.get(9)
        else None,
        "self": is_self,
        "billing_other_id": billing_other_id,
    }


def patient(block: Block) -> dict:
    """PAT and 2010CA: the patient when not the subscriber (items 2, 3, 5, 6)."""
    leading, found = entities(block)
    pat = first(leading, "PAT")
    code = pat.get(1) if pat is not None else ""
    loop = found.get("QC")
    return {
        "relationship": codes.PROFESSIONAL_RELATIONSHIP_NAMES.get(code, code or None),
        "person": person(loop) if loop is not None else {},
    }


def _flag(value: str, true: str = "Y") -> bool:
    return value == true


def _header(claim: dict, clm: Segment) -> None:
    """CLM: items 26, 28, 24B (first line), 22, 31 (presence only), 27, 13, 12, 10a-c."""
    claim["patient_account_number"] = clm.get(1) or None
    claim["total_charge"] = money(clm, 2)
    frequency = clm.part(5, 3)
    if frequency in {"7", "8"}:
        claim["resubmission_code"] = frequency
    claim["accept_assignment"] = _flag(clm.get(7), "A")
    claim["insured_signature_on_file"] = _flag(clm.get(8))
    claim["patient_signature_on_file"] = _flag(clm.get(9))
    causes = {clm.part(11, 1), clm.part(11, 2)}
    claim["employment_related"] = codes.EMPLOYMENT in causes
    claim["auto_accident"] = codes.AUTO_ACCIDENT in causes
    claim["other_accident"] = codes.OTHER_ACCIDENT in causes
    if claim["auto_accident"] and clm.part(11, 4):
        claim["auto_accident_state"] = clm.part(11, 4)


def _date(claim: dict, dtp: Segment) -> None:
    """2300 DTP: items 14, 15, 16, 18."""
    qualifier, value = dtp.get(1), dtp.get(3)
    if qualifier in codes.ITEM14:
        claim.update(current_illness_qualifier=qualifier, current_illness_date=date_text(value))
    elif qualifier in codes.ITEM15:
        claim.update(other_date_qualifier=qualifier, other_date=date_text(value))
    elif qualifier == "314":
        start, _, end = value.partition("-")
        claim.update(unable_to_work_from=date_text(start), unable_to_work_to=date_text(end))
    elif qualifier == "360":
        claim["unable_to_work_from"] = date_text(value)
    elif qualifier == "361":
        claim["unable_to_work_to"] = date_text(value)
    elif qualifier == "435":
        claim["hospitalization_from"] = date_text(value)
    elif qualifier == "096":
        claim["hospitalization_to"] = date_text(value)


def _diagnoses(claim: dict, hi: Segment) -> None:
    """HI ABK/ABF (item 21, indicator 0) or BK/BF (indicator 9)."""
    qualifier = hi.part(1, 1)
    if qualifier not in {"ABK", "BK"}:
        return
    claim["diagnosis_code_indicator"] = "0" if qualifier == "ABK" else "9"
    claim["diagnoses"] = [read_icd10cm(hi.part(i, 2)) for i in range(1, 13) if hi.part(i, 2)]


def _line(block: Block, claim_pos: str, rendering: dict) -> dict:
    """One 2400 loop: SV1 (24B-24H), DTP*472 (24A), LIN (NDC), 2420A (24I-J)."""
    sv1 = first(block, "SV1")
    if sv1 is None:
        raise block[0].error("a service line (LX) without its SV1 segment")
    pointers = [sv1.part(7, i) for i in range(1, 5) if sv1.part(7, i)]
    line: dict = {
        "procedure_code": sv1.part(1, 2) or None,
        "modifiers": [sv1.part(1, i) for i in range(3, 7) if sv1.part(1, i)],
        "charges": money(sv1, 2),
        "units": money(sv1, 4),
        "place_of_service": sv1.get(5) or claim_pos or None,
        "diagnosis_pointers": [
            LETTERS[int(p) - 1] if p.isdigit() and 0 < int(p) <= 12 else p for p in pointers
        ],
        "emg": True if sv1.get(9) == "Y" else None,
        "epsdt": "Y" if sv1.get(11) == "Y" else None,
    }
    served = first(block, "DTP", "472")
    if served is not None:
        start, _, end = served.get(3).partition("-")
        line["service_from"] = date_text(start)
        line["service_to"] = date_text(end or start)
    drug = first(block, "LIN")
    if drug is not None and drug.get(2) == "N4":
        line["ndc"] = drug.get(3) or None
    _, found = entities(block)
    own = provider(found["82"], {"0B", "1G", "G2", "LU"}) if "82" in found else rendering
    if own.get("npi"):
        line["rendering_npi"] = own["npi"]
    if own.get("other_id"):
        line.update(rendering_id_qualifier=own["other_id_qualifier"], rendering_other_id=own["other_id"])
    return {k: v for k, v in line.items() if v is not None}


def _referring(found: dict[str, Block], lines: list[Block]) -> dict | None:
    """Item 17: 2310A (DN), 2310D (DQ), or the first line's 2420E (DK)."""
    for code, qualifiers, loops in (
        (codes.REFERRING, {"0B", "1G", "G2"}, [found]),
        (codes.SUPERVISING, {"0B", "1G", "G2", "LU"}, [found]),
        (codes.ORDERING, {"0B", "1G", "G2"}, [entities(block)[1] for block in lines[:1]]),
    ):
        for loop in loops:
            if code in loop:
                return {"qualifier": code, **provider(loop[code], qualifiers)}
    return None


def claim(block: Block, context: dict) -> ProfessionalClaim:
    """One 2300 loop (and its 2310 and 2400 loops) with the levels above it."""
    body, lines = split(block, lambda s: s.id == "LX")
    leading, found = entities(body)
    clm = leading[0]
    data: dict = {"form": "cms1500"}
    _header(data, clm)
    for seg in leading[1:]:
        if seg.id == "DTP":
            _date(data, seg)
        elif seg.id == "AMT" and seg.get(1) == "F5":
            data["amount_paid"] = money(seg, 2)
        elif seg.id == "REF" and seg.get(1) == "G1":
            data["prior_authorization_number"] = seg.get(2) or None
        elif seg.id == "REF" and seg.get(1) == "F8":
            data["original_reference_number"] = seg.get(2) or None
        elif seg.id == "NTE" and seg.get(1) == "ADD":
            data["additional_claim_information"] = seg.get(2) or None
        elif seg.id == "HI":
            _diagnoses(data, seg)
    billing_level = context["billing"]
    sub = context["subscriber"]
    data["billing_provider"] = {
        **billing_level.get("billing_provider", {}),
        **sub["billing_other_id"],
    } or None
    data["federal_tax_id"] = billing_level.get("federal_tax_id")
    data["federal_tax_id_type"] = billing_level.get("federal_tax_id_type")
    data["insurance_type"] = sub["insurance_type"]
    data["payer"] = sub["payer"] or None
    data["insured"] = sub["insured"] or None
    if sub["self"]:
        data["patient_relationship_to_insured"] = "Self"
        data["patient"] = {
            k: v
            for k, v in sub["insured"].items()
            if k in {"last_name", "first_name", "middle_initial", "birth_date", "sex", "address"}
        } or None
    elif context["patient"] is not None:
        data["patient_relationship_to_insured"] = context["patient"]["relationship"]
        data["patient"] = context["patient"]["person"] or None
    data["referring_provider"] = _referring(found, lines)
    if "77" in found:
        data["service_facility"] = provider(found["77"], {"0B", "G2", "LU"})
    rendering = provider(found["82"], {"0B", "1G", "G2", "LU"}) if "82" in found else {}
    data["service_lines"] = [_line(line, clm.part(5, 1), rendering) for line in lines]
    return ProfessionalClaim.model_validate({k: v for k, v in data.items() if v is not None})
