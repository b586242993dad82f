"""CMS-1500 item 24 rules: place of service, CPT/HCPCS and modifiers, diagnosis pointers, units,
charges and the total in item 28.

Authorities: NUCC 1500 manual items 24A-24J, 28, 29; 837P 2400 SV1 (SV101 procedure and up to four
modifiers, SV102 charge, SV104 units, SV105 place of service, SV107 up to four diagnosis pointers);
CMS Place of Service code set; CMS Pub 100-04 ch. 26 sec. 10.2-10.4.
"""

from __future__ import annotations

from decimal import Decimal

from autograder.claims.models import (
    MAX_ITEM21_DIAGNOSES,
    MAX_LINE_MODIFIERS,
    MAX_LINE_POINTERS,
    MAX_PROFESSIONAL_LINES,
)
from autograder.claims.models import claim_date as _date
from autograder.claims.rules.base import LETTERS, blank, date_of_service, hit, line_at, money, rule, text
from autograder.claims.rules.codesets import code_findings, procedure_system
from autograder.codes.normalize import normalize

ITEM21_LETTERS = LETTERS[:MAX_ITEM21_DIAGNOSES]


def _line_date(claim, line):
    return _date(line.service_from) or date_of_service(claim)


@rule(
    "cms1500.lines-required",
    "cms1500",
    "CMS-1500 24",
    "error",
    "Item 24 has no service lines: a claim bills at least one service (date, place, code, charge, units).",
)
def cms1500_lines_required(claim, ctx):
    if not claim.service_lines:
        yield hit()


@rule(
    "cms1500.lines-too-many",
    "cms1500",
    "CMS-1500 24",
    "error",
    "{count} service lines: one 837P claim carries at most 50 (6 per paper page); split the services "
    "into more claims.",
)
def cms1500_lines_too_many(claim, ctx):
    if len(claim.service_lines) > MAX_PROFESSIONAL_LINES:
        yield hit(count=len(claim.service_lines))


@rule(
    "cms1500.pos-required",
    "cms1500",
    "CMS-1500 24B",
    "error",
    "24B is blank: enter the 2-digit place of service code (for example 11 for an office).",
)
def cms1500_pos_required(claim, ctx):
    for i, line in enumerate(claim.service_lines):
        if blank(line.place_of_service):
            yield hit(line_at(i))


@rule("cms1500.pos-code", "cms1500", "CMS-1500 24B", "error", "24B: {detail}")
def cms1500_pos_code(claim, ctx):
    for i, line in enumerate(claim.service_lines):
        if blank(line.place_of_service):
            continue
        for f in code_findings(ctx, "pos", line.place_of_service, _line_date(claim, line)):
            if f.severity == "error":
                yield hit(line_at(i), text(line.place_of_service), detail=f.message)


@rule(
    "cms1500.procedure-required",
    "cms1500",
    "CMS-1500 24D",
    "error",
    "24D is blank: enter the CPT or HCPCS code for the service on this line.",
)
def cms1500_procedure_required(claim, ctx):
    for i, line in enumerate(claim.service_lines):
        if blank(line.procedure_code):
            yield hit(line_at(i))


PROCEDURE_FORMAT = (
    "{code!r} is not shaped like a CPT code (5 digits, or 4 digits and a letter such as F, T, U or M) or a "
    "HCPCS Level II code (a letter and 4 digits); ICD-10-PCS codes go on the UB-04 only."
)


def _procedure_format(code):
    return not blank(code) and procedure_system(code) is None


@rule("cms1500.procedure-format", "cms1500", "CMS-1500 24D / 837P SV101-2", "error", PROCEDURE_FORMAT)
def cms1500_procedure_format(claim, ctx):
    for i, line in enumerate(claim.service_lines):
        if _procedure_format(line.procedure_code):
            yield hit(line_at(i), text(line.procedure_code), code=text(line.procedure_code))


def _procedure_code_hits(claim, ctx, lines, code_of, date_of):
    for i, line in enumerate(lines):
        code = code_of(line)
        if blank(code) or (system := procedure_system(code)) is None:
            continue
        for f in code_findings(ctx, system, code, date_of(line)):
            if f.severity == "error":
                yield hit(line_at(i), text(code), detail=f.message)


