"""Writing one CMS-1500 claim as 837P (005010X222A1) loops: 2010AA billing provider, 2000B/2010BA/
2010BB subscriber and payer, 2000C/2010CA patient, 2300 claim, 2310A-D claim providers, 2400 lines
with 2410 drug and 2420A/E line providers.

Where each CMS-1500 item goes is listed in :mod:`autograder.claims.x12.mapping` (after the NUCC
1500 Reference Instruction Manual's 837P references).
"""

from __future__ import annotations

from autograder.claims.models import Insured, Patient, ProfessionalClaim, Provider, ServiceLine
from autograder.claims.x12 import codes
from autograder.claims.x12.formats import amount, clean, d8, entered, icd10, tax_id
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

LETTERS = "ABCDEFGHIJKL"  # item 21 A-L
PERSON_FIELDS = ("last_name", "first_name", "middle_initial", "birth_date", "sex", "address")


def _section(marks: Delimiters) -> ClaimOut:
    return ClaimOut(SegmentWriter(marks))


def is_self(claim: ProfessionalClaim) -> bool:
    return clean(claim.patient_relationship_to_insured).upper() == "SELF"


def subscriber_person(claim: ProfessionalClaim) -> Insured:
    """The insured as the 837 sends them; when the patient is the insured (item 6 Self) a field left
    blank in items 4, 7, 11a is taken from items 2, 3, 5."""
    insured = claim.insured or Insured()
    if not is_self(claim) or claim.patient is None:
        return insured
    filled = {f: entered(getattr(insured, f)) or getattr(claim.patient, f) for f in PERSON_FIELDS}
    return insured.model_copy(update=filled)


def _billing(claim: ProfessionalClaim, marks: Delimiters) -> ClaimOut:
    w = _section(marks)
    provider = claim.billing_provider or Provider()
    write_provider(w, "85", provider, "billing_provider (item 33)", "2010AA")
    write_address(w, provider.address, "billing_provider.address (item 33)", "2010AA")
    kind = "SY" if clean(claim.federal_tax_id_type).upper() == "SSN" else "EI"
    w.add(
        "REF",
        kind,
        tax_id(
            w.need(
                claim.federal_tax_id,
                "federal_tax_id (item 25)",
                "the 837 (2010AA REF) needs the billing provider's tax ID",
            )
        ),
    )
    write_other_id(w, provider, {"0B", "1G"})
    write_phone(w, provider.phone)
    return w


def _subscriber(claim: ProfessionalClaim, marks: Delimiters) -> ClaimOut:
    w = _section(marks)
    insured = subscriber_person(claim)
    w.add(
        "SBR",
        "P",
        codes.SELF if is_self(claim) else "",
        clean(insured.policy_group),
        clean(insured.plan_name),
        "",
        "",
        "",
        "",
        codes.filing_indicator(claim.insurance_type),
    )
    w.need(insured.last_name, "insured.last_name (item 4)", "the 837 (2010BA NM103) needs the insured's name")
    ident = w.need(insured.insured_id, "insured.insured_id (item 1a)", "the 837 (2010BA NM109) needs it")
    write_person(w, "IL", insured, "MI", ident)
    write_address(w, insured.address)
    write_demographics(w, insured)
    if clean(insured.other_claim_id):
        w.add("REF", "Y4", clean(insured.other_claim_id))
    payer = claim.payer
    name = w.need(payer and payer.name, "payer.name", "the 837 (2010BB NM103) needs the payer's name")
    payer_id = w.need(payer and payer.payer_id, "payer.payer_id", "the 837 (2010BB NM109) needs the payer ID")
    w.add("NM1", "PR", "2", name, "", "", "", "", "PI", payer_id)
    write_address(w, payer and payer.address)
    provider = claim.billing_provider or Provider()
    write_other_id(w, provider, {"G2", "LU"})
    return w


def _patient(claim: ProfessionalClaim, marks: Delimiters) -> ClaimOut | None:
    if is_self(claim):
        return None
    w = _section(marks)
    relation = codes.PROFESSIONAL_RELATIONSHIP.get(clean(claim.patient_relationship_to_insured).upper())
    if relation is None:
        w.problems.append(
            f"patient_relationship_to_insured (item 6) is {claim.patient_relationship_to_insured!r}: "
            "the 837 (PAT01) needs Self, Spouse, Child or Other"
        )
    w.add("PAT", relation or "")
    patient = claim.patient or Patient()
    w.need(patient.last_name, "patient.last_name (item 2)", "the 837 (2010CA NM103) needs the patient's name")
    write_person(w, "QC", patient)
    write_address(w, patient.address, "patient.address (item 5)", "2010CA")
    w.need(patient.birth_date, "patient.birth_date (item 3)", "the 837 (2010CA DMG) needs it")
    write_demographics(w, patient)
    return w


