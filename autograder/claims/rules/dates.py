"""Date rules: real dates, nothing in the future, from before to, services inside the statement
period, birth before service, date spans against units.

Authorities: NUCC 1500 manual items 3, 14-16, 18, 24A, 24G, 31; NUBC UB-04 FL 6, 10, 12, 45, 74;
CMS Pub 100-04 ch. 3 sec. 20.1 (the day of discharge is not counted as an inpatient day, unless
admission and discharge fall on the same day). "Today" comes from the rule context (injectable).
"""

from __future__ import annotations

from datetime import date

from autograder.claims.models import InstitutionalClaim, ProfessionalClaim, claim_date
from autograder.claims.rules.base import blank, hit, line_at, rule, text

ACCOMMODATION_PREFIXES = tuple(f"0{n}" for n in range(10, 22))  # revenue codes 010x-021x: room and board


def _professional_dates(claim: ProfessionalClaim):
    """(locator, at, raw text) for every date a CMS-1500 carries."""
    if claim.patient:
        yield "CMS-1500 3", None, claim.patient.birth_date
    if claim.insured:
        yield "CMS-1500 11a", None, claim.insured.birth_date
    yield "CMS-1500 14", None, claim.current_illness_date
    yield "CMS-1500 15", None, claim.other_date
    yield "CMS-1500 16", "from", claim.unable_to_work_from
    yield "CMS-1500 16", "to", claim.unable_to_work_to
    yield "CMS-1500 18", "from", claim.hospitalization_from
    yield "CMS-1500 18", "to", claim.hospitalization_to
    for i, line in enumerate(claim.service_lines):
        yield "CMS-1500 24A", f"{line_at(i)} from", line.service_from
        yield "CMS-1500 24A", f"{line_at(i)} to", line.service_to
    yield "CMS-1500 31", None, claim.physician_signature_date


def _institutional_dates(claim: InstitutionalClaim):
    yield "UB-04 FL 6", "from", claim.statement_from
    yield "UB-04 FL 6", "through", claim.statement_through
    if claim.patient:
        yield "UB-04 FL 10", None, claim.patient.birth_date
    yield "UB-04 FL 12", None, claim.admission_date
    for i, occ in enumerate(claim.occurrence_codes):
        yield "UB-04 FL 31-34", f"entry {i + 1}", occ.date
    for i, span in enumerate(claim.occurrence_spans):
        yield "UB-04 FL 35-36", f"entry {i + 1} from", span.from_date
        yield "UB-04 FL 35-36", f"entry {i + 1} through", span.through_date
    for i, line in enumerate(claim.revenue_lines):
        yield "UB-04 FL 45", line_at(i), line.service_date
    if claim.principal_procedure:
        yield "UB-04 FL 74", None, claim.principal_procedure.date
    for i, proc in enumerate(claim.other_procedures):
        yield "UB-04 FL 74", chr(ord("a") + i) if i < 26 else str(i + 1), proc.date


INVALID = "{value!r} is not a real calendar date: write it as YYYY-MM-DD (for example 2026-03-15)."


def _invalid(dates):
    for locator, at, raw in dates:
        if not blank(raw) and claim_date(raw) is None:
            yield hit(at, text(raw), locator, value=text(raw))


@rule("cms1500.date-invalid", "cms1500", "CMS-1500 dates", "error", INVALID)
def cms1500_date_invalid(claim, ctx):
    return _invalid(_professional_dates(claim))


@rule("ub04.date-invalid", "ub04", "UB-04 dates", "error", INVALID)
def ub04_date_invalid(claim, ctx):
    return _invalid(_institutional_dates(claim))


FUTURE = "{value} is after today ({today}): a claim reports what already happened; check the year."


def _future(dates, today: date, skip: set[str]):
    for locator, at, raw in dates:
        if locator in skip:
            continue
        d = claim_date(raw)
        if d is not None and d > today:
            yield hit(at, None, locator, value=d.isoformat(), today=today.isoformat())


@rule("cms1500.date-future", "cms1500", "CMS-1500 dates", "error", FUTURE)
def cms1500_date_future(claim, ctx):
    # item 16 "to" may be the expected return-to-work date
    return _future(_professional_dates(claim), ctx.today, {"CMS-1500 16"})


@rule("ub04.date-future", "ub04", "UB-04 dates", "error", FUTURE)
def ub04_date_future(claim, ctx):
    return _future(_institutional_dates(claim), ctx.today, set())


ORDER = "The from date {start} is after the to date {end}: swap them or correct the one mistyped."


