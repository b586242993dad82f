"""What-if: change one thing about a case and see the MS-DRG and payment move, with the reason.

The API behind the DRG explorer: add or remove a secondary diagnosis or a procedure, change a
present-on-admission indicator or the discharge status, then compare the two groupings and the
two IPPS estimates.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from autograder.codes.normalize import dotted_icd10cm, normalize
from autograder.findings import Finding
from autograder.payment.case import Case, CaseError, Diagnosis, as_case, make_case
from autograder.payment.discharge import describe, normalize_status
from autograder.payment.grouping import GroupingResult, group
from autograder.payment.ipps import Hospital, IppsEstimate, ipps_estimate


@dataclass(frozen=True, slots=True)
class WhatIf:
    before: GroupingResult
    after: GroupingResult
    changes: tuple[str, ...]
    reasons: tuple[str, ...]
    payment_before: IppsEstimate | None
    payment_after: IppsEstimate | None

    @property
    def drg_changed(self) -> bool:
        return self.before.drg != self.after.drg

    @property
    def weight_difference(self) -> float | None:
        if self.before.weight is None or self.after.weight is None:
            return None
        return round(self.after.weight - self.before.weight, 4)

    @property
    def payment_difference(self) -> float | None:
        if self.payment_before is None or self.payment_after is None:
            return None
        return round(self.payment_after.total - self.payment_before.total, 2)

    def to_dict(self) -> dict:
        return {
            "changes": list(self.changes),
            "drg_before": f"{self.before.drg:03d}",
            "drg_after": f"{self.after.drg:03d}",
            "drg_changed": self.drg_changed,
            "weight_before": self.before.weight,
            "weight_after": self.after.weight,
            "weight_difference": self.weight_difference,
            "payment_before": self.payment_before.total if self.payment_before else None,
            "payment_after": self.payment_after.total if self.payment_after else None,
            "payment_difference": self.payment_difference,
            "reasons": list(self.reasons),
        }

    def describe(self) -> str:
        return "\n".join([*self.changes, *self.reasons])


def _problem(field: str, message: str) -> Finding:
    return Finding(rule="payment.what-if", locator=field, severity="error", message=message)


def _keys(codes: Iterable) -> list[str]:
    return [normalize(c) for c in ([codes] if isinstance(codes, str) else codes)]


def _price(result: GroupingResult, hospital: Hospital) -> IppsEstimate | None:
    return ipps_estimate(result, hospital=hospital) if result.weight is not None else None


def _note_of(result: GroupingResult, code: str):
    shown = dotted_icd10cm(code)
    return next((n for n in result.explanation.secondary if n.code == shown), None)


def _proc_note(result: GroupingResult, code: str):
    return next((p for p in result.explanation.procedures if p.code == code), None)


def what_if(
    case: Case | Mapping,
    *,
    add_sdx: Iterable = (),
    remove_sdx: Iterable = (),
    add_procedures: Iterable = (),
    remove_procedures: Iterable = (),
    poa: Mapping[str, str] | None = None,
    discharge_status: object = None,
    hospital: Hospital | None = None,
) -> WhatIf:
    """Group the case as it is and as changed; say what moved and why.

    ``add_sdx`` takes the forms :func:`make_case` takes (``"J96.01:Y"``); ``poa`` maps a
    secondary diagnosis code to its new indicator. Raises :class:`CaseError` for a change that
    does not fit the case (removing a code it does not have, a bad new code).
    """
    base = as_case(case)
    hospital = hospital or Hospital()
    problems: list[Finding] = []
    changes: list[str] = []

    sdx: list[Diagnosis | str] = list(base.sdx)
    for key in _keys(remove_sdx):
        match = next((d for d in sdx if isinstance(d, Diagnosis) and d.code == key), None)
        if match is None:
            problems.append(
                _problem("remove_sdx", f"{dotted_icd10cm(key)} is not a secondary diagnosis of this case")
            )
            continue
        sdx.remove(match)
        changes.append(f"Removed secondary diagnosis {dotted_icd10cm(key)}")
    for item in [add_sdx] if isinstance(add_sdx, str) else add_sdx:
        sdx.append(item)
        changes.append(f"Added secondary diagnosis {item}")
    for code, indicator in (poa or {}).items():
        key = normalize(code)
        spot = next((i for i, d in enumerate(sdx) if isinstance(d, Diagnosis) and d.code == key), None)
        if spot is None:
            problems.append(
                _problem("poa", f"{dotted_icd10cm(key)} is not a secondary diagnosis of this case")
            )
            continue
        sdx[spot] = f"{key}:{indicator or ''}"
        changes.append(f"POA of {dotted_icd10cm(key)}: {sdx_poa(base, key)} -> {indicator or 'blank'}")

    procedures = list(base.procedures)
    for key in _keys(remove_procedures):
        if key not in procedures:
            problems.append(_problem("remove_procedures", f"{key} is not a procedure of this case"))
            continue
        procedures.remove(key)
        changes.append(f"Removed procedure {key}")
    for key in _keys(add_procedures):
        procedures.append(key)
        changes.append(f"Added procedure {key}")

    status = base.discharge_status
    if discharge_status is not None:
        status = normalize_status(discharge_status) or str(discharge_status)
        changes.append(f"Discharge status {base.discharge_status} -> {status}")
    if problems:
        raise CaseError(problems)
    if not changes:
        raise CaseError(
            [_problem("what_if", "nothing to change; add or remove a code, or change POA or status")]
        )

    changed = make_case(
        base.pdx.code,
        [str(d) if isinstance(d, Diagnosis) else d for d in sdx],
        procedures,
        age=base.age,
        sex=base.sex,
        discharge_status=status,
        admission_date=base.admission_date,
        discharge_date=base.discharge_date,
        pdx_poa=base.pdx.poa,
        poa_exempt=base.poa_exempt,
    )
    before, after = group(base), group(changed)
    pay_before, pay_after = _price(before, hospital), _price(after, hospital)
    return WhatIf(
        before, after, tuple(changes), _reasons(before, after, pay_before, pay_after), pay_before, pay_after
    )


def sdx_poa(case: Case, key: str) -> str:
    dx = next((d for d in case.sdx if d.code == key), None)
    return (dx.poa or "blank") if dx else "blank"


def _reasons(
    before: GroupingResult,
    after: GroupingResult,
    pay_before: IppsEstimate | None,
    pay_after: IppsEstimate | None,
) -> tuple[str, ...]:
    reasons = []
    before_codes = {d.code: d.poa for d in before.case.sdx}
    for dx in after.case.sdx:
        if dx.code not in before_codes or before_codes[dx.code] != dx.poa:
            note = _note_of(after, dx.code)
            if note is not None:
                reasons.append(f"{note.code}: {note.reason}")
    after_codes = {d.code for d in after.case.sdx}
    for dx in before.case.sdx:
        if dx.code not in after_codes:
            note = _note_of(before, dx.code)
            if note is not None:
                reasons.append(f"{note.code} was {note.reason}")
    for key in after.case.procedures:
        if key not in before.case.procedures and (note := _proc_note(after, key)) is not None:
            reasons.append(f"{key} {note.reason}")
    for key in before.case.procedures:
        if key not in after.case.procedures and (note := _proc_note(before, key)) is not None:
            reasons.append(f"{key} {'decided' if note.decides_drg else 'did not affect'} the DRG before")
    if before.case.discharge_status != after.case.discharge_status:
        reasons.append(
            f"Discharge status {after.case.discharge_status} means {describe(after.case.discharge_status)}"
        )

    if before.drg == after.drg:
        reasons.append(f"MS-DRG stays {after.drg:03d} {after.title}")
    else:
        reasons.append(f"MS-DRG {before.drg:03d} -> {after.drg:03d} {after.title}")
        if before.explanation.mdc != after.explanation.mdc:
            reasons.append(f"MDC now: {after.explanation.mdc}")
        if before.explanation.partition != after.explanation.partition:
            reasons.append(f"Partition now: {after.explanation.partition}")
        if before.explanation.severity != after.explanation.severity:
            reasons.append(f"Severity: {before.explanation.severity} -> {after.explanation.severity}")
        if after.explanation.hac:
            reasons.append(f"HAC: {after.explanation.hac}")
    if pay_before is not None and pay_after is not None:
        difference = round(pay_after.total - pay_before.total, 2)
        reasons.append(
            f"IPPS estimate ${pay_before.total:,.2f} -> ${pay_after.total:,.2f} ({difference:+,.2f})"
        )
        if pay_after.transfer is not None and pay_after.transfer.applied:
            reasons.append(next(s for s in pay_after.steps if "transfer (status" in s))
    return tuple(reasons)
