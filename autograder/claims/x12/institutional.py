"""Writing one UB-04 claim as 837I (005010X223A2) loops: 2010AA billing provider, 2010AB pay-to
address, 2000B/2010BA/2010BB subscriber and payer, 2000C/2010CA patient, 2300 claim (with its HI
code segments), 2310A-F claim providers and 2400 revenue lines.

Where each form locator goes is listed in :mod:`autograder.claims.x12.mapping` (after the NUBC
UB-04 manual's 837I references and CMS Pub 100-04 ch. 25).
"""

from __future__ import annotations

from autograder.claims.models import InstitutionalClaim, Insured, Patient, Provider, RevenueLine
from autograder.claims.x12 import codes
from autograder.claims.x12.formats import amount, clean, d8, entered, hour, icd10, tax_id
from autograder.claims.x12.parties import (
    ClaimOut,
    write_address,
    write_demographics,
    write_other_id,
    write_person,
    write_phone,
    write_provider,
)
from autograder.claims.x12.parts import ClaimParts, claim_parts
from autograder.claims.x12.segments import Delimiters, SegmentWriter

HI_PER_SEGMENT = 12


def _section(marks: Delimiters) -> ClaimOut:
    return ClaimOut(SegmentWriter(marks))


def relationship(claim: InstitutionalClaim) -> str:
    """FL 59 as a code; the 837I's code for self is 18 (the form's older 01-for-self lists aside)."""
    return clean(claim.patient_relationship_to_insured).upper()


def is_self(claim: InstitutionalClaim) -> bool:
    return relationship(claim) in {codes.SELF, "SELF"}


def _billing(claim: InstitutionalClaim, marks: Delimiters) -> ClaimOut:
    w = _section(marks)
    provider = claim.billing_provider or Provider()
    write_provider(w, "85", provider, "billing_provider (FL 1)", "2010AA")
    write_address(w, provider.address, "billing_provider.address (FL 1)", "2010AA")
    w.add(
        "REF",
        "EI",
        tax_id(
            w.need(
                claim.federal_tax_id,
                "federal_tax_id (FL 5)",
                "the 837 (2010AA REF*EI) needs the facility's EIN",
            )
        ),
    )
    write_phone(w, provider.phone)
    pay_to = claim.pay_to_provider
    if pay_to is not None and pay_to.address is not None:
        w.add("NM1", "87", "2")
        write_address(w, pay_to.address, "pay_to_provider.address (FL 2)", "2010AB")
    return w


NAME_FIELDS = ("last_name", "first_name", "middle_initial")


def subscriber_names(claim: InstitutionalClaim) -> Insured:
    """The insured as the 837 sends them; when the patient is the insured (FL 59 code 18) a name part
    left blank in FL 58 is taken from FL 8b."""
    insured = claim.insured or Insured()
    if not is_self(claim) or claim.patient is None:
        return insured
    return insured.model_copy(
        update={f: entered(getattr(insured, f)) or getattr(claim.patient, f) for f in NAME_FIELDS}
    )


def _subscriber(claim: InstitutionalClaim, marks: Delimiters) -> ClaimOut:
    w = _section(marks)
    insured = subscriber_names(claim)
    w.add(
        "SBR",
        "P",
        codes.SELF if is_self(claim) else "",
        clean(insured.policy_group),
        clean(insured.group_name),
    )
    w.need(insured.last_name, "insured.last_name (FL 58)", "the 837 (2010BA NM103) needs the insured's name")
    ident = w.need(insured.insured_id, "insured.insured_id (FL 60)", "the 837 (2010BA NM109) needs it")
    write_person(w, "IL", insured, "MI", ident)
    if is_self(claim) and claim.patient is not None:
        write_address(w, claim.patient.address)
        write_demographics(w, claim.patient)
    payer = claim.payer
    name = w.need(payer and payer.name, "payer.name (FL 50)", "the 837 (2010BB NM103) needs the payer's name")
    payer_id = w.need(payer and payer.payer_id, "payer.payer_id (FL 51)", "the 837 (2010BB NM109) needs it")
    w.add("NM1", "PR", "2", name, "", "", "", "", "PI", payer_id)
    write_address(w, payer and payer.address)
    if clean(claim.other_provider_id):
        w.add("REF", "G2", clean(claim.other_provider_id))
    return w


