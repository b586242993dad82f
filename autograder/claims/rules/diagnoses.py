"""Diagnosis rules: CMS-1500 item 21 and UB-04 FL 66-72.

Authorities: NUCC 1500 manual item 21 (ICD indicator 0, up to 12 codes A-L, filled in order);
NUBC UB-04 FL 66 (qualifier 0), 67 (principal diagnosis and POA), 67A-Q, 69 (admitting
diagnosis, inpatient), 70 (patient's reason for visit, unscheduled outpatient visits), 72
(external causes); CMS Pub 100-04 ch. 25 (FL 67-72); ICD-10-CM Official Guidelines Appendix I
(POA reporting: Y, N, U, W, or blank for exempt codes).
"""

from __future__ import annotations

from autograder.claims.models import (
    MAX_EXTERNAL_CAUSES,
    MAX_ITEM21_DIAGNOSES,
    MAX_OTHER_DIAGNOSES,
    MAX_REASONS_FOR_VISIT,
)
from autograder.claims.rules.base import blank, date_of_service, hit, letter, rule, text
from autograder.claims.rules.codesets import diagnosis_errors
from autograder.codes.normalize import normalize

POA_VALUES = {"Y", "N", "U", "W"}
UNSCHEDULED_VISIT_TYPES = {"1", "2", "5"}  # FL 14: emergency, urgent, trauma


@rule(
    "cms1500.diagnosis-required",
    "cms1500",
    "CMS-1500 21",
    "error",
    "Item 21 is empty: enter at least one ICD-10-CM code in A, the condition the services were for.",
)
def cms1500_diagnosis_required(claim, ctx):
    if all(blank(code) for code in claim.diagnoses):
        yield hit()


@rule(
    "cms1500.diagnosis-gap",
    "cms1500",
    "CMS-1500 21",
    "error",
    "Item 21 {gap} is empty but a later letter is filled: fill the letters in order, A first, with no gaps.",
)
def cms1500_diagnosis_gap(claim, ctx):
    filled = [not blank(code) for code in claim.diagnoses]
    if True not in filled:
        return
    last = len(filled) - 1 - filled[::-1].index(True)
    for i in range(last):
        if not filled[i]:
            yield hit(letter(i), gap=letter(i))


@rule(
    "cms1500.diagnosis-too-many",
    "cms1500",
    "CMS-1500 21",
    "error",
    "Item 21 has {count} codes: it holds 12 (A-L); report the 12 that matter most to the services billed.",
)
def cms1500_diagnosis_too_many(claim, ctx):
    if len(claim.diagnoses) > MAX_ITEM21_DIAGNOSES:
        yield hit(count=len(claim.diagnoses))


@rule(
    "cms1500.diagnosis-code",
    "cms1500",
    "CMS-1500 21",
    "error",
    "Item 21 {letter}: {detail}",
)
def cms1500_diagnosis_code(claim, ctx):
    on = date_of_service(claim)
    for i, code in enumerate(claim.diagnoses):
        if blank(code):
            continue
        for f in diagnosis_errors(ctx, code, on):
            yield hit(letter(i), f.code or code.strip(), letter=letter(i), detail=f.message)


@rule(
    "cms1500.diagnosis-duplicate",
    "cms1500",
    "CMS-1500 21",
    "error",
    "Item 21 {letter} repeats {code}, already in {first}: report each code once.",
)
def cms1500_diagnosis_duplicate(claim, ctx):
    seen: dict[str, str] = {}
    for i, code in enumerate(claim.diagnoses):
        key = normalize(code)
        if not key:
            continue
        if key in seen:
            yield hit(letter(i), code.strip(), letter=letter(i), first=seen[key])
        else:
            seen[key] = letter(i)


INDICATOR = "The ICD indicator is {value!r}: enter 0 (ICD-10-CM) when diagnosis codes are reported."


@rule("cms1500.diagnosis-indicator", "cms1500", "CMS-1500 21 ICD Ind.", "error", INDICATOR)
def cms1500_diagnosis_indicator(claim, ctx):
    if any(not blank(c) for c in claim.diagnoses) and text(claim.diagnosis_code_indicator) != "0":
        yield hit(value=text(claim.diagnosis_code_indicator))


@rule("ub04.diagnosis-indicator", "ub04", "UB-04 FL 66", "error", INDICATOR)
def ub04_diagnosis_indicator(claim, ctx):
    if text(claim.diagnosis_code_indicator) != "0":
        yield hit(value=text(claim.diagnosis_code_indicator))


@rule(
    "ub04.principal-required",
    "ub04",
    "UB-04 FL 67",
    "error",
    "FL 67 is blank: enter the principal diagnosis, the condition chiefly responsible for the stay or visit.",
)
def ub04_principal_required(claim, ctx):
    if claim.principal_diagnosis is None or blank(claim.principal_diagnosis.code):
        yield hit()


def _institutional_codes(claim):
    """(locator, at, code) for every ICD-10-CM code on a UB-04."""
    if claim.principal_diagnosis and not blank(claim.principal_diagnosis.code):
        yield "UB-04 FL 67", None, claim.principal_diagnosis.code
    for i, dx in enumerate(claim.other_diagnoses):
        if not blank(dx.code):
            yield "UB-04 FL 67", letter(i), dx.code
    if not blank(claim.admitting_diagnosis):
        yield "UB-04 FL 69", None, claim.admitting_diagnosis
    for i, code in enumerate(claim.reasons_for_visit):
        if not blank(code):
            yield "UB-04 FL 70", "abc"[i] if i < 3 else str(i + 1), code
    for i, dx in enumerate(claim.external_cause_diagnoses):
        if not blank(dx.code):
            yield "UB-04 FL 72", "abc"[i] if i < 3 else str(i + 1), dx.code


