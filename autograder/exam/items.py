"""One exam item as read from the bank: a question, its answer key, its rationale and the codes it names.

Three kinds of item:

* ``choice``: a stem with lettered options; the key is one letter.
* ``code``: free code entry; the key is one or more codes of one code set (``ordered`` when the
  sequence matters, e.g. a combination code followed by its "use additional code" partner).
* ``case``: a coding case; the key is a set of diagnoses in sequence, each with its present-on-admission
  (POA) indicator for inpatient cases, and a set of procedures, scored with partial credit.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

KINDS = ("choice", "code", "case")
DIFFICULTIES = ("easy", "medium", "hard")
LETTERS = "ABCDEFGH"
CODE_SYSTEMS = ("icd10cm", "icd10pcs", "hcpcs", "cpt", "modifier")
# Appendix I of the ICD-10-CM Official Guidelines: Y, N, U, W; exempt codes are left blank.
POA_VALUES = ("Y", "N", "U", "W", "")
SETTINGS = ("inpatient", "outpatient")


class BankError(ValueError):
    """A bank file that breaks the format; the message names the item, the field and the fix."""


@dataclass(frozen=True, slots=True)
class CodeRef:
    """A code named somewhere in an item (stem, options, key or rationale) and the code set it belongs to."""

    system: str
    code: str


@dataclass(frozen=True, slots=True)
class CodedDiagnosis:
    code: str
    poa: str


@dataclass(frozen=True, slots=True)
class CaseKey:
    """The expected codes of a coding case: diagnoses in reporting order, then procedures."""

    setting: str
    diagnoses: tuple[CodedDiagnosis, ...]
    procedures: tuple[str, ...]
    procedure_system: str

    def describe(self) -> str:
        poa = self.setting == "inpatient"
        dx = ", ".join(f"{d.code}:{d.poa or 'exempt'}" if poa else d.code for d in self.diagnoses)
        px = ", ".join(self.procedures) or "none"
        return f"diagnoses {dx}; procedures {px}"


@dataclass(frozen=True, slots=True)
class Item:
    id: str
    exam: str
    domain: str
    difficulty: str
    kind: str
    stem: str
    options: tuple[str, ...]
    answer: str | tuple[str, ...] | CaseKey
    rationale: str
    references: tuple[str, ...]
    codes: tuple[CodeRef, ...]
    system: str | None = None  # code items: the code set of the answer
    ordered: bool = False  # code items: the sequence of the codes matters

    def answer_text(self) -> str:
        """The key as a learner reads it in a review."""
        if self.kind == "choice":
            index = LETTERS.index(self.answer)
            return f"{self.answer}. {self.options[index]}"
        if self.kind == "code":
            return ", ".join(self.answer)
        return self.answer.describe()

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "exam": self.exam,
            "domain": self.domain,
            "difficulty": self.difficulty,
            "kind": self.kind,
            "stem": self.stem,
            "rationale": self.rationale,
            "references": list(self.references),
            "codes": [{"system": c.system, "code": c.code} for c in self.codes],
        }
        if self.kind == "choice":
            data["options"] = list(self.options)
            data["answer"] = self.answer
        elif self.kind == "code":
            data.update(answer=list(self.answer), system=self.system, ordered=self.ordered)
        else:
            key = self.answer
            data["answer"] = {
                "setting": key.setting,
                "procedure_system": key.procedure_system,
                "diagnoses": [{"code": d.code, "poa": d.poa} for d in key.diagnoses],
                "procedures": list(key.procedures),
            }
        return data


def _need(data: dict, field: str, kind: type, where: str):
    value = data.get(field)
    if not isinstance(value, kind) or (isinstance(value, str | list) and not value):
        raise BankError(f"{where}: field {field!r} is missing or empty; give a non-empty {kind.__name__}")
    return value


def _case_key(raw: Any, where: str) -> CaseKey:
    if not isinstance(raw, dict):
        raise BankError(f"{where}: a case answer must be an object with 'diagnoses' and 'procedures'")
    setting = raw.get("setting")
    if setting not in SETTINGS:
        raise BankError(f"{where}: answer.setting must be one of {', '.join(SETTINGS)}")
    diagnoses = []
    for dx in _need(raw, "diagnoses", list, where):
        poa = dx.get("poa", "") if isinstance(dx, dict) else None
        if not isinstance(dx, dict) or not isinstance(dx.get("code"), str) or poa not in POA_VALUES:
            raise BankError(f"{where}: each diagnosis needs 'code' and 'poa' (Y, N, U, W or '' when exempt)")
        if setting == "outpatient" and poa:
            raise BankError(f"{where}: outpatient cases carry no POA indicator; set poa to ''")
        diagnoses.append(CodedDiagnosis(dx["code"], poa))
    procedures = raw.get("procedures", [])
    if not isinstance(procedures, list) or not all(isinstance(p, str) for p in procedures):
        raise BankError(f"{where}: answer.procedures must be a list of codes (may be empty)")
    system = raw.get("procedure_system", "icd10pcs")
    if system not in ("icd10pcs", "cpt", "hcpcs"):
        raise BankError(f"{where}: answer.procedure_system must be icd10pcs, cpt or hcpcs")
    return CaseKey(setting, tuple(diagnoses), tuple(procedures), system)


def item_from_dict(data: Any, exam: str, source: str) -> Item:
    """Build an :class:`Item` from one bank entry, or raise :class:`BankError` saying what to fix."""
    if not isinstance(data, dict):
        raise BankError(f"{source}: every entry of 'items' must be an object")
    where = f"{source} item {data.get('id', '?')!r}"
    item_id = _need(data, "id", str, where)
    if data.get("exam", exam) != exam:
        raise BankError(f"{where}: exam {data.get('exam')!r} does not match the file's exam {exam!r}")
    kind = data.get("kind")
    if kind not in KINDS:
        raise BankError(f"{where}: kind must be one of {', '.join(KINDS)}")
    difficulty = data.get("difficulty")
    if difficulty not in DIFFICULTIES:
        raise BankError(f"{where}: difficulty must be one of {', '.join(DIFFICULTIES)}")
    options: tuple[str, ...] = ()
    system = None
    ordered = False
    if kind == "choice":
        options = tuple(_need(data, "options", list, where))
        if not 2 <= len(options) <= len(LETTERS) or not all(isinstance(o, str) and o for o in options):
            raise BankError(f"{where}: a choice item needs 2 to {len(LETTERS)} non-empty options")
        answer: Any = data.get("answer")
        if not isinstance(answer, str) or answer not in LETTERS[: len(options)]:
            raise BankError(f"{where}: answer must be one of the option letters {LETTERS[: len(options)]}")
    elif kind == "code":
        answer = tuple(_need(data, "answer", list, where))
        system = data.get("system")
        if system not in CODE_SYSTEMS[:4]:
            raise BankError(f"{where}: a code item needs system icd10cm, icd10pcs, hcpcs or cpt")
        ordered = bool(data.get("ordered", False))
    else:
        answer = _case_key(data.get("answer"), where)
    codes = []
    for ref in data.get("codes", []):
        if not isinstance(ref, dict) or ref.get("system") not in CODE_SYSTEMS or not ref.get("code"):
            raise BankError(
                f"{where}: each entry of 'codes' needs a code and a system ({', '.join(CODE_SYSTEMS)})"
            )
        codes.append(CodeRef(ref["system"], ref["code"]))
    references = _need(data, "references", list, where)
    return Item(
        id=item_id,
        exam=exam,
        domain=_need(data, "domain", str, where),
        difficulty=difficulty,
        kind=kind,
        stem=_need(data, "stem", str, where),
        options=options,
        answer=answer,
        rationale=_need(data, "rationale", str, where),
        references=tuple(references),
        codes=tuple(codes),
        system=system,
        ordered=ordered,
    )
