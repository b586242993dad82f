"""Claim models: the CMS-1500 professional claim (837P) and the UB-04 institutional claim (837I).

Field names read like the forms and each description names its item (NUCC 1500 Reference
Instruction Manual; CMS Pub 100-04 ch. 26) or form locator (NUBC UB-04; CMS Pub 100-04 ch. 25).
The models hold imperfect claims on purpose: codes, dates and qualifiers are kept as typed, and the
rule catalogue reports what is wrong. Only values that cannot be held at all (a charge of ``"abc"``)
are refused, and :func:`autograder.claims.load.load_claim` names the field.

Dates are kept as text (``YYYY-MM-DD``; ``MM/DD/YYYY`` and ``YYYYMMDD`` are read too) so that a
date such as February 30 survives loading and is reported by the date rules; :func:`claim_date`
reads one. Money and units are :class:`~decimal.Decimal` (``"$1,250.00"`` is accepted).
"""

from __future__ import annotations

import math
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PlainSerializer

MAX_PROFESSIONAL_LINES = 50  # 837P 2400 loop repeat; the paper CMS-1500 holds 6 lines per page
LINES_PER_PAGE = 6
MAX_ITEM21_DIAGNOSES = 12  # CMS-1500 item 21 A-L
MAX_LINE_MODIFIERS = 4  # CMS-1500 24D, 837P SV101-3..6
MAX_LINE_POINTERS = 4  # CMS-1500 24E, 837P SV107-1..4
MAX_OTHER_DIAGNOSES = 24  # 837I HI other-diagnosis segments (paper FL 67A-Q holds 17)
MAX_OTHER_PROCEDURES = 24  # 837I HI other-procedure segments (paper FL 74a-e holds 5)
MAX_CONDITION_CODES = 11  # UB-04 FL 18-28
MAX_OCCURRENCE_CODES = 8  # UB-04 FL 31-34 a/b
MAX_OCCURRENCE_SPANS = 4  # UB-04 FL 35-36 a/b
MAX_VALUE_CODES = 12  # UB-04 FL 39-41 a-d
MAX_REVENUE_LINES = 999  # 837I 2400 loop repeat; the paper UB-04 holds 22 lines per page
MAX_REASONS_FOR_VISIT = 3  # UB-04 FL 70a-c
MAX_EXTERNAL_CAUSES = 12  # 837I HI external-cause segment (paper FL 72a-c holds 3)

_DATE_FORMATS = ("%Y-%m-%d", "%m/%d/%Y", "%Y%m%d")


def _is_missing(value: Any) -> bool:
    """``None``, float NaN and pandas' NA / NaT (cells left empty in a DataFrame)."""
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return type(value).__name__ in {"NAType", "NaTType"}


def _blank_to_none(value: Any) -> Any:
    return None if _is_missing(value) else value


def _date_text(value: Any) -> Any:
    """A ``date``/``datetime``/pandas ``Timestamp`` becomes ``YYYY-MM-DD``; text is kept as typed."""
    if _is_missing(value):
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def _money(value: Any) -> Any:
    """``"$1,250.00"`` -> ``"1250.00"``; numbers and other text pass to the Decimal parser."""
    if _is_missing(value):
        return None
    if isinstance(value, str):
        return value.strip().replace("$", "").replace(",", "") or None
    if isinstance(value, float):
        return Decimal(repr(value))
    return value


def _number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def _string_list(value: Any) -> Any:
    if _is_missing(value):
        return []
    if isinstance(value, str):
        return [part.strip() for part in value.replace(";", ",").split(",") if part.strip()]
    return value


def _pointer_list(value: Any) -> Any:
    """24E pointers as typed on the form (``"ABD"``, ``"A,B"``) or as a list."""
    if _is_missing(value):
        return []
    if isinstance(value, str):
        text = value.replace(",", " ").replace(";", " ")
        parts = text.split()
        if len(parts) == 1 and parts[0].isalpha():
            return list(parts[0])
        return parts
    return value


def _entry_list(value: Any) -> Any:
    return [] if _is_missing(value) else value


