"""NCCI edits on the lines of one claim: procedure-to-procedure pairs and medically unlikely units.

Authority: CMS NCCI Policy Manual for Medicare Services, Introduction and ch. I sec. E (modifier
indicators 0, 1, 9 and the NCCI-associated modifiers), and the MUE adjudication indicators (1 claim
line, 2 and 3 date of service). The practitioner tables check CMS-1500 claims; outpatient UB-04
claims are checked only when hospital tables are loaded (``setting="hospital"``). Every finding
names the table used.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from functools import cache

from autograder.claims.models import ProfessionalClaim, claim_date
from autograder.claims.ncci import NcciTables, sample_tables
from autograder.claims.rules.base import blank, date_of_service, hit, line_at, rule
from autograder.claims.rules.codesets import code_set
from autograder.codes.normalize import normalize

LOCATOR = "CMS-1500 24D / UB-04 FL 44"
MAI_TEXT = {  # what each MUE adjudication indicator means for the units above the MUE
    "1": "a claim line edit: the line's units above the MUE are denied; when more were truly given, report "
    "them on another line with the modifier that explains it (such as 76, 91 or an anatomic modifier)",
    "2": "a date of service edit set by policy: units above it on one day are not paid",
    "3": "a date of service edit set on clinical grounds: units above it on one day are denied, and only "
    "records showing the extra units were needed can win them on appeal",
}


@cache
def ncci_associated_modifiers() -> frozenset[str]:
    """Modifiers that may bypass a PTP edit with indicator 1 (NCCI Policy Manual ch. I sec. E), from
    the shared modifier table."""
    return frozenset(m.code for m in code_set("modifiers").ncci_modifiers())


def _tables(ctx) -> NcciTables:
    return ctx.ncci if ctx.ncci is not None else sample_tables()


def _lines(claim, ctx):
    """(index, code, modifiers, date, units) of each coded line the loaded tables apply to."""
    tables = _tables(ctx)
    if isinstance(claim, ProfessionalClaim):
        if tables.setting != "practitioner":
            return []
        rows = [
            (line.procedure_code, line.modifiers, claim_date(line.service_from), line.units)
            for line in claim.service_lines
        ]
    else:
        tob = (claim.type_of_bill or "").strip().rjust(4, "0")
        if tables.setting != "hospital" or tob[2:3] not in {"3", "4"}:
            return []
        fallback = date_of_service(claim)
        rows = [
            (line.hcpcs, line.modifiers, claim_date(line.service_date) or fallback, line.units)
            for line in claim.revenue_lines
        ]
    return [
        (i, normalize(code), {normalize(m) for m in mods}, when, units)
        for i, (code, mods, when, units) in enumerate(rows)
        if not blank(code) and when is not None
    ]


def _pair_hits(claim, ctx, indicator: str):
    tables = _tables(ctx)
    by_date = defaultdict(list)
    for line in _lines(claim, ctx):
        by_date[line[3]].append(line)
    for when, lines in by_date.items():
        codes = {line[1] for line in lines}
        for edit in tables.pairs_for(codes):
            if edit.modifier_indicator != indicator or not edit.in_effect(when):
                continue
            first = [ln for ln in lines if ln[1] == edit.column1]
            second = [ln for ln in lines if ln[1] == edit.column2]
            for ln in second:
                bypassed = (ln[2] | set().union(*(f[2] for f in first))) & ncci_associated_modifiers()
                if indicator == "1" and bypassed:
                    continue
                yield hit(
                    line_at(ln[0]),
                    edit.column2,
                    column1=edit.column1,
                    column2=edit.column2,
                    when=when.isoformat(),
                    rationale=edit.rationale or "no rationale given",
                    table=tables.label,
                )


@rule(
    "ncci.ptp-not-allowed",
    "both",
    LOCATOR,
    "error",
    "NCCI: {column2} is a column 2 code of {column1} on {when} with modifier indicator 0 ({rationale}); "
    "no modifier lets both be paid, so drop {column2}. Checked against {table}.",
)
def ptp_not_allowed(claim, ctx):
    return _pair_hits(claim, ctx, "0")


@rule(
    "ncci.ptp-modifier-needed",
    "both",
    LOCATOR,
    "error",
    "NCCI: {column2} is a column 2 code of {column1} on {when} ({rationale}); it is paid only when the "
    "services were distinct and an NCCI-associated modifier (59, XE, XS, XP, XU, an anatomic modifier "
    "...) says so; otherwise drop {column2}. Checked against {table}.",
)
def ptp_modifier_needed(claim, ctx):
    return _pair_hits(claim, ctx, "1")


@rule(
    "ncci.mue-units",
    "both",
    LOCATOR,
    "error",
    "NCCI MUE: {units} units of {code} {scope}, above the MUE of {value}. Its adjudication indicator {mai} "
    "makes it {mai_text}. Check the units against the record. Checked against {table}.",
)
def mue_units(claim, ctx):
    tables = _tables(ctx)
    per_day: dict[tuple, Decimal] = defaultdict(Decimal)
    first_line: dict[tuple, int] = {}
    for i, code, _mods, when, units in _lines(claim, ctx):
        edit = tables.mue.get(code)
        if edit is None or units is None:
            continue
        if edit.per_day:
            per_day[(code, when)] += units
            first_line.setdefault((code, when), i)
        elif units > edit.value:
            yield hit(
                line_at(i),
                code,
                code=code,
                units=units,
                scope="on one line",
                value=edit.value,
                mai=edit.mai,
                mai_text=MAI_TEXT["1"],
                table=tables.label,
            )
    for (code, when), units in per_day.items():
        edit = tables.mue[code]
        if units > edit.value:
            yield hit(
                line_at(first_line[(code, when)]),
                code,
                code=code,
                units=units,
                scope=f"on {when.isoformat()}",
                value=edit.value,
                mai=edit.mai,
                mai_text=MAI_TEXT[edit.mai],
                table=tables.label,
            )