def _patient(claim: InstitutionalClaim, marks: Delimiters) -> ClaimOut | None:
    if is_self(claim):
        return None
    w = _section(marks)
    code = relationship(claim)
    if code not in codes.INSTITUTIONAL_PAT01:
        w.problems.append(
            f"patient_relationship_to_insured (FL 59) is {claim.patient_relationship_to_insured!r}: the 837 "
            "needs 18 (self) or a relationship code PAT01 takes (01, 19, 20, 21, 39, 40, 53, G8)"
        )
    w.add("PAT", code)
    patient = claim.patient or Patient()
    w.need(patient.last_name, "patient.last_name (FL 8b)", "the 837 (2010CA NM103) needs the patient's name")
    write_person(w, "QC", patient)
    write_address(w, patient.address, "patient.address (FL 9)", "2010CA")
    w.need(patient.birth_date, "patient.birth_date (FL 10)", "the 837 (2010CA DMG) needs it")
    write_demographics(w, patient)
    return w


def _type_of_bill(claim: InstitutionalClaim, w: ClaimOut) -> list[str]:
    """FL 4 -> CLM05: facility type code (digits 2-3) and claim frequency (digit 4)."""
    tob = clean(claim.type_of_bill)
    tob = "0" + tob if len(tob) == 3 else tob
    if len(tob) != 4 or not tob.isdigit():
        w.problems.append(f"type_of_bill (FL 4) is {claim.type_of_bill!r}: the 837 (CLM05) needs 4 digits")
        return ["", "A", ""]
    return [tob[1:3], "A", tob[3]]


def _hi(w: ClaimOut, entries: list[list[str]]) -> None:
    """One HI segment per 12 entries."""
    for start in range(0, len(entries), HI_PER_SEGMENT):
        w.add("HI", *entries[start : start + HI_PER_SEGMENT])


def _dx(qualifier: str, code: str | None, poa: str | None = None) -> list[str]:
    entry = [qualifier, icd10(code)]
    if clean(poa):
        entry += ["", "", "", "", "", "", clean(poa).upper()]
    return entry


def _codes(w: ClaimOut, claim: InstitutionalClaim) -> None:
    """HI segments in the loop's order: principal, admitting, reason for visit, external cause, DRG,
    other diagnoses, principal and other procedures, occurrence spans, occurrences, values, conditions."""
    principal = claim.principal_diagnosis
    if principal is None or not clean(principal.code):
        w.problems.append("principal_diagnosis (FL 67) is blank: the 837 (HI*ABK) needs it")
    else:
        w.add("HI", _dx("ABK", principal.code, principal.poa))
    if clean(claim.admitting_diagnosis):
        w.add("HI", _dx("ABJ", claim.admitting_diagnosis))
    reasons = [_dx("APR", code) for code in claim.reasons_for_visit if clean(code)][:3]
    if reasons:
        w.add("HI", *reasons)
    causes = [_dx("ABN", dx.code, dx.poa) for dx in claim.external_cause_diagnoses if clean(dx.code)][:12]
    if causes:
        w.add("HI", *causes)
    if clean(claim.pps_code):
        w.add("HI", ["DR", clean(claim.pps_code)])
    _hi(w, [_dx("ABF", dx.code, dx.poa) for dx in claim.other_diagnoses if clean(dx.code)][:24])
    procedure = claim.principal_procedure
    if procedure is not None and clean(procedure.code):
        w.add("HI", ["BBR", icd10(procedure.code), "D8", d8(procedure.date)])
    _hi(w, [["BBQ", icd10(p.code), "D8", d8(p.date)] for p in claim.other_procedures if clean(p.code)][:24])
    _hi(
        w,
        [
            ["BI", clean(s.code), "RD8", f"{d8(s.from_date)}-{d8(s.through_date)}"]
            for s in claim.occurrence_spans
            if clean(s.code)
        ][:24],
    )
    _hi(w, [["BH", clean(o.code), "D8", d8(o.date)] for o in claim.occurrence_codes if clean(o.code)][:24])
    _hi(w, [["BE", clean(v.code), "", "", amount(v.amount)] for v in claim.value_codes if clean(v.code)][:24])
    _hi(w, [["BG", clean(code)] for code in claim.condition_codes if clean(code)][:24])


def _claim_providers(w: ClaimOut, claim: InstitutionalClaim) -> None:
    """2310A attending (FL 76), 2310B operating (FL 77), then FL 78-79 by qualifier: 2310C other
    operating (ZZ), 2310D rendering (82), 2310F referring (DN)."""
    for code, provider, field, loop in (
        ("71", claim.attending_provider, "attending_provider (FL 76)", "2310A"),
        ("72", claim.operating_provider, "operating_provider (FL 77)", "2310B"),
    ):
        if provider is not None and (
            clean(provider.npi) or clean(provider.last_name) or clean(provider.name)
        ):
            write_provider(w, code, provider, field, loop, person_only=True)
            write_other_id(w, provider, {"0B", "1G", "G2", "LU"})
    others = {clean(p.qualifier).upper(): (i, p) for i, p in reversed(list(enumerate(claim.other_providers)))}
    for code, loop in zip(codes.INSTITUTIONAL_OTHER_PROVIDERS, ("2310C", "2310D", "2310F"), strict=True):
        if code in others:
            i, provider = others[code]
            write_provider(w, code, provider, f"other_providers[{i}] (FL 78-79)", loop, person_only=True)
            write_other_id(w, provider, {"0B", "1G", "G2"} | ({"LU"} if code != "DN" else set()))