Text = Annotated[str | None, BeforeValidator(_blank_to_none)]
DateText = Annotated[str | None, BeforeValidator(_date_text), Field(json_schema_extra={"format": "date"})]
Money = Annotated[
    Decimal | None,
    BeforeValidator(_money),
    PlainSerializer(lambda v: None if v is None else _number(v), return_type=Any, when_used="json"),
]
Flag = Annotated[bool | None, BeforeValidator(_blank_to_none)]
Codes = Annotated[list[str], BeforeValidator(_string_list)]


@lru_cache(maxsize=8192)
def claim_date(text: str | None) -> date | None:
    """The date a claim field holds, or ``None`` when it is blank or not a real date."""
    if not text:
        return None
    text = text.strip()
    try:
        iso = len(text) == 10 and text[4] == text[7] == "-"
        return date.fromisoformat(text) if iso else _parse_other(text)
    except ValueError:
        return None


def _parse_other(text: str) -> date | None:
    for fmt in _DATE_FORMATS[1:]:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


CLINIC_OR_SPECIAL_FACILITY = {"7", "8"}  # FL 4 facility types whose next digit names a kind, not a class


class _Part(BaseModel):
    """Common settings: unknown keys are refused (a misspelt field is named), numbers read as text."""

    model_config = ConfigDict(extra="forbid", coerce_numbers_to_str=True, validate_default=False)


class Address(_Part):
    street: Text = Field(None, description="Street address, line 1")
    street2: Text = Field(None, description="Street address, line 2")
    city: Text = None
    state: Text = Field(None, description="Two-letter state code")
    zip_code: Text = Field(None, description="ZIP code, 5 or 9 digits (837 N403)")


class Patient(_Part):
    """CMS-1500 items 2, 3, 5; UB-04 FL 8-11."""

    last_name: Text = Field(None, description="CMS-1500 item 2 / UB-04 FL 8b: patient's last name")
    first_name: Text = Field(None, description="CMS-1500 item 2 / UB-04 FL 8b: patient's first name")
    middle_initial: Text = Field(None, description="CMS-1500 item 2 / UB-04 FL 8b: middle initial")
    patient_id: Text = Field(None, description="UB-04 FL 8a: patient identifier, when not the insured's ID")
    birth_date: DateText = Field(None, description="CMS-1500 item 3 / UB-04 FL 10: birth date")
    sex: Text = Field(None, description="CMS-1500 item 3 / UB-04 FL 11: M, F or U")
    address: Address | None = Field(None, description="CMS-1500 item 5 / UB-04 FL 9: patient's address")
    phone: Text = Field(None, description="CMS-1500 item 5: telephone")


class Insured(_Part):
    """The policy holder: CMS-1500 items 1a, 4, 7, 11, 11a-c (and 9, 9a, 9d for other insurance);
    UB-04 FL 58, 60-62."""

    insured_id: Text = Field(None, description="CMS-1500 item 1a / item 9a / UB-04 FL 60: insured's ID")
    last_name: Text = Field(None, description="CMS-1500 item 4 / item 9 / UB-04 FL 58: insured's last name")
    first_name: Text = Field(None, description="CMS-1500 item 4 / item 9 / UB-04 FL 58: insured's first name")
    middle_initial: Text = Field(None, description="CMS-1500 item 4 / item 9: middle initial")
    address: Address | None = Field(None, description="CMS-1500 item 7: insured's address")
    phone: Text = Field(None, description="CMS-1500 item 7: telephone")
    policy_group: Text = Field(
        None,
        description="CMS-1500 item 11 / UB-04 FL 62: policy group or FECA number (insurance group number)",
    )
    group_name: Text = Field(None, description="UB-04 FL 61: insurance group name")
    birth_date: DateText = Field(None, description="CMS-1500 item 11a: insured's birth date")
    sex: Text = Field(None, description="CMS-1500 item 11a: insured's sex, M or F")
    other_claim_id: Text = Field(None, description="CMS-1500 item 11b: other claim ID (qualifier Y4)")
    plan_name: Text = Field(None, description="CMS-1500 item 11c / item 9d: insurance plan or program name")


class Payer(_Part):
    """The health plan billed: CMS-1500 carrier block (837P 2010BB); UB-04 FL 50-51."""

    name: Text = Field(None, description="CMS-1500 carrier block / UB-04 FL 50: payer name")
    payer_id: Text = Field(None, description="UB-04 FL 51 / 837 2010BB NM109: health plan or payer ID")
    address: Address | None = Field(None, description="CMS-1500 carrier block: payer address")