def _dates(claim: ProfessionalClaim) -> dict[str, tuple[str, str]]:
    """Place in the 2300 DTP order -> (DTP01 qualifier, date or range) for items 14, 15, 16 and 18."""
    found: dict[str, tuple[str, str]] = {}
    item14 = clean(claim.current_illness_qualifier)
    if item14 in codes.ITEM14 and d8(claim.current_illness_date):
        found[item14] = (item14, d8(claim.current_illness_date))
    item15 = clean(claim.other_date_qualifier)
    if item15 in codes.ITEM15 and d8(claim.other_date):
        found[item15] = (item15, d8(claim.other_date))
    start, end = d8(claim.unable_to_work_from), d8(claim.unable_to_work_to)
    if start and end:
        found["disability"] = ("314", f"{start}-{end}")
    elif start or end:
        found["disability"] = ("360" if start else "361", start or end)
    if d8(claim.hospitalization_from):
        found["435"] = ("435", d8(claim.hospitalization_from))
    if d8(claim.hospitalization_to):
        found["096"] = ("096", d8(claim.hospitalization_to))
    return found


def _write_dates(w: ClaimOut, claim: ProfessionalClaim) -> None:
    found = _dates(claim)
    for key in codes.PROFESSIONAL_DATE_ORDER:
        if key in found:
            qualifier, value = found[key]
            w.add("DTP", qualifier, "RD8" if "-" in value else "D8", value)


def _related_causes(claim: ProfessionalClaim) -> list[str]:
    causes = [
        code
        for flag, code in (
            (claim.employment_related, codes.EMPLOYMENT),
            (claim.auto_accident, codes.AUTO_ACCIDENT),
            (claim.other_accident, codes.OTHER_ACCIDENT),
        )
        if flag
    ][:2]  # CLM11 carries two causes
    if not causes:
        return []
    state = clean(claim.auto_accident_state).upper() if codes.AUTO_ACCIDENT in causes else ""
    return [causes[0], causes[1] if len(causes) > 1 else "", "", state]


def diagnosis_positions(claim: ProfessionalClaim) -> dict[str, int]:
    """Item 21 letter -> HI position (1-12) of each filled diagnosis."""
    positions: dict[str, int] = {}
    for letter, code in zip(LETTERS, claim.diagnoses, strict=False):
        if clean(code):
            positions[letter] = len(positions) + 1
    return positions


def _diagnoses(w: ClaimOut, claim: ProfessionalClaim) -> None:
    filled = [icd10(code) for code in claim.diagnoses if clean(code)][:12]
    if not filled:
        w.problems.append("diagnoses (item 21) is empty: the 837 (2300 HI) needs at least one ICD-10-CM code")
        return
    icd9 = clean(claim.diagnosis_code_indicator) == "9"
    first, rest = ("BK", "BF") if icd9 else ("ABK", "ABF")
    w.add("HI", [first, filled[0]], *([rest, code] for code in filled[1:]))


def _common_rendering(claim: ProfessionalClaim) -> ServiceLine | None:
    """The line whose 24J provider every line shares (sent once in 2310B), if they all share one."""
    lines = claim.service_lines
    keys = {
        (clean(ln.rendering_npi), clean(ln.rendering_id_qualifier), clean(ln.rendering_other_id))
        for ln in lines
    }
    if lines and len(keys) == 1 and clean(lines[0].rendering_npi):
        return lines[0]
    return None


def _rendering_name(claim: ProfessionalClaim) -> str:
    """24J carries only the NPI; the 837 also needs a name (NM103): the signer of item 31, else the
    billing provider."""
    signer = clean(claim.physician_signature)
    if signer:
        return signer
    billing = claim.billing_provider or Provider()
    return clean(billing.last_name) or clean(billing.name)


def _write_rendering(w: ClaimOut, claim: ProfessionalClaim, line: ServiceLine) -> None:
    npi = clean(line.rendering_npi)
    w.add("NM1", "82", "1", _rendering_name(claim), "", "", "", "", "XX" if npi else "", npi)
    qualifier = clean(line.rendering_id_qualifier).upper()
    if qualifier in {"0B", "1G", "G2", "LU"} and clean(line.rendering_other_id):
        w.add("REF", qualifier, clean(line.rendering_other_id))


def _claim(claim: ProfessionalClaim, marks: Delimiters) -> ClaimOut:
    w = _section(marks)
    lines = claim.service_lines
    if not lines:
        w.problems.append("service_lines (item 24) is empty: the 837 (2400) needs at least one service line")
    account = clean(claim.patient_account_number) or clean(claim.claim_id)
    if not account:
        w.problems.append("patient_account_number (item 26) is blank: the 837 (CLM01) needs it")
    if claim.total_charge is None:
        w.problems.append("total_charge (item 28) is blank: the 837 (CLM02) needs the total charge")
    pos = clean(lines[0].place_of_service) if lines else ""
    if lines and not pos:
        w.problems.append("service_lines[0].place_of_service (24B) is blank: the 837 (CLM05-1) needs it")
    resubmission = clean(claim.resubmission_code)
    frequency = resubmission if resubmission in {"7", "8"} else "1"
    w.add(
        "CLM",
        account,
        amount(claim.total_charge),
        "",
        "",
        [pos, "B", frequency],
        codes.yes(bool(clean(claim.physician_signature))),
        codes.yes(claim.accept_assignment, "A", "C"),
        codes.yes(claim.insured_signature_on_file),
        codes.yes(claim.patient_signature_on_file, "Y", "I"),
        "",
        _related_causes(claim),
    )
    _write_dates(w, claim)
    if claim.amount_paid is not None:
        w.add("AMT", "F5", amount(claim.amount_paid))
    if clean(claim.prior_authorization_number):
        w.add("REF", "G1", clean(claim.prior_authorization_number))
    if clean(claim.original_reference_number):
        w.add("REF", "F8", clean(claim.original_reference_number))
    if clean(claim.additional_claim_information):
        w.add("NTE", "ADD", clean(claim.additional_claim_information))
    _diagnoses(w, claim)
    _claim_providers(w, claim)
    common = _common_rendering(claim)
    for number, line in enumerate(lines, start=1):
        _line(w, claim, line, number, pos, write_rendering=common is None)
    return w


