"""Why a case got its MS-DRG, in sentences a learner can follow (CMS ICD-10 MS-DRG Definitions Manual logic).

Built from msdrg's per-code output: the MDC of the principal diagnosis, the procedures that
marked the final DRG, each secondary diagnosis's CC/MCC level with the reason it counts or not
(CC exclusion by the principal diagnosis, a hospital-acquired condition not present on
admission, an MCC that counts only when the patient leaves alive), and the MCE edits.
"""

from __future__ import annotations

import importlib
from dataclasses import asdict, dataclass
from functools import lru_cache

from autograder.codes.normalize import dotted_icd10cm
from autograder.findings import Finding
from autograder.payment.case import Case
from autograder.payment.discharge import DIED
from autograder.payment.weights import DrgWeight

_MARKED = ("FINAL", "BOTH")
_NO_SPLIT = "this DRG does not split by CC/MCC"
_MCC_ONLY = "this DRG family splits only on MCC"


@dataclass(slots=True)
class SecondaryNote:
    """One secondary diagnosis: its own level (MCC, CC, none), whether it counts for this DRG, and why."""

    code: str
    poa: str | None
    level: str
    counts: bool
    sets_severity: bool
    reason: str

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(slots=True)
class ProcedureNote:
    code: str
    decides_drg: bool
    reason: str

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(slots=True)
class Explanation:
    mdc: str
    partition: str
    severity: str
    secondary: tuple[SecondaryNote, ...]
    procedures: tuple[ProcedureNote, ...]
    hac: str | None
    edits: tuple[str, ...]
    notes: tuple[str, ...]

    def lines(self) -> list[str]:
        out = [f"MDC: {self.mdc}", f"Partition: {self.partition}", f"Severity: {self.severity}"]
        out += [f"  {s.code}{':' + s.poa if s.poa else ''} - {s.reason}" for s in self.secondary]
        out += [f"  {p.code} - {p.reason}" for p in self.procedures]
        if self.hac:
            out.append(f"HAC: {self.hac}")
        out += [f"MCE: {e}" for e in self.edits] or ["MCE: no edits"]
        out += [f"Note: {n}" for n in self.notes]
        return out

    def to_dict(self) -> dict:
        return {
            "mdc": self.mdc,
            "partition": self.partition,
            "severity": self.severity,
            "secondary_diagnoses": [s.to_dict() for s in self.secondary],
            "procedures": [p.to_dict() for p in self.procedures],
            "hac": self.hac,
            "mce_edits": list(self.edits),
            "notes": list(self.notes),
            "text": self.lines(),
        }


@lru_cache(maxsize=65536)
def code_title(system: str, key: str) -> str:
    """The code's title from the code-set library, or "" when it has none for this code."""
    info = importlib.import_module(f"autograder.codes.{system}").lookup(key)
    return info.title if info is not None else ""


def _named(system: str, key: str) -> str:
    shown = dotted_icd10cm(key) if system == "icd10cm" else key
    title = code_title(system, key)
    return f"{shown} ({title})" if title else shown


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _a(level: str) -> str:
    """The article for a severity level: "an MCC", "a CC"."""
    return f"an {level}" if level == "MCC" else f"a {level}"


def _splits(title: str) -> tuple[bool, bool]:
    """(splits on MCC, splits on CC) as the MS-DRG title says: "WITH MCC", "WITH CC", "WITHOUT CC/MCC"."""
    upper = title.upper()
    return "MCC" in upper, "CC" in upper.replace("MCC", "")


def matched(outputs: list[dict] | None, keys) -> list[dict]:
    """msdrg's per-code outputs in the order of ``keys`` (msdrg may return them in another order)."""
    outputs = outputs or []
    if len(outputs) == len(keys):
        for out, key in zip(outputs, keys, strict=True):
            if out.get("code") != key:
                break
        else:
            return outputs
    pool: dict[str, list[dict]] = {}
    for out in outputs:
        pool.setdefault(out.get("code"), []).append(out)
    return [pool[k].pop(0) if pool.get(k) else {} for k in keys]