class Provider(_Part):
    """A billing, service-facility, referring, rendering, attending or operating provider."""

    qualifier: Text = Field(
        None,
        description="CMS-1500 item 17 (DN referring, DK ordering, DQ supervising) / "
        "UB-04 FL 78-79 (DN referring, ZZ other operating, 82 rendering): provider role qualifier",
    )
    name: Text = Field(None, description="Organisation name, or the person's full name")
    last_name: Text = Field(None, description="UB-04 FL 76-79: provider's last name")
    first_name: Text = Field(None, description="UB-04 FL 76-79: provider's first name")
    npi: Text = Field(
        None, description="National Provider Identifier: CMS-1500 17b, 32a, 33a / UB-04 FL 56, 76-79"
    )
    other_id_qualifier: Text = Field(
        None,
        description="CMS-1500 17a, 32b, 33b / UB-04 FL 57, 76-79: other ID qualifier (0B, 1G, G2, LU, ZZ)",
    )
    other_id: Text = Field(None, description="CMS-1500 17a, 32b, 33b / UB-04 FL 57: other ID")
    address: Address | None = Field(None, description="CMS-1500 items 32, 33 / UB-04 FL 1-2")
    phone: Text = Field(None, description="CMS-1500 item 33 / UB-04 FL 1: telephone")


class ServiceLine(_Part):
    """One CMS-1500 item 24 line (837P loop 2400)."""

    service_from: DateText = Field(None, description="CMS-1500 24A: date of service, from")
    service_to: DateText = Field(None, description="CMS-1500 24A: date of service, to")
    place_of_service: Text = Field(None, description="CMS-1500 24B: place of service code (2 digits)")
    emg: Flag = Field(None, description="CMS-1500 24C: emergency indicator")
    procedure_code: Text = Field(None, description="CMS-1500 24D / 837P SV101-2: CPT or HCPCS code")
    modifiers: Codes = Field(default_factory=list, description="CMS-1500 24D / 837P SV101-3..6: up to 4")
    diagnosis_pointers: Annotated[list[str], BeforeValidator(_pointer_list)] = Field(
        default_factory=list,
        description="CMS-1500 24E / 837P SV107: letters A-L pointing into item 21, up to 4",
    )
    charges: Money = Field(None, description="CMS-1500 24F / 837P SV102: line charge")
    units: Money = Field(None, description="CMS-1500 24G / 837P SV104: days or units")
    epsdt: Text = Field(None, description="CMS-1500 24H: EPSDT or family planning indicator")
    ndc: Text = Field(None, description="CMS-1500 24 shaded area (qualifier N4) / 837P LIN03: NDC, 11 digits")
    rendering_id_qualifier: Text = Field(None, description="CMS-1500 24I shaded: other ID qualifier")
    rendering_other_id: Text = Field(None, description="CMS-1500 24J shaded: rendering provider other ID")
    rendering_npi: Text = Field(None, description="CMS-1500 24J / 837P 2420A NM109: rendering provider NPI")