def _claim_providers(w: ClaimOut, claim: ProfessionalClaim) -> None:
    """2310A referring (17 DN), 2310B rendering (24J shared by every line), 2310C service facility
    (32), 2310D supervising (17 DQ). An ordering provider (17 DK) is a line-level loop (2420E)."""
    referring = claim.referring_provider
    qualifier = clean(referring and referring.qualifier).upper()
    if referring and qualifier == codes.REFERRING:
        write_provider(w, "DN", referring, "referring_provider (item 17)", "2310A", person_only=True)
        write_other_id(w, referring, {"0B", "1G", "G2"})
    common = _common_rendering(claim)
    if common is not None:
        _write_rendering(w, claim, common)
    facility = claim.service_facility
    if facility is not None and (clean(facility.name) or clean(facility.npi) or facility.address):
        npi = clean(facility.npi)
        name = w.need(facility.name, "service_facility.name (item 32)", "the 837 (2310C NM103) needs it")
        w.add("NM1", "77", "2", name, "", "", "", "", "XX" if npi else "", npi)
        write_address(w, facility.address, "service_facility.address (item 32)", "2310C")
        write_other_id(w, facility, {"0B", "G2", "LU"})
    if referring and qualifier == codes.SUPERVISING:
        write_provider(w, "DQ", referring, "referring_provider (item 17)", "2310D", person_only=True)
        write_other_id(w, referring, {"0B", "1G", "G2", "LU"})


def _line(
    w: ClaimOut,
    claim: ProfessionalClaim,
    line: ServiceLine,
    number: int,
    claim_pos: str,
    *,
    write_rendering: bool,
) -> None:
    at = f"service_lines[{number - 1}]"
    code = w.need(line.procedure_code, f"{at}.procedure_code (24D)", "the 837 (SV101-2) needs it").upper()
    if line.charges is None:
        w.problems.append(f"{at}.charges (24F) is blank: the 837 (SV102) needs the line charge")
    if line.units is None:
        w.problems.append(f"{at}.units (24G) is blank: the 837 (SV104) needs the units")
    positions = diagnosis_positions(claim)
    pointers = [
        str(positions[p.strip().upper()]) for p in line.diagnosis_pointers if p.strip().upper() in positions
    ]
    if not pointers:
        w.problems.append(f"{at}.diagnosis_pointers (24E) point to no diagnosis: the 837 (SV107) needs one")
    pos = clean(line.place_of_service)
    modifiers = [clean(m).upper() for m in line.modifiers if clean(m)][:4]
    w.add("LX", str(number))
    w.add(
        "SV1",
        ["HC", code, *modifiers],
        amount(line.charges),
        "UN",
        amount(line.units),
        pos if pos != claim_pos else "",
        "",
        pointers[:4],
        "",
        "Y" if line.emg else "",
        "",
        "Y" if clean(line.epsdt).upper() == "Y" else "",
    )
    start = w.need(
        line.service_from, f"{at}.service_from (24A)", "the 837 (DTP*472) needs the date of service"
    )
    start, end = d8(start), d8(line.service_to)
    if end and end != start:
        w.add("DTP", "472", "RD8", f"{start}-{end}")
    else:
        w.add("DTP", "472", "D8", start)
    if clean(line.ndc):
        w.add("LIN", "", "N4", clean(line.ndc).replace("-", ""))
        w.add("CTP", "", "", "", amount(line.units) or "1", "UN")
    if write_rendering and clean(line.rendering_npi):
        _write_rendering(w, claim, line)
    referring = claim.referring_provider
    if referring and clean(referring.qualifier).upper() == codes.ORDERING:
        write_provider(w, "DK", referring, "referring_provider (item 17)", "2420E", person_only=True)
        write_other_id(w, referring, {"0B", "1G", "G2"})


def write_claim(claim: ProfessionalClaim, marks: Delimiters) -> tuple[ClaimParts, list[str]]:
    """The claim's segments, and the problems that keep it from being a complete 837P."""
    return claim_parts(
        [_billing(claim, marks), _subscriber(claim, marks), _patient(claim, marks), _claim(claim, marks)]
    )