@rule("ub04.diagnosis-code", "ub04", "UB-04 FL 67-72", "error", "{where}: {detail}")
def ub04_diagnosis_code(claim, ctx):
    on = date_of_service(claim)
    for locator, at, code in _institutional_codes(claim):
        for f in diagnosis_errors(ctx, code, on):
            where = f"{locator[6:]}{at or ''}"
            yield hit(at, f.code or code.strip(), locator, where=where, detail=f.message)


@rule(
    "ub04.other-too-many",
    "ub04",
    "UB-04 FL 67A-Q",
    "error",
    "{count} other diagnoses are listed: the 837I carries 24 (the paper form 17); keep those that "
    "affect the stay.",
)
def ub04_other_too_many(claim, ctx):
    if len(claim.other_diagnoses) > MAX_OTHER_DIAGNOSES:
        yield hit(count=len(claim.other_diagnoses))


@rule(
    "ub04.diagnosis-duplicate",
    "ub04",
    "UB-04 FL 67",
    "error",
    "{code} is reported twice among the diagnoses ({first} and {again}): report each code once.",
)
def ub04_diagnosis_duplicate(claim, ctx):
    seen: dict[str, str] = {}
    entries = [("", claim.principal_diagnosis)] if claim.principal_diagnosis else []
    entries += [(letter(i), dx) for i, dx in enumerate(claim.other_diagnoses)]
    for at, dx in entries:
        key = normalize(dx.code)
        if not key:
            continue
        name = f"67{at}" if at else "67 (principal)"
        if key in seen:
            yield hit(at or None, text(dx.code), code=text(dx.code), first=seen[key], again=name)
        else:
            seen[key] = name


@rule(
    "ub04.admitting-required",
    "ub04",
    "UB-04 FL 69",
    "error",
    "FL 69 is blank on an inpatient bill: enter the admitting diagnosis, the condition the patient was "
    "admitted for as known at admission.",
)
def ub04_admitting_required(claim, ctx):
    if claim.is_inpatient and blank(claim.admitting_diagnosis):
        yield hit()


def _poa_entries(claim):
    if claim.principal_diagnosis and not blank(claim.principal_diagnosis.code):
        yield "UB-04 FL 67", None, claim.principal_diagnosis
    for i, dx in enumerate(claim.other_diagnoses):
        if not blank(dx.code):
            yield "UB-04 FL 67", letter(i), dx
    for i, dx in enumerate(claim.external_cause_diagnoses):
        if not blank(dx.code):
            yield "UB-04 FL 72", "abc"[i] if i < 3 else str(i + 1), dx


@rule(
    "ub04.poa-value",
    "ub04",
    "UB-04 FL 67 POA",
    "error",
    "POA {value!r} for {code} is not a POA indicator: use Y (present on admission), N (not present), "
    "U (documentation insufficient), W (clinically undetermined), or leave it blank for a POA-exempt code "
    "(1 is no longer used).",
)
def ub04_poa_value(claim, ctx):
    for locator, at, dx in _poa_entries(claim):
        if not blank(dx.poa) and text(dx.poa).upper() not in POA_VALUES:
            yield hit(at, text(dx.code), locator, value=text(dx.poa))


@rule(
    "ub04.poa-missing",
    "ub04",
    "UB-04 FL 67 POA",
    "warning",
    "POA is blank for {code} on an inpatient bill: report Y, N, U or W; leave it blank only when the "
    "code is on CMS's POA-exempt list.",
)
def ub04_poa_missing(claim, ctx):
    if not claim.is_inpatient:
        return
    for locator, at, dx in _poa_entries(claim):
        if blank(dx.poa):
            yield hit(at, text(dx.code), locator)


@rule(
    "ub04.reason-for-visit-required",
    "ub04",
    "UB-04 FL 70",
    "error",
    "FL 70 is blank on an unscheduled outpatient visit (FL 14 type {visit}): enter the patient's "
    "reason for visit as the patient described it on arrival.",
)
def ub04_reason_for_visit_required(claim, ctx):
    tob = text(claim.type_of_bill).rjust(4, "0")
    visit = text(claim.admission_type)
    outpatient = tob[1:3] in {"13", "85"}
    if (
        outpatient
        and visit in UNSCHEDULED_VISIT_TYPES
        and not any(not blank(c) for c in claim.reasons_for_visit)
    ):
        yield hit(visit=visit)


@rule(
    "ub04.reason-for-visit-too-many",
    "ub04",
    "UB-04 FL 70",
    "error",
    "{count} reasons for visit are listed: FL 70 holds three (a-c).",
)
def ub04_reason_for_visit_too_many(claim, ctx):
    if len(claim.reasons_for_visit) > MAX_REASONS_FOR_VISIT:
        yield hit(count=len(claim.reasons_for_visit))


@rule(
    "ub04.external-cause-too-many",
    "ub04",
    "UB-04 FL 72",
    "error",
    "{count} external cause codes are listed: the 837I carries 12 (the paper form three).",
)
def ub04_external_cause_too_many(claim, ctx):
    if len(claim.external_cause_diagnoses) > MAX_EXTERNAL_CAUSES:
        yield hit(count=len(claim.external_cause_diagnoses))