class ProfessionalClaim(_Part):
    """A CMS-1500 (02/12) professional claim, the paper twin of the 837P (005010X222A1)."""

    form: Literal["cms1500"] = "cms1500"
    claim_id: Text = Field(None, description="Label for this claim in a batch (not a form item)")
    payer: Payer | None = Field(None, description="CMS-1500 carrier block: the payer billed")
    insurance_type: Text = Field(
        None,
        description="CMS-1500 item 1: Medicare, Medicaid, TRICARE, CHAMPVA, Group Health Plan, FECA, Other",
    )
    insured: Insured | None = Field(None, description="CMS-1500 items 1a, 4, 7, 11, 11a-c")
    patient: Patient | None = Field(None, description="CMS-1500 items 2, 3, 5")
    patient_relationship_to_insured: Text = Field(
        None, description="CMS-1500 item 6: Self, Spouse, Child or Other"
    )
    other_insured: Insured | None = Field(None, description="CMS-1500 items 9, 9a, 9d")
    employment_related: Flag = Field(None, description="CMS-1500 item 10a: condition related to employment")
    auto_accident: Flag = Field(None, description="CMS-1500 item 10b: condition related to an auto accident")
    auto_accident_state: Text = Field(
        None, description="CMS-1500 item 10b: state where the accident happened"
    )
    other_accident: Flag = Field(None, description="CMS-1500 item 10c: condition related to another accident")
    claim_codes: Text = Field(None, description="CMS-1500 item 10d: claim codes (designated by NUCC)")
    has_other_health_plan: Flag = Field(None, description="CMS-1500 item 11d: another health benefit plan")
    patient_signature_on_file: Flag = Field(None, description="CMS-1500 item 12: patient's signature")
    insured_signature_on_file: Flag = Field(None, description="CMS-1500 item 13: insured's signature")
    current_illness_date: DateText = Field(
        None, description="CMS-1500 item 14: date of current illness, injury or pregnancy (LMP)"
    )
    current_illness_qualifier: Text = Field(None, description="CMS-1500 item 14 QUAL: 431 onset, 484 LMP")
    other_date: DateText = Field(None, description="CMS-1500 item 15: other date")
    other_date_qualifier: Text = Field(
        None, description="CMS-1500 item 15 QUAL: 454, 304, 453, 439, 455, 471, 090, 091, 444"
    )
    unable_to_work_from: DateText = Field(None, description="CMS-1500 item 16: unable to work, from")
    unable_to_work_to: DateText = Field(None, description="CMS-1500 item 16: unable to work, to")
    referring_provider: Provider | None = Field(
        None, description="CMS-1500 items 17 (qualifier and name), 17a (other ID), 17b (NPI)"
    )
    hospitalization_from: DateText = Field(None, description="CMS-1500 item 18: hospitalization, from")
    hospitalization_to: DateText = Field(None, description="CMS-1500 item 18: hospitalization, to")
    additional_claim_information: Text = Field(None, description="CMS-1500 item 19")
    outside_lab: Flag = Field(None, description="CMS-1500 item 20: outside lab")
    outside_lab_charges: Money = Field(None, description="CMS-1500 item 20: outside lab charges")
    diagnosis_code_indicator: Text = Field(None, description="CMS-1500 item 21 ICD Ind.: 0 for ICD-10-CM")
    diagnoses: Annotated[list[str | None], BeforeValidator(_entry_list)] = Field(
        default_factory=list, description="CMS-1500 item 21 A-L / 837P HI: ICD-10-CM codes in order, up to 12"
    )
    resubmission_code: Text = Field(
        None, description="CMS-1500 item 22: 7 replacement or 8 void of a prior claim (837P CLM05-3)"
    )
    original_reference_number: Text = Field(
        None, description="CMS-1500 item 22: payer's claim number of the original claim (837P REF*F8)"
    )
    prior_authorization_number: Text = Field(None, description="CMS-1500 item 23")
    service_lines: Annotated[list[ServiceLine], BeforeValidator(_entry_list)] = Field(
        default_factory=list, description="CMS-1500 item 24: service lines, 6 per page, up to 50 (837P 2400)"
    )
    federal_tax_id: Text = Field(None, description="CMS-1500 item 25: federal tax ID (EIN or SSN)")
    federal_tax_id_type: Text = Field(None, description="CMS-1500 item 25: EIN or SSN")
    patient_account_number: Text = Field(None, description="CMS-1500 item 26 / 837P CLM01")
    accept_assignment: Flag = Field(None, description="CMS-1500 item 27")
    total_charge: Money = Field(None, description="CMS-1500 item 28 / 837P CLM02: total of 24F")
    amount_paid: Money = Field(None, description="CMS-1500 item 29: amount the patient or other payers paid")
    physician_signature: Text = Field(None, description="CMS-1500 item 31: signature of the physician")
    physician_signature_date: DateText = Field(None, description="CMS-1500 item 31: date signed")
    service_facility: Provider | None = Field(None, description="CMS-1500 items 32, 32a, 32b")
    billing_provider: Provider | None = Field(None, description="CMS-1500 items 33, 33a, 33b")


class DiagnosisEntry(_Part):
    """A diagnosis with its present-on-admission indicator (UB-04 FL 67, 72)."""

    code: Text = Field(None, description="ICD-10-CM code")
    poa: Text = Field(None, description="Present on admission: Y, N, U, W, or blank for exempt codes")


class ProcedureEntry(_Part):
    """An ICD-10-PCS procedure with its date (UB-04 FL 74)."""

    code: Text = Field(None, description="ICD-10-PCS code (7 characters)")
    date: DateText = Field(None, description="Date the procedure was performed")


