"""UB-04 rules: type of bill, admission data, code fields, revenue lines, totals, procedures,
providers and resubmission.

Authorities: NUBC UB-04 FL 4, 12-17, 18-28, 31-41, 42-48 (revenue code 0001 is the total, line
23), 50, 52-53, 64, 74, 76-77; CMS Pub 100-04 ch. 25 sec. 75 (form locator instructions), ch. 4
(HCPCS on outpatient hospital claims); 837I 2300 CLM05 (facility code, frequency), CLM08 and CLM09
(benefits assignment, release of information), 2400 SV2.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from functools import cache
from importlib import resources

from autograder.claims.models import (
    MAX_CONDITION_CODES,
    MAX_OCCURRENCE_CODES,
    MAX_OCCURRENCE_SPANS,
    MAX_OTHER_PROCEDURES,
    MAX_REVENUE_LINES,
    MAX_VALUE_CODES,
    claim_date,
)
from autograder.claims.rules.base import blank, date_of_service, hit, line_at, money, rule, text
from autograder.claims.rules.codesets import code_findings, procedure_system
from autograder.claims.rules.service_lines import (
    CHARGE_NEGATIVE,
    CHARGE_REQUIRED,
    MODIFIER_DUPLICATE,
    MODIFIERS_TOO_MANY,
    PROCEDURE_FORMAT,
    UNITS,
    _bad_units,
    _charge_missing,
    _charge_negative,
    _duplicate_modifiers,
    _modifier_code_hits,
    _procedure_code_hits,
    _procedure_format,
    _too_many_modifiers,
)

_REVENUE = re.compile(r"\d{4}")
_FIELD_CODE = re.compile(r"[0-9A-Z]{2}")
_HOUR = re.compile(r"([01]\d|2[0-3])")
NO_HCPCS_NEEDED = ("025", "027")  # pharmacy and supply revenue families, often billed without HCPCS
OUTPATIENT_CLASSES = {"3", "4"}  # FL 4 classification on facility types 1-6
OUTPATIENT_SPECIAL_FACILITIES = {"3", "5"}  # 083x ambulatory surgery center, 085x critical access hospital


@cache
def ub04_codes() -> dict:
    """The UB-04 code lists in ``autograder/claims/data/ub04_codes.json``."""
    return json.loads(resources.files("autograder.claims").joinpath("data/ub04_codes.json").read_text())


def type_of_bill(claim) -> str:
    """FL 4 as four characters (a 3-character entry gets its leading 0), or ``""`` when blank."""
    tob = text(claim.type_of_bill)
    return "0" + tob if len(tob) == 3 else tob


def _outpatient(claim) -> bool:
    """An outpatient bill: classification 3 or 4 on facility types 1-6, any clinic bill (07xx), an
    ASC or CAH outpatient bill (083x, 085x)."""
    tob = type_of_bill(claim)
    if len(tob) != 4:
        return False
    if tob[1] == "7":
        return True
    if tob[1] == "8":
        return tob[2] in OUTPATIENT_SPECIAL_FACILITIES
    return tob[2] in OUTPATIENT_CLASSES


def _line_date(claim, line):
    return claim_date(line.service_date) or date_of_service(claim)


@rule(
    "ub04.type-of-bill-required",
    "ub04",
    "UB-04 FL 4",
    "error",
    "FL 4 is blank: enter the 4-digit type of bill (leading 0, facility, classification, frequency), "
    "for example 0111 for a hospital inpatient admit-through-discharge bill.",
)
def ub04_type_of_bill_required(claim, ctx):
    if blank(claim.type_of_bill):
        yield hit()


@rule(
    "ub04.type-of-bill-format",
    "ub04",
    "UB-04 FL 4",
    "error",
    "Type of bill {value!r} is not 4 characters starting with 0 (0 + facility + classification + frequency).",
)
def ub04_type_of_bill_format(claim, ctx):
    tob = type_of_bill(claim)
    if tob and not (len(tob) == 4 and tob[0] == "0" and tob[1:3].isdigit() and tob[3].isalnum()):
        yield hit(value=text(claim.type_of_bill))


@rule(
    "ub04.type-of-bill-facility",
    "ub04",
    "UB-04 FL 4",
    "error",
    "Type of bill {value}: facility digit {digit} is not a facility type (1 hospital, 2 SNF, 3 home health, "
    "4 religious nonmedical, 6 intermediate care, 7 clinic, 8 special facility).",
)
def ub04_type_of_bill_facility(claim, ctx):
    tob = type_of_bill(claim)
    if len(tob) == 4 and tob[1].isdigit() and tob[1] not in ub04_codes()["type_of_bill"]["facility"]:
        yield hit(code=tob, value=tob, digit=tob[1])


@rule(
    "ub04.type-of-bill-classification",
    "ub04",
    "UB-04 FL 4",
    "error",
    "Type of bill {value}: classification digit {digit} is not used with facility {facility} (1 inpatient "
    "Part A, 2 inpatient Part B, 3 outpatient, 4 other Part B, 5-6 intermediate care, 8 swing bed).",
)
def ub04_type_of_bill_classification(claim, ctx):
    tob = type_of_bill(claim)
    if len(tob) != 4 or not tob[1:3].isdigit():
        return
    facility, digit = tob[1], tob[2]
    special = facility in {"7", "8"}  # clinics and special facilities have their own classification digits
    if digit == "0" or (not special and digit not in ub04_codes()["type_of_bill"]["classification"]):
        yield hit(code=tob, value=tob, digit=digit, facility=facility)


@rule(
    "ub04.type-of-bill-frequency",
    "ub04",
    "UB-04 FL 4 / 837I CLM05-3",
    "error",
    "Type of bill {value}: frequency {digit} is not a frequency code (0 no-pay, 1 admit through discharge, "
    "2-4 interim, 5 late charges, 7 replacement, 8 void, 9 final home health).",
)
def ub04_type_of_bill_frequency(claim, ctx):
    tob = type_of_bill(claim)
    if len(tob) == 4 and tob[3].isdigit() and tob[3] not in ub04_codes()["type_of_bill"]["frequency"]:
        yield hit(code=tob, value=tob, digit=tob[3])


@rule(
    "ub04.resubmission-dcn",
    "ub04",
    "UB-04 FL 64 / 837I REF*F8",
    "error",
    "Type of bill {value} replaces or voids a prior claim, but FL 64 is blank: enter the document "
    "control number the payer gave the original claim.",
)
def ub04_resubmission_dcn(claim, ctx):
    tob = type_of_bill(claim)
    if len(tob) == 4 and tob[3] in {"7", "8"} and blank(claim.document_control_number):
        yield hit(value=tob)


def _listed(value, table) -> bool:
    return text(value).upper() in ub04_codes()[table]


@rule(
    "ub04.admission-type-required",
    "ub04",
    "UB-04 FL 14",
    "error",
    "FL 14 is blank on an inpatient bill: enter the priority (type) of admission, 1-5 or 9.",
)
def ub04_admission_type_required(claim, ctx):
    if claim.is_inpatient and blank(claim.admission_type):
        yield hit()


@rule(
    "ub04.admission-type-code",
    "ub04",
    "UB-04 FL 14",
    "error",
    "FL 14 {value!r} is not a priority (type) of admission: 1 emergency, 2 urgent, 3 elective, 4 newborn, "
    "5 trauma, 9 information not available.",
)
def ub04_admission_type_code(claim, ctx):
    if not blank(claim.admission_type) and not _listed(claim.admission_type, "admission_type"):
        yield hit(code=text(claim.admission_type), value=text(claim.admission_type))


@rule(
    "ub04.point-of-origin-required",
    "ub04",
    "UB-04 FL 15",
    "error",
    "FL 15 is blank on an inpatient bill: enter where the patient came from (point of origin).",
)
def ub04_point_of_origin_required(claim, ctx):
    if claim.is_inpatient and blank(claim.point_of_origin):
        yield hit()


@rule(
    "ub04.point-of-origin-code",
    "ub04",
    "UB-04 FL 15",
    "error",
    "FL 15 {value!r} is not a point of origin {which}: {allowed}.",
)
def ub04_point_of_origin_code(claim, ctx):
    if blank(claim.point_of_origin):
        return
    newborn = text(claim.admission_type) == "4"
    table = "point_of_origin_newborn" if newborn else "point_of_origin"
    if not _listed(claim.point_of_origin, table):
        allowed = ", ".join(ub04_codes()[table])
        which = "for a newborn (FL 14 type 4)" if newborn else "code"
        yield hit(
            code=text(claim.point_of_origin), value=text(claim.point_of_origin), which=which, allowed=allowed
        )


@rule(
    "ub04.discharge-status-required",
    "ub04",
    "UB-04 FL 17",
    "error",
    "FL 17 is blank: enter the 2-digit patient discharge status (01 home, 30 still a patient ...).",
)
def ub04_discharge_status_required(claim, ctx):
    if blank(claim.patient_discharge_status):
        yield hit()


@rule(
    "ub04.discharge-status-code",
    "ub04",
    "UB-04 FL 17",
    "error",
    "FL 17 {value!r} is not a patient discharge status code: use a 2-digit code such as 01 (home), 03 "
    "(skilled nursing facility), 20 (expired) or 30 (still a patient).",
)
def ub04_discharge_status_code(claim, ctx):
    if not blank(claim.patient_discharge_status) and not _listed(
        claim.patient_discharge_status, "patient_discharge_status"
    ):
        yield hit(code=text(claim.patient_discharge_status), value=text(claim.patient_discharge_status))


@rule(
    "ub04.hour-format",
    "ub04",
    "UB-04 FL 13/16",
    "error",
    "{what} {value!r} is not an hour: enter 00 to 23 (the hour of the 24-hour clock).",
)
def ub04_hour_format(claim, ctx):
    for locator, what, value in (
        ("UB-04 FL 13", "Admission hour", claim.admission_hour),
        ("UB-04 FL 16", "Discharge hour", claim.discharge_hour),
    ):
        if not blank(value) and not _HOUR.fullmatch(text(value)):
            yield hit(None, None, locator, what=what, value=text(value))


def _field_codes(claim):
    for i, code in enumerate(claim.condition_codes):
        yield "UB-04 FL 18-28", f"entry {i + 1}", code
    for i, occ in enumerate(claim.occurrence_codes):
        yield "UB-04 FL 31-34", f"entry {i + 1}", occ.code
    for i, span in enumerate(claim.occurrence_spans):
        yield "UB-04 FL 35-36", f"entry {i + 1}", span.code
    for i, value in enumerate(claim.value_codes):
        yield "UB-04 FL 39-41", f"entry {i + 1}", value.code


@rule(
    "ub04.field-code-format",
    "ub04",
    "UB-04 FL 18-41",
    "error",
    "{value!r} is not a condition, occurrence, span or value code: these codes are two letters or digits; "
    "write a one-digit code with its leading zero (02, not 2).",
)
def ub04_field_code_format(claim, ctx):
    for locator, at, code in _field_codes(claim):
        if not _FIELD_CODE.fullmatch(text(code).upper()):
            yield hit(at, text(code), locator, value=text(code))


@rule(
    "ub04.field-codes-too-many",
    "ub04",
    "UB-04 FL 18-41",
    "error",
    "{count} {what} are listed: the form holds {limit}; report those that bear on this bill's payment.",
)
def ub04_field_codes_too_many(claim, ctx):
    for locator, what, items, limit in (
        ("UB-04 FL 18-28", "condition codes", claim.condition_codes, MAX_CONDITION_CODES),
        ("UB-04 FL 31-34", "occurrence codes", claim.occurrence_codes, MAX_OCCURRENCE_CODES),
        ("UB-04 FL 35-36", "occurrence spans", claim.occurrence_spans, MAX_OCCURRENCE_SPANS),
        ("UB-04 FL 39-41", "value codes", claim.value_codes, MAX_VALUE_CODES),
    ):
        if len(items) > limit:
            yield hit(None, None, locator, count=len(items), what=what, limit=limit)


@rule(
    "ub04.occurrence-date-required",
    "ub04",
    "UB-04 FL 31-36",
    "error",
    "Occurrence {kind} {code} has no {missing}: each occurrence code carries the date it happened, each "
    "span its from and through dates.",
)
def ub04_occurrence_date_required(claim, ctx):
    for i, occ in enumerate(claim.occurrence_codes):
        if not blank(occ.code) and blank(occ.date):
            yield hit(f"entry {i + 1}", text(occ.code), "UB-04 FL 31-34", kind="code", missing="date")
    for i, span in enumerate(claim.occurrence_spans):
        if not blank(span.code) and (blank(span.from_date) or blank(span.through_date)):
            yield hit(
                f"entry {i + 1}",
                text(span.code),
                "UB-04 FL 35-36",
                kind="span",
                missing="from and through dates",
            )


@rule(
    "ub04.value-amount-required",
    "ub04",
    "UB-04 FL 39-41",
    "error",
    "Value code {code} has no amount: each value code carries an amount (dollars, or a number such as days).",
)
def ub04_value_amount_required(claim, ctx):
    for i, value in enumerate(claim.value_codes):
        if not blank(value.code) and value.amount is None:
            yield hit(f"entry {i + 1}", text(value.code))


@rule(
    "ub04.lines-required",
    "ub04",
    "UB-04 FL 42-47",
    "error",
    "No revenue lines: an institutional claim bills at least one revenue line (revenue code, units, charge).",
)
def ub04_lines_required(claim, ctx):
    if not claim.revenue_lines:
        yield hit()


@rule(
    "ub04.lines-too-many",
    "ub04",
    "UB-04 FL 42-47",
    "error",
    "{count} revenue lines: one 837I claim carries at most 999; split the bill.",
)
def ub04_lines_too_many(claim, ctx):
    if len(claim.revenue_lines) > MAX_REVENUE_LINES:
        yield hit(count=len(claim.revenue_lines))


@rule(
    "ub04.revenue-code-format",
    "ub04",
    "UB-04 FL 42 / 837I SV201",
    "error",
    "Revenue code {value!r} is not 4 digits: revenue codes have a leading zero (0450, not 450).",
)
def ub04_revenue_code_format(claim, ctx):
    for i, line in enumerate(claim.revenue_lines):
        if not _REVENUE.fullmatch(text(line.revenue_code)):
            yield hit(line_at(i), text(line.revenue_code), value=text(line.revenue_code))


@rule(
    "ub04.revenue-total-line",
    "ub04",
    "UB-04 FL 42 line 23",
    "error",
    "Revenue code 0001 is the total line, not a service: remove this line and enter the totals as the "
    "claim's total charges and total non-covered charges (FL 47-48, line 23).",
)
def ub04_revenue_total_line(claim, ctx):
    for i, line in enumerate(claim.revenue_lines):
        if text(line.revenue_code) == "0001":
            yield hit(line_at(i), "0001")


@rule(
    "ub04.hcpcs-required",
    "ub04",
    "UB-04 FL 44 / 837I SV202-2",
    "warning",
    "Revenue code {revenue} on an outpatient bill has no HCPCS/CPT code: outpatient services are billed "
    "with the code for the service done; enter it in FL 44.",
)
def ub04_hcpcs_required(claim, ctx):
    if not _outpatient(claim):
        return
    for i, line in enumerate(claim.revenue_lines):
        revenue = text(line.revenue_code)
        if blank(line.hcpcs) and _REVENUE.fullmatch(revenue) and not revenue.startswith(NO_HCPCS_NEEDED):
            yield hit(line_at(i), revenue=revenue)


@rule("ub04.hcpcs-format", "ub04", "UB-04 FL 44 / 837I SV202-2", "error", PROCEDURE_FORMAT)
def ub04_hcpcs_format(claim, ctx):
    for i, line in enumerate(claim.revenue_lines):
        if _procedure_format(line.hcpcs):
            yield hit(line_at(i), text(line.hcpcs), code=text(line.hcpcs))


@rule("ub04.hcpcs-code", "ub04", "UB-04 FL 44", "error", "FL 44: {detail}")
def ub04_hcpcs_code(claim, ctx):
    return _procedure_code_hits(
        claim, ctx, claim.revenue_lines, lambda line: line.hcpcs, lambda line: _line_date(claim, line)
    )


@rule("ub04.modifier-too-many", "ub04", "UB-04 FL 44", "error", MODIFIERS_TOO_MANY)
def ub04_modifier_too_many(claim, ctx):
    return _too_many_modifiers(claim.revenue_lines)


@rule("ub04.modifier-duplicate", "ub04", "UB-04 FL 44", "error", MODIFIER_DUPLICATE)
def ub04_modifier_duplicate(claim, ctx):
    return _duplicate_modifiers(claim.revenue_lines)


@rule("ub04.modifier-code", "ub04", "UB-04 FL 44", "error", "FL 44 modifier: {detail}")
def ub04_modifier_code(claim, ctx):
    return _modifier_code_hits(ctx, claim.revenue_lines, lambda line: _line_date(claim, line))


@rule(
    "ub04.service-date-required",
    "ub04",
    "UB-04 FL 45",
    "error",
    "FL 45 is blank on an outpatient line: each outpatient service line carries its date of service.",
)
def ub04_service_date_required(claim, ctx):
    if not _outpatient(claim):
        return
    for i, line in enumerate(claim.revenue_lines):
        if blank(line.service_date):
            yield hit(line_at(i))


@rule("ub04.units", "ub04", "UB-04 FL 46 / 837I SV205", "error", UNITS)
def ub04_units(claim, ctx):
    return _bad_units(claim.revenue_lines)


@rule("ub04.charge-required", "ub04", "UB-04 FL 47 / 837I SV203", "error", CHARGE_REQUIRED)
def ub04_charge_required(claim, ctx):
    return _charge_missing(claim.revenue_lines, "total_charges")


@rule("ub04.charge-negative", "ub04", "UB-04 FL 47-48", "error", CHARGE_NEGATIVE)
def ub04_charge_negative(claim, ctx):
    yield from _charge_negative(claim.revenue_lines, "total_charges")
    yield from _charge_negative(claim.revenue_lines, "non_covered_charges")


@rule(
    "ub04.non-covered-exceeds",
    "ub04",
    "UB-04 FL 48",
    "error",
    "Non-covered charges {non_covered} are more than the line's total charges {total}: FL 48 is the part "
    "of FL 47 the payer does not cover.",
)
def ub04_non_covered_exceeds(claim, ctx):
    for i, line in enumerate(claim.revenue_lines):
        if line.non_covered_charges is not None and line.total_charges is not None:
            if line.non_covered_charges > line.total_charges:
                yield hit(
                    line_at(i), non_covered=money(line.non_covered_charges), total=money(line.total_charges)
                )


def _sum(values) -> Decimal:
    return sum((v for v in values if v is not None), Decimal(0))


@rule(
    "ub04.total-charges",
    "ub04",
    "UB-04 FL 47 line 23 (0001)",
    "error",
    "The total charges (revenue code 0001) are {total} but the FL 47 lines add up to {sum}: the total "
    "line is the sum of the line charges.",
)
def ub04_total_charges(claim, ctx):
    charges = [line.total_charges for line in claim.revenue_lines]
    if not charges or any(c is None for c in charges):
        return
    total = _sum(charges)
    if claim.total_charges is None or claim.total_charges != total:
        yield hit(total=money(claim.total_charges), sum=money(total))


@rule(
    "ub04.total-non-covered",
    "ub04",
    "UB-04 FL 48 line 23 (0001)",
    "error",
    "The total non-covered charges are {total} but the FL 48 lines add up to {sum}: the total line is "
    "the sum of the lines.",
)
def ub04_total_non_covered(claim, ctx):
    total = _sum(line.non_covered_charges for line in claim.revenue_lines)
    reported = claim.total_non_covered_charges or Decimal(0)
    if reported != total:
        yield hit(total=money(claim.total_non_covered_charges), sum=money(total))


@rule(
    "ub04.payer-required",
    "ub04",
    "UB-04 FL 50",
    "error",
    "FL 50 is blank: name the payer billed on line A.",
)
def ub04_payer_required(claim, ctx):
    if claim.payer is None or blank(claim.payer.name):
        yield hit()


@rule(
    "ub04.release-of-information",
    "ub04",
    "UB-04 FL 52",
    "error",
    "FL 52 is {value!r}: say whether the provider may release the patient's information to the payer: Y "
    "(a signed statement is on file) or I (informed consent only, as federal or state law allows); the "
    "837I requires it (CLM09).",
)
def ub04_release_of_information(claim, ctx):
    if text(claim.release_of_information).upper() not in {"Y", "I"}:
        yield hit(value=text(claim.release_of_information))


@rule(
    "ub04.assignment-of-benefits",
    "ub04",
    "UB-04 FL 53",
    "error",
    "FL 53 is {value!r}: say whether the patient assigned the benefits to the provider: Y (yes), N (no) "
    "or W (not applicable, e.g. the patient declined); the 837I requires it (CLM08).",
)
def ub04_assignment_of_benefits(claim, ctx):
    if text(claim.assignment_of_benefits).upper() not in {"Y", "N", "W"}:
        yield hit(value=text(claim.assignment_of_benefits))


def _procedures(claim):
    if claim.principal_procedure and not blank(claim.principal_procedure.code):
        yield None, claim.principal_procedure
    for i, proc in enumerate(claim.other_procedures):
        if not blank(proc.code):
            yield chr(ord("a") + i) if i < 26 else str(i + 1), proc


@rule("ub04.procedure-code", "ub04", "UB-04 FL 74", "error", "FL 74{where}: {detail}")
def ub04_procedure_code(claim, ctx):
    on = date_of_service(claim)
    for at, proc in _procedures(claim):
        for f in code_findings(ctx, "icd10pcs", proc.code, claim_date(proc.date) or on):
            if f.severity == "error":
                yield hit(at, text(proc.code), where=at or "", detail=f.message)


@rule(
    "ub04.procedures-too-many",
    "ub04",
    "UB-04 FL 74a-e",
    "error",
    "{count} other procedures are listed: the 837I carries 24 (the paper form five).",
)
def ub04_procedures_too_many(claim, ctx):
    if len(claim.other_procedures) > MAX_OTHER_PROCEDURES:
        yield hit(count=len(claim.other_procedures))


@rule(
    "ub04.procedures-outpatient",
    "ub04",
    "UB-04 FL 74",
    "warning",
    "ICD-10-PCS procedure {code} is on an outpatient bill: outpatient services are reported with "
    "CPT/HCPCS in FL 44; FL 74 is for inpatient procedures.",
)
def ub04_procedures_outpatient(claim, ctx):
    if _outpatient(claim):
        for at, proc in _procedures(claim):
            yield hit(at, text(proc.code))


@rule(
    "ub04.hcpcs-on-inpatient-procedure",
    "ub04",
    "UB-04 FL 74",
    "error",
    "{code} in FL 74 is a CPT/HCPCS code: FL 74 takes ICD-10-PCS codes (7 characters) on inpatient bills.",
)
def ub04_hcpcs_in_fl74(claim, ctx):
    for at, proc in _procedures(claim):
        if len(text(proc.code)) == 5 and procedure_system(proc.code) is not None:
            yield hit(at, text(proc.code))


@rule(
    "ub04.attending-required",
    "ub04",
    "UB-04 FL 76",
    "error",
    "FL 76 has no attending provider NPI: enter the NPI and name of the provider responsible for the "
    "patient's care.",
)
def ub04_attending_required(claim, ctx):
    if claim.attending_provider is None or blank(claim.attending_provider.npi):
        yield hit()


@rule(
    "ub04.operating-required",
    "ub04",
    "UB-04 FL 77",
    "warning",
    "FL 74 lists procedure {code} but FL 77 has no operating provider: enter the NPI of the provider "
    "who performed the principal surgical procedure.",
)
def ub04_operating_required(claim, ctx):
    proc = claim.principal_procedure
    if (
        proc
        and not blank(proc.code)
        and (claim.operating_provider is None or blank(claim.operating_provider.npi))
    ):
        yield hit(code=text(proc.code))
