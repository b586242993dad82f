"""``group(case)``: MS-DRG, MDC, Table 5 weight and mean lengths of stay, the explanation, and MCE edits.

msdrg (MS-DRG v43/v43.1 and the Medicare Code Editor, checked by its authors against CMS's
grouper) does the grouping; this module picks the version by discharge date, adds the FY2026
Table 5 figures and explains the result.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from autograder.findings import Finding
from autograder.payment import engine
from autograder.payment.case import Case, CaseError, as_case
from autograder.payment.explain import Explanation, explain
from autograder.payment.mce import mce_findings
from autograder.payment.versions import V431_START, grouper_version, label
from autograder.payment.weights import drg_weight

_SEX = {"M": 0, "F": 1, "U": 2}


@dataclass(slots=True)
class GroupingResult:
    """One grouped case. ``drg`` is the final MS-DRG (after hospital-acquired condition logic)."""

    case: Case
    version: int
    drg: int
    initial_drg: int
    title: str
    mdc: str  # "01".."25", "PRE", or "" when ungroupable
    mdc_title: str
    partition: str  # surgical, medical, or "" for 998/999
    severity: str  # MCC, CC or NONE
    weight: float | None
    gmlos: float | None
    amlos: float | None
    post_acute: bool
    special_pay: bool
    explanation: Explanation
    findings: tuple[Finding, ...]

    @property
    def grouper_version(self) -> str:
        return label(self.version)

    def to_dict(self) -> dict:
        return {
            "drg": f"{self.drg:03d}",
            "title": self.title,
            "mdc": self.mdc,
            "mdc_title": self.mdc_title,
            "partition": self.partition,
            "severity": self.severity,
            "weight": self.weight,
            "gmlos": self.gmlos,
            "amlos": self.amlos,
            "post_acute_transfer_drg": self.post_acute,
            "special_pay_drg": self.special_pay,
            "initial_drg": f"{self.initial_drg:03d}",
            "grouper_version": self.grouper_version,
            "explanation": self.explanation.to_dict(),
            "findings": [f.to_dict() for f in self.findings],
            "case": self.case.to_dict(),
        }

    def describe(self) -> str:
        figures = "no relative weight (not payable)"
        if self.weight is not None:
            figures = f"weight {self.weight:.4f}, GMLOS {self.gmlos:.1f}, AMLOS {self.amlos:.1f}"
        head = f"MS-DRG {self.drg:03d} {self.title} ({self.grouper_version}): {figures}"
        return "\n".join([head, *self.explanation.lines()])


def claim_for(case: Case, version: int) -> dict:
    """The msdrg claim for a case: one dictionary serves both the grouper and the MCE."""
    pdx = {"code": case.pdx.code}
    if case.pdx.poa:
        pdx["poa"] = case.pdx.poa
    return {
        "version": version,
        "age": case.age,
        "sex": _SEX[case.sex],
        "discharge_status": int(case.discharge_status),
        "hospital_status": "EXEMPT" if case.poa_exempt else "NOT_EXEMPT",
        "pdx": pdx,
        "sdx": [{"code": d.code, "poa": d.poa} if d.poa else {"code": d.code} for d in case.sdx],
        "procedures": [{"code": p} for p in case.procedures],
        "discharge_date": _yyyymmdd(case.discharge_date or V431_START),
    }


def _yyyymmdd(day: date) -> int:
    return day.year * 10000 + day.month * 100 + day.day


def group(case: Case | Mapping, *, validate_codes: bool = True) -> GroupingResult:
    """Group one case (a :class:`Case` or a dict of :func:`make_case` fields).

    Raises :class:`CaseError` for input that cannot be grouped. ``validate_codes=False`` lets
    invalid codes through to the grouper, to show what CMS's logic does with them.
    """
    case = as_case(case, validate_codes)
    version, warnings, notes = grouper_version(case.discharge_date)
    claim = claim_for(case, version)
    raw = engine.grouper().group(claim)
    mce = mce_findings(engine.editor().edit(claim))
    drg = raw.get("final_drg") or 999
    row = drg_weight(drg)
    mdc = raw.get("final_mdc")
    return GroupingResult(
        case=case,
        version=version,
        drg=drg,
        initial_drg=raw.get("initial_drg") or drg,
        title=raw.get("final_drg_description") or (row.title if row else ""),
        mdc="PRE" if row is not None and row.mdc == "PRE" else (f"{mdc:02d}" if isinstance(mdc, int) else ""),
        mdc_title=raw.get("final_mdc_description") or "",
        partition=row.partition if row is not None else "",
        severity=raw.get("final_severity") or "NONE",
        weight=row.weight if row else None,
        gmlos=row.gmlos if row else None,
        amlos=row.amlos if row else None,
        post_acute=bool(row and row.post_acute),
        special_pay=bool(row and row.special_pay),
        explanation=explain(raw, case, row, mce, notes),
        findings=tuple(warnings + mce),
    )


def _clean(record: dict, isna) -> dict:
    """A DataFrame row as make_case fields: empty cells (None, NaN, NaT) mean "not given"."""
    return {k: v for k, v in record.items() if isinstance(v, (list, tuple)) or not isna(v)}


def group_many(frame, *, validate_codes: bool = True):
    """Group every row of a DataFrame whose columns are :func:`make_case` fields.

    Returns a DataFrame on the same index with ``drg``, ``mdc``, ``title``, ``partition``,
    ``severity``, ``weight``, ``gmlos``, ``amlos``, ``initial_drg``, ``grouper_version``,
    ``mce_edits`` and ``error``: a row that cannot be grouped gets its message in ``error``
    instead of stopping the batch.
    """
    import pandas as pd

    rows = []
    for record in frame.to_dict("records"):
        try:
            result = group(_clean(record, pd.isna), validate_codes=validate_codes)
        except CaseError as exc:
            rows.append({"error": str(exc)})
            continue
        rows.append(
            {
                "drg": result.drg,
                "mdc": result.mdc,
                "title": result.title,
                "partition": result.partition,
                "severity": result.severity,
                "weight": result.weight,
                "gmlos": result.gmlos,
                "amlos": result.amlos,
                "initial_drg": result.initial_drg,
                "grouper_version": result.grouper_version,
                "mce_edits": "; ".join(f.rule for f in result.findings if f.rule.startswith("mce.")),
                "error": None,
            }
        )
    columns = [
        "drg",
        "mdc",
        "title",
        "partition",
        "severity",
        "weight",
        "gmlos",
        "amlos",
        "initial_drg",
        "grouper_version",
        "mce_edits",
        "error",
    ]
    out = pd.DataFrame(rows, index=frame.index, columns=columns)
    out["drg"] = out["drg"].astype("Int64")
    out["initial_drg"] = out["initial_drg"].astype("Int64")
    return out
