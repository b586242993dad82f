"""An inpatient case as the MS-DRG grouper sees it, built from loose input and checked field by field.

``make_case`` accepts what a learner types (``"J96.01:Y"``, ``"F"``, ``"01"``, ``"2026-05-01"``)
and returns a :class:`Case`, or raises :class:`CaseError` listing every problem with the field it
sits in and how to fix it. Diagnosis codes are checked with ``autograder.codes.icd10cm`` and
procedure codes with ``autograder.codes.icd10pcs``, for the discharge date when one is given.
"""

from __future__ import annotations

import importlib
import numbers
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

from autograder.codes.normalize import dotted_icd10cm, normalize
from autograder.findings import Finding
from autograder.payment.discharge import normalize_status
from autograder.payment.versions import FY2026_START

POA_VALUES = ("Y", "N", "U", "W")
SEXES = {"M": "M", "MALE": "M", "F": "F", "FEMALE": "F", "U": "U", "UNKNOWN": "U"}
MAX_AGE = 124  # the Medicare Code Editor's upper age limit


class CaseError(ValueError):
    """Input that cannot be grouped; ``problems`` holds one error Finding per bad field."""

    def __init__(self, problems: list[Finding]):
        self.problems = problems
        super().__init__("; ".join(f"{p.locator}: {p.message}" for p in problems))


@dataclass(frozen=True, slots=True)
class Diagnosis:
    """A diagnosis code (normalized: no dot, upper case) with its present-on-admission indicator."""

    code: str
    poa: str | None = None  # Y, N, U, W, or None for blank (exempt from POA reporting)

    @property
    def display(self) -> str:
        return dotted_icd10cm(self.code)

    def __str__(self) -> str:
        return f"{self.display}:{self.poa}" if self.poa else self.display


@dataclass(frozen=True, slots=True)
class Case:
    """One discharge as the grouper needs it.

    UB-04: diagnoses with POA in FL 67 and 67A-Q, procedures in FL 74, sex in FL 11, age from the
    birth date in FL 10, admission date in FL 12, discharge (through) date in FL 6, status in FL 17.
    """

    pdx: Diagnosis
    sdx: tuple[Diagnosis, ...]
    procedures: tuple[str, ...]
    age: int
    sex: str  # M, F or U
    discharge_status: str  # two digits, UB-04 FL 17
    admission_date: date | None = None
    discharge_date: date | None = None
    poa_exempt: bool = False  # hospital exempt from POA reporting: HAC rules are not applied

    @property
    def length_of_stay(self) -> int | None:
        """Covered days: the admission day counts, the discharge day does not; a same-day stay is 1."""
        if self.admission_date is None or self.discharge_date is None:
            return None
        return max(1, (self.discharge_date - self.admission_date).days)

    def to_dict(self) -> dict:
        return {
            "pdx": str(self.pdx),
            "sdx": [str(d) for d in self.sdx],
            "procedures": list(self.procedures),
            "age": self.age,
            "sex": self.sex,
            "discharge_status": self.discharge_status,
            "admission_date": self.admission_date.isoformat() if self.admission_date else None,
            "discharge_date": self.discharge_date.isoformat() if self.discharge_date else None,
            "poa_exempt": self.poa_exempt,
        }


def _problem(field: str, message: str, code: str | None = None, rule: str = "payment.case") -> Finding:
    return Finding(rule=rule, locator=field, severity="error", message=message, code=code)


@lru_cache(maxsize=65536)
def code_findings(system: str, key: str, on: date | None) -> tuple[Finding, ...]:
    """What the code-set library says about one code (cached: datasets repeat their codes)."""
    module = importlib.import_module(f"autograder.codes.{system}")
    return tuple(module.validate(key, on=on))


def _check_code(system: str, key: str, field: str, on: date | None, problems: list[Finding]) -> None:
    for f in code_findings(system, key, on):
        if f.is_error:
            problems.append(_problem(field, f.message, f.code or key, rule=f.rule))


def _parse_date(value: object, field: str, problems: list[Finding]) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        problems.append(_problem(field, f"{value!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-05-01"))
        return None


POA_PROBLEM = "POA {!r} is not an indicator; use Y, N, U or W (blank for a code exempt from POA)"
EMPTY_CODE = "the diagnosis code is empty; give an ICD-10-CM code such as J18.9"


@lru_cache(maxsize=65536)
def _diagnosis(code: object, poa: object) -> tuple[Diagnosis | None, str | None, str | None]:
    """(diagnosis, problem with the code, problem with the POA) for one code and indicator (cached)."""
    key = normalize(code)
    text = "" if poa is None else str(poa).strip().upper()
    poa_problem = POA_PROBLEM.format(poa) if text and text not in POA_VALUES else None
    if not key:
        return None, EMPTY_CODE, poa_problem
    return Diagnosis(key, text if text in POA_VALUES else None), None, poa_problem


def _parse_diagnosis(item: object, field: str, problems: list[Finding]) -> Diagnosis | None:
    """``"J96.01:Y"``, ``"J96.01"``, ``("J96.01", "Y")``, ``{"code": ..., "poa": ...}`` or a Diagnosis."""
    if isinstance(item, Diagnosis):
        return item
    if isinstance(item, str):
        code, _, poa = item.partition(":")
    elif isinstance(item, Mapping):
        code, poa = item.get("code"), item.get("poa")
    elif isinstance(item, (tuple, list)) and len(item) in (1, 2):
        code, poa = item[0], item[1] if len(item) == 2 else None
    else:
        problems.append(
            _problem(field, f"{item!r} is not a diagnosis; write it as CODE or CODE:POA, e.g. J96.01:Y")
        )
        return None
    try:
        dx, code_problem, poa_problem = _diagnosis(code, poa)
    except TypeError:  # an unhashable code or POA, such as a list
        dx, code_problem, poa_problem = None, EMPTY_CODE, None
    if code_problem:
        problems.append(_problem(field, code_problem))
    if poa_problem:
        problems.append(_problem(f"{field} POA", poa_problem))
    return None if poa_problem else dx


