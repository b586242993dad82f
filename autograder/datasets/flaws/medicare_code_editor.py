"""Flaws on inpatient UB-04 claims that the Medicare Code Editor catches (CMS Definitions of Medicare
Code Edits v43), often alongside the coding-convention rule for the same mistake."""

from __future__ import annotations

from autograder.datasets.flaws import INPATIENT, flaw
from autograder.datasets.flaws import edits as e


def _adult(claim: dict) -> bool:
    return e.day(claim["statement_from"]).year - e.day(claim["patient"]["birth_date"]).year >= 19


def _swap_into_principal(claim: dict, test) -> bool:
    """Move the first other diagnosis that passes ``test`` into FL 67 and the principal into FL 67A."""
    others = claim["other_diagnoses"]
    index = next((i for i, dx in enumerate(others) if test(dx["code"])), None)
    if index is None:
        return False
    moved = others.pop(index)
    others.insert(0, claim["principal_diagnosis"])
    claim["principal_diagnosis"] = moved
    return True


@flaw(
    "mce-manifestation-principal",
    INPATIENT,
    ("conventions.manifestation-first", "conventions.code-first", "mce.manifestation-pdx"),
    "Dementia in Alzheimer's disease is sequenced with the manifestation code F02.80 as principal "
    "diagnosis; the underlying disease (G30.9) must be principal.",
)
def _(claim, ctx):
    old = claim["principal_diagnosis"]
    claim["principal_diagnosis"] = e.entry("F02.80", "Y")
    claim["other_diagnoses"] = [e.entry("G30.9", "Y"), old, *claim["other_diagnoses"]]
    return True


@flaw(
    "mce-external-cause-principal",
    INPATIENT,
    ("conventions.external-cause-first", "mce.external-cause-pdx"),
    "The fall that led to admission (W19.XXXA) is reported as principal diagnosis.",
)
def _(claim, ctx):
    old = claim["principal_diagnosis"]
    claim["principal_diagnosis"] = e.entry("W19.XXXA", "Y")
    claim["other_diagnoses"] = [old, *claim["other_diagnoses"]]
    return True


@flaw(
    "mce-secondary-repeats-principal",
    INPATIENT,
    ("ub04.diagnosis-duplicate", "mce.duplicate-of-pdx"),
    "The principal diagnosis is repeated as a secondary diagnosis.",
)
def _(claim, ctx):
    claim["other_diagnoses"].append(dict(claim["principal_diagnosis"]))
    return True


@flaw(
    "mce-secondary-not-billable",
    INPATIENT,
    ("ub04.diagnosis-code", "mce.invalid-code"),
    "A secondary diagnosis is reported as subcategory E11.6, a heading, not a complete code.",
)
def _(claim, ctx):
    claim["other_diagnoses"].append(e.entry("E11.6", "Y"))
    return True


@flaw(
    "mce-admitting-heading",
    INPATIENT,
    ("ub04.diagnosis-code", "mce.invalid-admitting-dx"),
    "The admitting diagnosis in FL 69 is R10.3, a subcategory heading.",
)
def _(claim, ctx):
    claim["admitting_diagnosis"] = "R10.3"
    return True


@flaw(
    "mce-procedure-invalid",
    INPATIENT,
    ("ub04.procedure-code", "mce.invalid-code"),
    "The principal ICD-10-PCS code has a 7th character its table does not allow.",
)
def _(claim, ctx):
    from autograder.codes import icd10pcs

    proc = claim.get("principal_procedure")
    if not proc:
        return False
    for last in "YXW":
        trial = proc["code"][:6] + last
        if icd10pcs.validate(trial):
            proc["code"] = trial
            return True
    return False


@flaw(
    "mce-cpt-in-fl74",
    INPATIENT,
    ("ub04.hcpcs-on-inpatient-procedure", "ub04.procedure-code", "mce.invalid-code"),
    "The surgeon's CPT code is reported in FL 74 instead of the ICD-10-PCS code.",
)
def _(claim, ctx):
    proc = claim.get("principal_procedure")
    cpt = next(
        (line.code for line in ctx.encounter.professional if line.code and line.code[0].isdigit()), None
    )
    if not proc or cpt is None:
        return False
    proc["code"] = cpt
    return True


@flaw(
    "mce-discharge-status-09",
    INPATIENT,
    "mce.invalid-discharge-status",
    "FL 17 is 09 (admitted as an inpatient), a status for outpatient bills, on an inpatient bill.",
)
def _(claim, ctx):
    claim["patient_discharge_status"] = "09"
    return True