def _line(w: ClaimOut, line: RevenueLine, number: int) -> None:
    at = f"revenue_lines[{number - 1}]"
    revenue = w.need(line.revenue_code, f"{at}.revenue_code (FL 42)", "the 837 (SV201) needs it")
    if line.total_charges is None:
        w.problems.append(f"{at}.total_charges (FL 47) is blank: the 837 (SV203) needs the line charge")
    if line.units is None:
        w.problems.append(f"{at}.units (FL 46) is blank: the 837 (SV205) needs the units")
    procedure = ""
    if clean(line.hcpcs):
        procedure = [
            "HC",
            clean(line.hcpcs).upper(),
            *[clean(m).upper() for m in line.modifiers if clean(m)][:4],
        ]
    w.add("LX", str(number))
    w.add(
        "SV2",
        revenue,
        procedure,
        amount(line.total_charges),
        "UN",
        amount(line.units),
        "",
        amount(line.non_covered_charges),
    )
    if d8(line.service_date):
        w.add("DTP", "472", "D8", d8(line.service_date))


def _claim(claim: InstitutionalClaim, marks: Delimiters) -> ClaimOut:
    w = _section(marks)
    control = w.need(
        claim.patient_control_number, "patient_control_number (FL 3a)", "the 837 (CLM01) needs it"
    )
    if claim.total_charges is None:
        w.problems.append("total_charges (FL 47, line 23) is blank: the 837 (CLM02) needs the total")
    release = clean(claim.release_of_information).upper()
    if release not in {"Y", "I"}:
        w.problems.append(
            f"release_of_information (FL 52) is {claim.release_of_information!r}: "
            "the 837 (CLM09) needs Y or I"
        )
    benefits = clean(claim.assignment_of_benefits).upper()
    if benefits not in {"Y", "N", "W"}:
        w.problems.append(
            f"assignment_of_benefits (FL 53) is {claim.assignment_of_benefits!r}: "
            "the 837 (CLM08) needs Y, N or W"
        )
    w.add(
        "CLM",
        control,
        amount(claim.total_charges),
        "",
        "",
        _type_of_bill(claim, w),
        "",
        "A",
        benefits,
        release,
    )
    if hour(claim.discharge_hour):
        w.add("DTP", "096", "TM", hour(claim.discharge_hour) + "00")
    start, end = d8(claim.statement_from), d8(claim.statement_through)
    if not (start and end):
        w.problems.append(
            "statement_from/statement_through (FL 6) need both dates: the 837 (DTP*434) needs them"
        )
    w.add("DTP", "434", "RD8", f"{start}-{end}")
    admitted = d8(claim.admission_date)
    if admitted and hour(claim.admission_hour):
        w.add("DTP", "435", "DT", admitted + hour(claim.admission_hour) + "00")
    elif admitted:
        w.add("DTP", "435", "D8", admitted)
    status = w.need(
        claim.patient_discharge_status, "patient_discharge_status (FL 17)", "the 837 (CL103) needs it"
    )
    w.add("CL1", clean(claim.admission_type), clean(claim.point_of_origin), status)
    if claim.estimated_amount_due is not None:
        w.add("AMT", "F3", amount(claim.estimated_amount_due))
    for qualifier, value in (
        ("G1", claim.treatment_authorization),
        ("F8", claim.document_control_number),
        ("LU", claim.accident_state),
        ("EA", claim.medical_record_number),
    ):
        if clean(value):
            w.add("REF", qualifier, clean(value))
    if clean(claim.remarks):
        w.add("NTE", "ADD", clean(claim.remarks))
    _codes(w, claim)
    _claim_providers(w, claim)
    if not claim.revenue_lines:
        w.problems.append("revenue_lines (FL 42-47) is empty: the 837 (2400) needs at least one line")
    for number, line in enumerate(claim.revenue_lines, start=1):
        _line(w, line, number)
    return w


def write_claim(claim: InstitutionalClaim, marks: Delimiters) -> tuple[ClaimParts, list[str]]:
    """The claim's segments, and the problems that keep it from being a complete 837I."""
    return claim_parts(
        [_billing(claim, marks), _subscriber(claim, marks), _patient(claim, marks), _claim(claim, marks)]
    )