def _mdc_reason(raw: dict, case: Case, row: DrgWeight | None, deciding: list[str]) -> str:
    drg = raw["final_drg"]
    pdx = _named("icd10cm", case.pdx.code)
    pdx_mdc = (raw.get("pdx_output") or {}).get("mdc")
    if drg == 999:
        return (
            f"None: the grouper cannot group principal diagnosis {pdx} ({raw.get('return_code')}), "
            "so the case is ungroupable (DRG 999); correct the principal diagnosis"
        )
    if drg == 998:
        return (
            f"None: the grouper does not accept {pdx} as the principal diagnosis with these facts "
            "(DRG 998); check the principal diagnosis and the procedures that go with it"
        )
    if row is not None and row.mdc == "PRE":
        return (
            f"Pre-MDC: the grouper checks pre-MDC groups before any MDC, and {_join(deciding)} "
            f"{'qualifies' if len(deciding) == 1 else 'qualify'} for one, so principal diagnosis {pdx} "
            "does not choose the group"
        )
    mdc = f"MDC {raw['final_mdc']:02d} ({raw.get('final_mdc_description') or ''})"
    if row is not None and row.mdc == "":
        return (
            f"{mdc} from principal diagnosis {pdx}, but the O.R. procedure {_join(deciding)} is not one "
            "that MDC relates to the diagnosis, so the case goes to an unrelated O.R. procedure group"
        )
    if pdx_mdc == raw["final_mdc"]:
        return f"{mdc}: the MDC of principal diagnosis {pdx}"
    return (
        f"{mdc}: assigned from the whole case (age, pregnancy, trauma or HIV logic) rather than from "
        f"principal diagnosis {pdx}, whose own MDC is {pdx_mdc:02d}"
        if isinstance(pdx_mdc, int)
        else f"{mdc}: assigned from the whole case"
    )


def _partition_reason(row: DrgWeight | None, case: Case, deciding: list[str]) -> str:
    if row is None or not row.partition:
        return "none (DRG 998 and 999 are neither medical nor surgical)"
    if row.partition == "surgical":
        return f"surgical: the DRG is chosen by {_join(deciding)}"
    if not case.procedures:
        return "medical: no procedures were reported"
    if deciding:
        verb = "selects" if len(deciding) == 1 else "select"
        return f"medical: no O.R. procedure applies, but {_join(deciding)} {verb} this medical DRG"
    return "medical: none of the reported procedures is an O.R. procedure that changes the group"


def _hac_met(out: dict) -> bool:
    hacs = out.get("hacs")
    return bool(hacs) and any(h.get("hac_status") == "HAC_CRITERIA_MET" for h in hacs)


def _classify(out: dict, dx, case: Case, drg_title: str, setters: dict[str, str]) -> tuple[bool, str]:
    """(counts for this DRG, why) for one secondary diagnosis of level MCC or CC."""
    level = out["severity"]
    flags = out.get("flags") or ()
    if "EXCLUDED" in flags:
        if dx.code == case.pdx.code:
            return False, f"{_a(level)}, but it repeats the principal diagnosis and cannot be its own {level}"
        pdx = dotted_icd10cm(case.pdx.code)
        return (
            False,
            f"{_a(level)} on its own, but excluded with principal diagnosis {pdx} (CC exclusion list)",
        )
    if "DEATH_EXCLUSION" in flags:
        return (
            False,
            f"{_a(level)} only when the patient leaves alive; discharge status {DIED} says the patient died",
        )
    hacs = out.get("hacs")
    hac = next((h for h in hacs if h.get("hac_status") == "HAC_CRITERIA_MET"), None) if hacs else None
    if hac is not None:
        return False, (
            f"{_a(level)} on its own, but on the hospital-acquired condition list ({hac.get('hac_list')}: "
            f"{hac.get('description')}) and not present on admission (POA {dx.poa or 'blank'}), "
            "so it does not count for the final DRG"
        )
    if out.get("drg_impact") in _MARKED:
        return True, f"{_a(level)}: it sets this DRG's severity level"
    splits_mcc, splits_cc = _splits(drg_title)
    if not splits_mcc and not splits_cc:
        return True, f"{_a(level)}, but {_NO_SPLIT}"
    if level == "CC" and not splits_cc:
        return True, f"a CC, but {_MCC_ONLY}"
    other = (setters.get("MCC") if level == "CC" else None) or setters.get(level)
    return True, f"{_a(level)}; {other} already sets the severity level" if other else _a(level)