@flaw(
    "mce-birth-year-1890",
    INPATIENT,
    "mce.invalid-age",
    "The birth year in FL 10 is 1890, giving an age over 124.",
)
def _(claim, ctx):
    if not _adult(claim):
        return False
    claim["patient"]["birth_date"] = "1890" + claim["patient"]["birth_date"][4:]
    return True


@flaw(
    "mce-child-exam-on-adult",
    INPATIENT,
    ("mce.age-conflict", "ub04.poa-missing"),
    "A routine child health examination code (Z00.129) appears on an adult's stay.",
)
def _(claim, ctx):
    if not _adult(claim):
        return False
    claim["other_diagnoses"].append(e.entry("Z00.129", None))
    return True


@flaw(
    "mce-status-code-principal",
    INPATIENT,
    "mce.unacceptable-pdx",
    "A status code (long-term drug use or history of nicotine dependence) is sequenced as principal.",
)
def _(claim, ctx):
    return _swap_into_principal(claim, lambda code: code.startswith(("Z79", "Z87")))


@flaw(
    "mce-diabetes-principal",
    INPATIENT,
    "mce.questionable-admission",
    "Uncomplicated type 2 diabetes (E11.9) is sequenced as principal instead of the condition that "
    "needed the admission.",
)
def _(claim, ctx):
    return _swap_into_principal(claim, lambda code: code == "E11.9")


@flaw(
    "mce-aftercare-alone",
    INPATIENT,
    "mce.requires-sdx",
    "The stay is coded only as other aftercare (Z51.89), with no code for the condition being cared for.",
)
def _(claim, ctx):
    claim["principal_diagnosis"] = e.entry("Z51.89", "Y")
    claim["other_diagnoses"] = []
    claim["external_cause_diagnoses"] = []
    return True


@flaw(
    "mce-wrong-procedure",
    INPATIENT,
    "mce.wrong-procedure",
    "Y65.51 (wrong procedure on the correct patient) is reported; Medicare does not pay for the surgery.",
)
def _(claim, ctx):
    if not claim.get("principal_procedure"):
        return False
    claim["external_cause_diagnoses"] = [
        *(claim.get("external_cause_diagnoses") or []),
        e.entry("Y65.51", "N"),
    ]
    return True


@flaw(
    "mce-non-covered-procedure",
    INPATIENT,
    "mce.non-covered",
    "An endoscopic intragastric balloon (0DV68DZ), a procedure Medicare never covers, is billed.",
)
def _(claim, ctx):
    claim["other_procedures"] = [
        *(claim.get("other_procedures") or []),
        {"code": "0DV68DZ", "date": claim["statement_from"]},
    ]
    if not claim.get("principal_procedure"):
        claim["principal_procedure"] = claim["other_procedures"].pop()
    return True


@flaw(
    "mce-kidney-transplant",
    INPATIENT,
    "mce.limited-coverage",
    "A kidney transplant (0TY00Z0), covered only at approved transplant centers, is keyed on this stay.",
)
def _(claim, ctx):
    claim["other_procedures"] = [
        *(claim.get("other_procedures") or []),
        {"code": "0TY00Z0", "date": claim["statement_from"]},
    ]
    if not claim.get("principal_procedure"):
        claim["principal_procedure"] = claim["other_procedures"].pop()
    return True


@flaw(
    "mce-side-unspecified",
    INPATIENT,
    "mce.unspecified",
    "Hemiplegia is coded G81.90 (side not specified) though the record names the side.",
)
def _(claim, ctx):
    claim["other_diagnoses"].append(e.entry("G81.90", "Y"))
    return True


@flaw(
    "mce-delivery-on-non-obstetric-stay",
    INPATIENT,
    "mce.other",
    "A delivery procedure (10E0XZZ) is keyed on a stay with no obstetric diagnosis.",
)
def _(claim, ctx):
    if claim["principal_diagnosis"]["code"].startswith("O") or claim["principal_diagnosis"][
        "code"
    ].startswith("Z38"):
        return False
    claim["other_procedures"] = [
        *(claim.get("other_procedures") or []),
        {"code": "10E0XZZ", "date": claim["statement_from"]},
    ]
    if not claim.get("principal_procedure"):
        claim["principal_procedure"] = claim["other_procedures"].pop()
    return True


@flaw(
    "mce-birth-date-missing",
    INPATIENT,
    ("mce.not-run", "ub04.birth-date-required"),
    "FL 10 (birth date) is blank, so the Medicare Code Editor cannot compute the age.",
)
def _(claim, ctx):
    claim["patient"]["birth_date"] = None
    return True