@rule("cms1500.dates-order", "cms1500", "CMS-1500 16/18/24A", "error", ORDER)
def cms1500_dates_order(claim, ctx):
    pairs = [
        ("CMS-1500 16", None, claim.unable_to_work_from, claim.unable_to_work_to),
        ("CMS-1500 18", None, claim.hospitalization_from, claim.hospitalization_to),
    ]
    pairs += [
        ("CMS-1500 24A", line_at(i), line.service_from, line.service_to)
        for i, line in enumerate(claim.service_lines)
    ]
    for locator, at, start_raw, end_raw in pairs:
        start, end = claim_date(start_raw), claim_date(end_raw)
        if start and end and start > end:
            yield hit(at, None, locator, start=start.isoformat(), end=end.isoformat())


@rule("ub04.dates-order", "ub04", "UB-04 FL 6/35-36", "error", ORDER)
def ub04_dates_order(claim, ctx):
    pairs = [("UB-04 FL 6", None, claim.statement_from, claim.statement_through)]
    pairs += [
        ("UB-04 FL 35-36", f"entry {i + 1}", s.from_date, s.through_date)
        for i, s in enumerate(claim.occurrence_spans)
    ]
    for locator, at, start_raw, end_raw in pairs:
        start, end = claim_date(start_raw), claim_date(end_raw)
        if start and end and start > end:
            yield hit(at, None, locator, start=start.isoformat(), end=end.isoformat())


@rule(
    "cms1500.service-date-required",
    "cms1500",
    "CMS-1500 24A",
    "error",
    "24A has no from date: enter the date of service for this line.",
)
def cms1500_service_date_required(claim, ctx):
    for i, line in enumerate(claim.service_lines):
        if blank(line.service_from):
            yield hit(line_at(i))


@rule(
    "cms1500.birth-after-service",
    "cms1500",
    "CMS-1500 3",
    "error",
    "The birth date {birth} is after the date of service {service}: check the birth date in item 3.",
)
def cms1500_birth_after_service(claim, ctx):
    birth = claim_date(claim.patient.birth_date) if claim.patient else None
    if birth is None:
        return
    for i, line in enumerate(claim.service_lines):
        start = claim_date(line.service_from)
        if start and start < birth:
            yield hit(line_at(i), birth=birth.isoformat(), service=start.isoformat())


@rule(
    "cms1500.onset-after-service",
    "cms1500",
    "CMS-1500 14",
    "warning",
    "Item 14 date {onset} is after the first date of service {service}: the onset of the illness or "
    "injury comes on or before the visit for it.",
)
def cms1500_onset_after_service(claim, ctx):
    onset = claim_date(claim.current_illness_date)
    dates = [d for line in claim.service_lines if (d := claim_date(line.service_from))]
    if onset and dates and onset > min(dates):
        yield hit(onset=onset.isoformat(), service=min(dates).isoformat())


@rule(
    "cms1500.span-units",
    "cms1500",
    "CMS-1500 24A/24G",
    "warning",
    "24A spans {days} days ({start} to {end}) but 24G has {units} units: a span of dates for a daily "
    "service needs one unit per day, or report each date on its own line.",
)
def cms1500_span_units(claim, ctx):
    for i, line in enumerate(claim.service_lines):
        start, end = claim_date(line.service_from), claim_date(line.service_to)
        if not (start and end and end > start) or line.units is None:
            continue
        days = (end - start).days + 1
        if line.units < days:
            yield hit(line_at(i), days=days, start=start.isoformat(), end=end.isoformat(), units=line.units)


@rule(
    "ub04.statement-required",
    "ub04",
    "UB-04 FL 6",
    "error",
    "FL 6 needs both statement dates (from and through): the period this bill covers.",
)
def ub04_statement_required(claim, ctx):
    if blank(claim.statement_from) or blank(claim.statement_through):
        yield hit()


@rule(
    "ub04.service-outside-statement",
    "ub04",
    "UB-04 FL 45",
    "error",
    "Service date {service} is outside the statement period {start} to {end} (FL 6): bill it on the "
    "claim for the period it falls in, or correct the date.",
)
def ub04_service_outside_statement(claim, ctx):
    start, end = claim_date(claim.statement_from), claim_date(claim.statement_through)
    if not (start and end):
        return
    for i, line in enumerate(claim.revenue_lines):
        served = claim_date(line.service_date)
        if served and not start <= served <= end:
            yield hit(line_at(i), service=served.isoformat(), start=start.isoformat(), end=end.isoformat())