def _parse_age(value: object, problems: list[Finding]) -> int:
    if type(value) is int and 0 <= value <= MAX_AGE:
        return value
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    elif isinstance(value, numbers.Integral) and not isinstance(value, bool):
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        problems.append(
            _problem("age", f"{value!r} is not an age; give whole years at admission, 0 to {MAX_AGE}")
        )
        return 0
    if not 0 <= value <= MAX_AGE:
        problems.append(_problem("age", f"{value} is not a possible age; give whole years, 0 to {MAX_AGE}"))
    return value


def _parse_sex(value: object, problems: list[Finding]) -> str:
    sex = SEXES.get(str(value).strip().upper()) if isinstance(value, str) else None
    if sex is None:
        problems.append(_problem("sex", f"{value!r} is not a sex the grouper takes; use M, F or U (unknown)"))
        return "U"
    return sex


def _listed(value: object, field: str, problems: list[Finding]) -> list:
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return list(value)
    if isinstance(value, str):
        return [part for part in value.replace(",", ";").split(";") if part.strip()]
    if isinstance(value, Iterable) and not isinstance(value, Mapping):
        return list(value)
    problems.append(_problem(field, f"{value!r} is not a list; give a list of codes"))
    return []


def make_case(
    pdx: object,
    sdx: object = (),
    procedures: object = (),
    *,
    age: object,
    sex: object,
    discharge_status: object = "01",
    admission_date: object = None,
    discharge_date: object = None,
    pdx_poa: object = "Y",
    poa_exempt: bool = False,
    validate_codes: bool = True,
) -> Case:
    """A checked :class:`Case`, or :class:`CaseError` naming every bad field and its fix.

    ``validate_codes=False`` skips the code-set checks so the grouper itself meets a bad code
    (how a learner sees what CMS does with it: DRG 999, an MCE edit).
    """
    problems: list[Finding] = []
    admitted = _parse_date(admission_date, "admission_date", problems)
    discharged = _parse_date(discharge_date, "discharge_date", problems)
    if admitted and discharged and admitted > discharged:
        problems.append(
            _problem("admission_date", f"{admitted} is after the discharge date {discharged}; swap them")
        )
    if discharged and discharged < FY2026_START:
        problems.append(
            _problem(
                "discharge_date",
                f"{discharged} is before FY2026, which starts {FY2026_START}; "
                "this lab groups FY2026 discharges",
            )
        )

    principal = _parse_diagnosis((pdx, pdx_poa), "pdx", problems)
    secondary = [
        _parse_diagnosis(item, f"sdx[{i}]", problems) for i, item in enumerate(_listed(sdx, "sdx", problems))
    ]
    procs = []
    for i, item in enumerate(_listed(procedures, "procedures", problems)):
        key = normalize(item)
        if key:
            procs.append(key)
        else:
            problems.append(
                _problem(
                    f"procedures[{i}]", f"{item!r} is not a procedure code; give ICD-10-PCS, e.g. 0BH17EZ"
                )
            )

    status = normalize_status(discharge_status)
    if status is None:
        problems.append(
            _problem(
                "discharge_status",
                f"{discharge_status!r} is not a patient discharge status the MS-DRG grouper accepts; "
                "use a two-digit code such as 01 (home), 03 (SNF), 06 (home health) or 20 (died)",
            )
        )
    years = _parse_age(age, problems)
    patient_sex = _parse_sex(sex, problems)

    if validate_codes:
        if principal is not None:
            _check_code("icd10cm", principal.code, "pdx", discharged, problems)
        for i, dx in enumerate(secondary):
            if dx is not None:
                _check_code("icd10cm", dx.code, f"sdx[{i}]", discharged, problems)
        for i, key in enumerate(procs):
            _check_code("icd10pcs", key, f"procedures[{i}]", discharged, problems)
    if problems:
        raise CaseError(problems)
    return Case(
        pdx=principal,
        sdx=tuple(d for d in secondary if d is not None),
        procedures=tuple(procs),
        age=years,
        sex=patient_sex,
        discharge_status=status,
        admission_date=admitted,
        discharge_date=discharged,
        poa_exempt=bool(poa_exempt),
    )


CASE_FIELDS = (
    "pdx",
    "sdx",
    "procedures",
    "age",
    "sex",
    "discharge_status",
    "admission_date",
    "discharge_date",
    "pdx_poa",
    "poa_exempt",
)


_FIELD_SET = frozenset(CASE_FIELDS)


def as_case(value: Case | Mapping, validate_codes: bool = True) -> Case:
    """A Case as given, or one built from a mapping with the keys of :func:`make_case`."""
    if isinstance(value, Case):
        return value
    if type(value) is not dict and not isinstance(value, Mapping):
        raise CaseError([_problem("case", f"{type(value).__name__} is not a case; pass a Case or a dict")])
    unknown = [] if _FIELD_SET.issuperset(value) else sorted(value.keys() - _FIELD_SET)
    if unknown:
        raise CaseError([_problem(k, f"unknown field; use {', '.join(CASE_FIELDS)}") for k in unknown])
    missing = [k for k in ("pdx", "age", "sex") if k not in value]
    if missing:
        raise CaseError([_problem(k, "this field is required") for k in missing])
    return make_case(**value, validate_codes=validate_codes)