@rule("cms1500.procedure-code", "cms1500", "CMS-1500 24D", "error", "24D: {detail}")
def cms1500_procedure_code(claim, ctx):
    return _procedure_code_hits(
        claim,
        ctx,
        claim.service_lines,
        lambda line: line.procedure_code,
        lambda line: _line_date(claim, line),
    )


MODIFIERS_TOO_MANY = (
    "{count} modifiers on one line: the claim carries four; keep the four that matter for payment."
)
MODIFIER_DUPLICATE = "Modifier {code} is entered twice on this line: enter each modifier once."


def _too_many_modifiers(lines):
    for i, line in enumerate(lines):
        if len(line.modifiers) > MAX_LINE_MODIFIERS:
            yield hit(line_at(i), count=len(line.modifiers))


def _duplicate_modifiers(lines):
    for i, line in enumerate(lines):
        seen = set()
        for mod in line.modifiers:
            key = normalize(mod)
            if key in seen:
                yield hit(line_at(i), key)
            seen.add(key)


def _modifier_code_hits(ctx, lines, date_of):
    """Every modifier finding is an error on a claim: a modifier the payer does not know is rejected.
    ``date_of(line)`` is the line's date of service (it picks the installed HCPCS file)."""
    for i, line in enumerate(lines):
        for mod in line.modifiers:
            for f in code_findings(ctx, "modifiers", mod, date_of(line)):
                yield hit(line_at(i), text(mod), detail=f.message)


@rule("cms1500.modifier-too-many", "cms1500", "CMS-1500 24D", "error", MODIFIERS_TOO_MANY)
def cms1500_modifier_too_many(claim, ctx):
    return _too_many_modifiers(claim.service_lines)


@rule("cms1500.modifier-duplicate", "cms1500", "CMS-1500 24D", "error", MODIFIER_DUPLICATE)
def cms1500_modifier_duplicate(claim, ctx):
    return _duplicate_modifiers(claim.service_lines)


@rule("cms1500.modifier-code", "cms1500", "CMS-1500 24D", "error", "24D modifier: {detail}")
def cms1500_modifier_code(claim, ctx):
    return _modifier_code_hits(ctx, claim.service_lines, lambda line: _line_date(claim, line))


@rule(
    "cms1500.pointer-required",
    "cms1500",
    "CMS-1500 24E / 837P SV107",
    "error",
    "24E is blank: point to the item 21 letter(s) (A-L) of the diagnosis this service treated.",
)
def cms1500_pointer_required(claim, ctx):
    for i, line in enumerate(claim.service_lines):
        if not line.diagnosis_pointers:
            yield hit(line_at(i))


@rule(
    "cms1500.pointer-letter",
    "cms1500",
    "CMS-1500 24E / 837P SV107",
    "error",
    "24E pointer {value!r} is not a letter A-L: enter the item 21 letters, not the codes or numbers.",
)
def cms1500_pointer_letter(claim, ctx):
    for i, line in enumerate(claim.service_lines):
        for p in line.diagnosis_pointers:
            if text(p).upper() not in ITEM21_LETTERS or not text(p):
                yield hit(line_at(i), value=p)


@rule(
    "cms1500.pointer-unfilled",
    "cms1500",
    "CMS-1500 24E / 837P SV107",
    "error",
    "24E points to {value}, but item 21 {value} is empty: point only to letters that hold a diagnosis.",
)
def cms1500_pointer_unfilled(claim, ctx):
    filled = {LETTERS[i] for i, code in enumerate(claim.diagnoses[:MAX_ITEM21_DIAGNOSES]) if not blank(code)}
    for i, line in enumerate(claim.service_lines):
        for p in line.diagnosis_pointers:
            value = text(p).upper()
            if value in ITEM21_LETTERS and value not in filled:
                yield hit(line_at(i), value=value)


@rule(
    "cms1500.pointer-too-many",
    "cms1500",
    "CMS-1500 24E / 837P SV107",
    "error",
    "24E has {count} pointers: a line points to at most four diagnoses, the primary one first.",
)
def cms1500_pointer_too_many(claim, ctx):
    for i, line in enumerate(claim.service_lines):
        if len(line.diagnosis_pointers) > MAX_LINE_POINTERS:
            yield hit(line_at(i), count=len(line.diagnosis_pointers))