@rule(
    "ub04.admission-date-required",
    "ub04",
    "UB-04 FL 12",
    "error",
    "FL 12 is blank on an inpatient bill: enter the date the patient was admitted.",
)
def ub04_admission_date_required(claim, ctx):
    if claim.is_inpatient and blank(claim.admission_date):
        yield hit()


@rule(
    "ub04.admission-after-statement",
    "ub04",
    "UB-04 FL 12",
    "error",
    "The admission date {admitted} is after the statement from date {start}: the stay cannot start "
    "after the period billed begins.",
)
def ub04_admission_after_statement(claim, ctx):
    admitted, start = claim_date(claim.admission_date), claim_date(claim.statement_from)
    if claim.is_inpatient and admitted and start and admitted > start:
        yield hit(admitted=admitted.isoformat(), start=start.isoformat())


@rule(
    "ub04.birth-after-admission",
    "ub04",
    "UB-04 FL 10",
    "error",
    "The birth date {birth} is after the {what} {when}: check the patient's birth date in FL 10.",
)
def ub04_birth_after_admission(claim, ctx):
    birth = claim_date(claim.patient.birth_date) if claim.patient else None
    if birth is None:
        return
    admitted = claim_date(claim.admission_date)
    start = claim_date(claim.statement_from)
    if admitted and birth > admitted:
        yield hit(birth=birth.isoformat(), what="admission date", when=admitted.isoformat())
    elif start and birth > start:
        yield hit(birth=birth.isoformat(), what="statement from date", when=start.isoformat())


def _stay(claim: InstitutionalClaim) -> tuple[date | None, date | None]:
    return claim_date(claim.admission_date) or claim_date(claim.statement_from), claim_date(
        claim.statement_through
    )


@rule(
    "ub04.procedure-date-outside-stay",
    "ub04",
    "UB-04 FL 74",
    "error",
    "Procedure {code} is dated {when}, outside the stay {start} to {end}: a procedure billed on this "
    "claim is done during it; correct the date.",
)
def ub04_procedure_date_outside_stay(claim, ctx):
    start, end = _stay(claim)
    if not (start and end):
        return
    procedures = [(None, claim.principal_procedure)] if claim.principal_procedure else []
    procedures += [
        (chr(ord("a") + i) if i < 26 else str(i + 1), p) for i, p in enumerate(claim.other_procedures)
    ]
    for at, proc in procedures:
        when = claim_date(proc.date)
        if when and not start <= when <= end:
            yield hit(
                at,
                text(proc.code),
                code=text(proc.code),
                when=when.isoformat(),
                start=start.isoformat(),
                end=end.isoformat(),
            )


@rule(
    "ub04.procedure-date-required",
    "ub04",
    "UB-04 FL 74",
    "error",
    "Procedure {code} has no date: FL 74 reports each ICD-10-PCS code with the date it was done.",
)
def ub04_procedure_date_required(claim, ctx):
    procedures = [(None, claim.principal_procedure)] if claim.principal_procedure else []
    procedures += [
        (chr(ord("a") + i) if i < 26 else str(i + 1), p) for i, p in enumerate(claim.other_procedures)
    ]
    for at, proc in procedures:
        if not blank(proc.code) and blank(proc.date):
            yield hit(at, text(proc.code), code=text(proc.code))


def _covered_days(claim: InstitutionalClaim) -> int | None:
    start, end = claim_date(claim.statement_from), claim_date(claim.statement_through)
    if not (start and end) or end < start:
        return None
    days = (end - start).days
    still_patient = text(claim.patient_discharge_status) == "30"
    return days + 1 if still_patient or days == 0 else days


@rule(
    "ub04.accommodation-days",
    "ub04",
    "UB-04 FL 46",
    "warning",
    "Room and board lines (revenue codes 010x-021x) carry {units} units but the stay {start} to {end} is "
    "{days} days (the day of discharge is not counted unless the patient is still in, status 30): "
    "units of room and board are days.",
)
def ub04_accommodation_days(claim, ctx):
    if not claim.is_inpatient:
        return
    lines = [
        line for line in claim.revenue_lines if text(line.revenue_code).startswith(ACCOMMODATION_PREFIXES)
    ]
    days = _covered_days(claim)
    if not lines or days is None or any(line.units is None for line in lines):
        return
    units = sum(line.units for line in lines)
    if units != days:
        start, end = claim_date(claim.statement_from), claim_date(claim.statement_through)
        yield hit(units=units, days=days, start=start.isoformat(), end=end.isoformat())