class OccurrenceCode(_Part):
    """UB-04 FL 31-34: an occurrence code and its date."""

    code: Text = None
    date: DateText = None


class OccurrenceSpan(_Part):
    """UB-04 FL 35-36: an occurrence span code and its from/through dates."""

    code: Text = None
    from_date: DateText = None
    through_date: DateText = None


class ValueCode(_Part):
    """UB-04 FL 39-41: a value code and its amount."""

    code: Text = None
    amount: Money = None


class RevenueLine(_Part):
    """One UB-04 FL 42-48 line (837I loop 2400)."""

    revenue_code: Text = Field(None, description="UB-04 FL 42 / 837I SV201: revenue code, 4 digits")
    description: Text = Field(None, description="UB-04 FL 43: revenue code description")
    hcpcs: Text = Field(None, description="UB-04 FL 44 / 837I SV202-2: HCPCS/CPT code, rate or HIPPS code")
    modifiers: Codes = Field(default_factory=list, description="UB-04 FL 44 / 837I SV202-3..6: up to 4")
    service_date: DateText = Field(None, description="UB-04 FL 45 / 837I DTP*472: service date")
    units: Money = Field(None, description="UB-04 FL 46 / 837I SV205: service units")
    total_charges: Money = Field(None, description="UB-04 FL 47 / 837I SV203: line charge")
    non_covered_charges: Money = Field(None, description="UB-04 FL 48 / 837I SV207: non-covered charge")