@rule(
    "cms1500.pointer-duplicate",
    "cms1500",
    "CMS-1500 24E / 837P SV107",
    "error",
    "24E repeats pointer {value}: point to each diagnosis once.",
)
def cms1500_pointer_duplicate(claim, ctx):
    for i, line in enumerate(claim.service_lines):
        seen = set()
        for p in line.diagnosis_pointers:
            value = text(p).upper()
            if value in seen:
                yield hit(line_at(i), value=value)
            seen.add(value)


UNITS = "Units are {value}: enter 1 or more (days, visits, or the units the code's descriptor counts)."


def _bad_units(lines):
    for i, line in enumerate(lines):
        if line.units is None or line.units < 1:
            yield hit(line_at(i), value="blank" if line.units is None else line.units)


@rule("cms1500.units", "cms1500", "CMS-1500 24G / 837P SV104", "error", UNITS)
def cms1500_units(claim, ctx):
    return _bad_units(claim.service_lines)


CHARGE_REQUIRED = "The line charge is blank: enter the charge for this line (units times the unit price)."
CHARGE_NEGATIVE = (
    "The line charge {value} is below zero: a charge is zero or more; adjustments are not billed here."
)


def _charge_missing(lines, field):
    for i, line in enumerate(lines):
        if getattr(line, field) is None:
            yield hit(line_at(i))


def _charge_negative(lines, field):
    for i, line in enumerate(lines):
        value = getattr(line, field)
        if value is not None and value < 0:
            yield hit(line_at(i), value=money(value))


@rule("cms1500.charge-required", "cms1500", "CMS-1500 24F / 837P SV102", "error", CHARGE_REQUIRED)
def cms1500_charge_required(claim, ctx):
    return _charge_missing(claim.service_lines, "charges")


@rule("cms1500.charge-negative", "cms1500", "CMS-1500 24F / 837P SV102", "error", CHARGE_NEGATIVE)
def cms1500_charge_negative(claim, ctx):
    return _charge_negative(claim.service_lines, "charges")


@rule(
    "cms1500.total-charge",
    "cms1500",
    "CMS-1500 28 / 837P CLM02",
    "error",
    "Item 28 is {total} but the 24F charges add up to {sum}: item 28 is the sum of the line charges.",
)
def cms1500_total_charge(claim, ctx):
    charges = [line.charges for line in claim.service_lines]
    if not charges or any(c is None for c in charges):
        return
    total = sum(charges, Decimal(0))
    if claim.total_charge is None or claim.total_charge != total:
        yield hit(total=money(claim.total_charge), sum=money(total))


@rule(
    "cms1500.amount-paid",
    "cms1500",
    "CMS-1500 29",
    "warning",
    "Item 29 ({paid}) is more than the total charge in item 28 ({total}): item 29 is what the patient or "
    "another payer already paid toward these charges.",
)
def cms1500_amount_paid(claim, ctx):
    if (
        claim.amount_paid is not None
        and claim.total_charge is not None
        and claim.amount_paid > claim.total_charge
    ):
        yield hit(paid=money(claim.amount_paid), total=money(claim.total_charge))


@rule(
    "cms1500.outside-lab-charges",
    "cms1500",
    "CMS-1500 20",
    "error",
    "Item 20 says YES (an outside lab did the test) but has no charges: enter what the lab charged.",
)
def cms1500_outside_lab_charges(claim, ctx):
    if claim.outside_lab and claim.outside_lab_charges is None:
        yield hit()


@rule(
    "cms1500.ndc-format",
    "cms1500",
    "CMS-1500 24 shaded / 837P LIN03",
    "error",
    "NDC {value!r} is not 11 digits: write it in the 5-4-2 form, padding the short part with a leading "
    "zero and dropping the hyphens.",
)
def cms1500_ndc_format(claim, ctx):
    for i, line in enumerate(claim.service_lines):
        value = text(line.ndc)
        if value and not (len(value) == 11 and value.isdigit()):
            yield hit(line_at(i), value, value=value)