def _secondary_note(out: dict, dx, case: Case, drg_title: str, setters: dict[str, str]) -> SecondaryNote:
    code = dotted_icd10cm(dx.code)
    if "VALID" not in (out.get("flags") or ()):
        reason = "not a valid code for this grouper version, so the grouper ignores it"
        return SecondaryNote(code, dx.poa, "none", False, False, reason)
    level = out.get("severity")
    if level not in ("MCC", "CC"):
        return SecondaryNote(code, dx.poa, "none", False, False, "neither a CC nor an MCC")
    counts, reason = _classify(out, dx, case, drg_title, setters)
    sets = counts and out.get("drg_impact") in _MARKED
    return SecondaryNote(code, dx.poa, level, counts, sets, reason)


def explain(
    raw: dict,
    case: Case,
    row: DrgWeight | None,
    mce: list[Finding],
    notes: list[str],
) -> Explanation:
    """The explanation of one msdrg grouping result for this case."""
    procedures = []
    deciding = []
    for key, out in zip(case.procedures, matched(raw.get("proc_output"), case.procedures), strict=True):
        decides = out.get("drg_impact") in _MARKED
        if decides:
            deciding.append(_named("icd10pcs", key))
        reason = "decides the DRG" if decides else "does not affect the DRG"
        procedures.append(ProcedureNote(key, decides, reason))

    drg_title = row.title if row is not None else (raw.get("final_drg_description") or "")
    outputs = list(zip(matched(raw.get("sdx_output"), [d.code for d in case.sdx]), case.sdx, strict=True))
    setters = {}
    for out, dx in outputs:
        if out.get("drg_impact") in _MARKED and out.get("severity") in ("MCC", "CC") and not _hac_met(out):
            setters.setdefault(out["severity"], dotted_icd10cm(dx.code))
    secondary = tuple(_secondary_note(out, dx, case, drg_title, setters) for out, dx in outputs)

    final_severity = raw.get("final_severity") or "NONE"
    if final_severity in ("MCC", "CC"):
        splits_mcc, splits_cc = _splits(drg_title)
        if final_severity in setters:
            severity = f"{final_severity} from {setters[final_severity]}"
        elif not splits_mcc and not splits_cc:
            severity = f"{final_severity}, but {_NO_SPLIT}"
        elif final_severity == "CC" and not splits_cc:
            severity = f"CC, but {_MCC_ONLY}"
        else:
            severity = final_severity
    else:
        severity = "no secondary diagnosis counts as a CC or MCC"

    hac = None
    if raw.get("initial_drg") != raw.get("final_drg"):
        hac = (
            f"a hospital-acquired condition not present on admission changed the DRG from "
            f"{raw.get('initial_drg'):03d} to {raw.get('final_drg'):03d}; payment uses the final DRG"
        )
    notes = list(notes)
    if case.poa_exempt:
        notes.append(
            "The hospital is exempt from POA reporting, "
            "so hospital-acquired condition rules were not applied."
        )
    return Explanation(
        mdc=_mdc_reason(raw, case, row, deciding),
        partition=_partition_reason(row, case, deciding),
        severity=severity,
        secondary=secondary,
        procedures=tuple(procedures),
        hac=hac,
        edits=tuple(f.message for f in mce),
        notes=tuple(notes),
    )