class InstitutionalClaim(_Part):
    """A UB-04 (CMS-1450) institutional claim, the paper twin of the 837I (005010X223A2)."""

    form: Literal["ub04"] = "ub04"
    claim_id: Text = Field(None, description="Label for this claim in a batch (not a form locator)")
    billing_provider: Provider | None = Field(None, description="UB-04 FL 1 (name, address), FL 56 (NPI)")
    pay_to_provider: Provider | None = Field(None, description="UB-04 FL 2: pay-to name and address")
    patient_control_number: Text = Field(None, description="UB-04 FL 3a / 837I CLM01")
    medical_record_number: Text = Field(None, description="UB-04 FL 3b")
    type_of_bill: Text = Field(
        None, description="UB-04 FL 4: 4 digits, leading 0, facility type, bill classification, frequency"
    )
    federal_tax_id: Text = Field(None, description="UB-04 FL 5: federal tax number (EIN)")
    statement_from: DateText = Field(None, description="UB-04 FL 6: statement covers period, from")
    statement_through: DateText = Field(None, description="UB-04 FL 6: statement covers period, through")
    patient: Patient | None = Field(None, description="UB-04 FL 8-11")
    admission_date: DateText = Field(None, description="UB-04 FL 12: admission or start of care date")
    admission_hour: Text = Field(None, description="UB-04 FL 13: admission hour, 00-23")
    admission_type: Text = Field(None, description="UB-04 FL 14: priority (type) of admission or visit")
    point_of_origin: Text = Field(None, description="UB-04 FL 15: point of origin for admission or visit")
    discharge_hour: Text = Field(None, description="UB-04 FL 16: discharge hour, 00-23")
    patient_discharge_status: Text = Field(
        None, description="UB-04 FL 17: patient discharge status, 2 digits"
    )
    condition_codes: Codes = Field(default_factory=list, description="UB-04 FL 18-28: up to 11")
    accident_state: Text = Field(None, description="UB-04 FL 29: accident state")
    occurrence_codes: Annotated[list[OccurrenceCode], BeforeValidator(_entry_list)] = Field(
        default_factory=list, description="UB-04 FL 31-34: occurrence codes and dates, up to 8"
    )
    occurrence_spans: Annotated[list[OccurrenceSpan], BeforeValidator(_entry_list)] = Field(
        default_factory=list, description="UB-04 FL 35-36: occurrence span codes and dates, up to 4"
    )
    value_codes: Annotated[list[ValueCode], BeforeValidator(_entry_list)] = Field(
        default_factory=list, description="UB-04 FL 39-41: value codes and amounts, up to 12"
    )
    revenue_lines: Annotated[list[RevenueLine], BeforeValidator(_entry_list)] = Field(
        default_factory=list, description="UB-04 FL 42-48: revenue lines, 22 per page (837I 2400)"
    )
    total_charges: Money = Field(None, description="UB-04 FL 47 line 23 (revenue code 0001): total charges")
    total_non_covered_charges: Money = Field(
        None, description="UB-04 FL 48 line 23 (revenue code 0001): total non-covered charges"
    )
    payer: Payer | None = Field(None, description="UB-04 FL 50-51: payer name and health plan ID (line A)")
    release_of_information: Text = Field(None, description="UB-04 FL 52: release of information (Y or I)")
    assignment_of_benefits: Text = Field(None, description="UB-04 FL 53: assignment of benefits (Y, N or W)")
    prior_payments: Money = Field(None, description="UB-04 FL 54: prior payments")
    estimated_amount_due: Money = Field(None, description="UB-04 FL 55: estimated amount due")
    other_provider_id: Text = Field(None, description="UB-04 FL 57: other (billing) provider ID")
    insured: Insured | None = Field(None, description="UB-04 FL 58, 60-62")
    patient_relationship_to_insured: Text = Field(
        None,
        description="UB-04 FL 59 / 837I SBR02: patient's relationship to insured (18 self, 01 spouse ...)",
    )
    treatment_authorization: Text = Field(None, description="UB-04 FL 63: treatment authorization code")
    document_control_number: Text = Field(
        None, description="UB-04 FL 64 / 837I REF*F8: original claim number, required for frequency 7 or 8"
    )
    employer_name: Text = Field(None, description="UB-04 FL 65: employer of the insured")
    diagnosis_code_indicator: Text = Field(None, description="UB-04 FL 66: 0 for ICD-10-CM")
    principal_diagnosis: DiagnosisEntry | None = Field(
        None, description="UB-04 FL 67 / 837I HI*ABK: principal diagnosis with POA"
    )
    other_diagnoses: Annotated[list[DiagnosisEntry], BeforeValidator(_entry_list)] = Field(
        default_factory=list, description="UB-04 FL 67A-Q / 837I HI*ABF: other diagnoses with POA, up to 24"
    )
    admitting_diagnosis: Text = Field(None, description="UB-04 FL 69 / 837I HI*ABJ: admitting diagnosis")
    reasons_for_visit: Codes = Field(
        default_factory=list, description="UB-04 FL 70a-c / 837I HI*APR: patient's reason for visit, up to 3"
    )
    pps_code: Text = Field(None, description="UB-04 FL 71: prospective payment system code (e.g. DRG)")
    external_cause_diagnoses: Annotated[list[DiagnosisEntry], BeforeValidator(_entry_list)] = Field(
        default_factory=list, description="UB-04 FL 72a-c / 837I HI*ABN: external cause codes with POA"
    )
    principal_procedure: ProcedureEntry | None = Field(
        None, description="UB-04 FL 74 / 837I HI*BBR: principal ICD-10-PCS procedure and date"
    )
    other_procedures: Annotated[list[ProcedureEntry], BeforeValidator(_entry_list)] = Field(
        default_factory=list, description="UB-04 FL 74a-e / 837I HI*BBQ: other procedures and dates"
    )
    attending_provider: Provider | None = Field(None, description="UB-04 FL 76 / 837I 2310A")
    operating_provider: Provider | None = Field(None, description="UB-04 FL 77 / 837I 2310B")
    other_providers: Annotated[list[Provider], BeforeValidator(_entry_list)] = Field(
        default_factory=list, description="UB-04 FL 78-79 (qualifier DN, ZZ or 82)"
    )
    remarks: Text = Field(None, description="UB-04 FL 80")

    @property
    def is_inpatient(self) -> bool:
        """FL 4 bill classification (third digit) 1 on a facility type that has classifications (1-6);
        a 3-digit entry gets its leading 0. For clinics (07xx) and special facilities (08xx) the third
        digit names the kind of clinic or facility (0711 a rural health clinic, 0811 a hospice), not
        an inpatient stay."""
        tob = (self.type_of_bill or "").strip()
        tob = "0" + tob if len(tob) == 3 else tob
        return len(tob) == 4 and tob[2] == "1" and tob[1] not in CLINIC_OR_SPECIAL_FACILITY


Claim = ProfessionalClaim | InstitutionalClaim
