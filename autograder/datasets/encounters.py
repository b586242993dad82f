"""Encounters: a scenario from the library happening to one synthetic patient on given dates.

Each encounter carries the documentation (the scenario's note filled in for the patient) and the
gold coding: ICD-10-CM in reporting order (with POA for inpatients), the admitting diagnosis and
reasons for visit, ICD-10-PCS codes with their dates, the professional CPT/HCPCS lines and the
facility revenue lines, and for inpatient stays the MS-DRG that ``autograder.payment.group``
assigns (MS-DRG v43 or v43.1 by discharge date).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from autograder.datasets.calendar import FIRST_SERVICE_DAY, LAST_SERVICE_DAY, age_on, random_day
from autograder.datasets.organizations import PLANS_BY_KEY, Directory
from autograder.datasets.scenarios import SCENARIOS
from autograder.datasets.scenarios.model import (
    DAILY,
    DISCHARGE,
    EMERGENCY,
    INPATIENT,
    LOS,
    OUTPATIENT_SURGERY,
    Scenario,
)

# share of encounters by setting; scenarios within a setting are drawn by their weight
SETTING_SHARE = {"physician_office": 0.50, "emergency": 0.20, "outpatient_hospital": 0.10, "inpatient": 0.20}
PLAN_BY_ID = {p.payer_id: p for p in PLANS_BY_KEY.values()}
EXTERNAL_CAUSE = ("V", "W", "X", "Y")


class NotEnoughPatients(ValueError):
    """No scenario in the library fits any of the patients given."""


@dataclass(frozen=True)
class Line:
    """A resolved CPT/HCPCS or revenue line of an encounter."""

    code: str | None
    modifiers: tuple[str, ...]
    units: int
    charge: float  # per unit
    day: date
    pointers: str = ""
    revenue_code: str = ""
    description: str = ""

    @property
    def total(self) -> float:
        return round(self.charge * self.units, 2)


@dataclass(frozen=True)
class Encounter:
    encounter_id: str
    scenario: Scenario
    patient: dict
    start: date
    end: date
    clinician: object  # organizations.Clinician
    admission_hour: str
    discharge_hour: str
    professional: tuple[Line, ...]
    facility: tuple[Line, ...]
    procedures: tuple[tuple[str, date], ...]
    drg: dict | None
    documentation: dict

    @property
    def plan(self):
        return PLAN_BY_ID.get(self.patient["payer_id"])

    @property
    def length_of_stay(self) -> int:
        return (self.end - self.start).days

    @property
    def age(self) -> int:
        return age_on(date.fromisoformat(self.patient["birth_date"]), self.start)

    def professional_diagnoses(self) -> list[str]:
        s = self.scenario
        picked = s.professional_dx if s.professional_dx is not None else range(len(s.diagnoses))
        return [s.diagnoses[i].code for i in picked][:12]

    def to_record(self) -> dict:
        """The encounter as written to encounters.json: documentation and gold coding."""
        s = self.scenario
        inpatient = s.setting == INPATIENT
        return {
            "encounter_id": self.encounter_id,
            "patient_id": self.patient["patient_id"],
            "mrn": self.patient["mrn"],
            "setting": s.setting,
            "scenario": s.id,
            "title": s.title,
            "start_date": self.start.isoformat(),
            "end_date": self.end.isoformat(),
            "length_of_stay": self.length_of_stay if inpatient else None,
            "payer_id": self.patient["payer_id"],
            "clinician": {"npi": self.clinician.npi, "name": self.clinician.full_name, "role": s.role},
            "documentation": self.documentation,
            "coding": {
                "icd10cm": [
                    {
                        "sequence": i + 1,
                        "code": dx.code,
                        "poa": dx.poa if inpatient else None,
                        "role": _dx_role(i, dx.code, inpatient),
                    }
                    for i, dx in enumerate(s.diagnoses)
                ],
                "admitting_diagnosis": s.admitting_diagnosis if inpatient else None,
                "reasons_for_visit": list(s.reasons_for_visit),
                "icd10pcs": [{"code": code, "date": day.isoformat()} for code, day in self.procedures],
                "professional": [_line_record(n, line) for n, line in enumerate(self.professional, 1)],
                "facility": [_line_record(n, line) for n, line in enumerate(self.facility, 1)],
                "ms_drg": self.drg,
            },
        }


CODE_FIELDS = (
    "encounter_id",
    "part",
    "sequence",
    "code_set",
    "code",
    "poa",
    "modifiers",
    "units",
    "pointers",
    "revenue_code",
    "date",
    "role",
)


def _code_set(code: str) -> str:
    return "cpt" if code[0].isdigit() else "hcpcs"


def code_rows(encounter: Encounter) -> list[dict]:
    """encounter_codes.csv: the gold coding of one encounter, one row per code or line."""
    record = encounter.to_record()["coding"]
    base = dict.fromkeys(CODE_FIELDS, "")
    base["encounter_id"] = encounter.encounter_id
    rows = []
    for dx in record["icd10cm"]:
        rows.append(
            {
                **base,
                "part": "diagnosis",
                "sequence": dx["sequence"],
                "code_set": "icd10cm",
                "code": dx["code"],
                "poa": dx["poa"] or "",
                "role": dx["role"],
            }
        )
    if record["admitting_diagnosis"]:
        rows.append(
            {
                **base,
                "part": "admitting diagnosis",
                "sequence": 1,
                "code_set": "icd10cm",
                "code": record["admitting_diagnosis"],
            }
        )
    for n, code in enumerate(record["reasons_for_visit"], 1):
        rows.append({**base, "part": "reason for visit", "sequence": n, "code_set": "icd10cm", "code": code})
    for n, proc in enumerate(record["icd10pcs"], 1):
        rows.append(
            {
                **base,
                "part": "procedure",
                "sequence": n,
                "code_set": "icd10pcs",
                "code": proc["code"],
                "date": proc["date"],
                "role": "principal" if n == 1 else "other",
            }
        )
    for part in ("professional", "facility"):
        for line in record[part]:
            rows.append(
                {
                    **base,
                    "part": part,
                    "sequence": line["line"],
                    "code_set": _code_set(line["code"]) if line["code"] else "",
                    "code": line["code"] or "",
                    "modifiers": " ".join(line["modifiers"]),
                    "units": line["units"],
                    "pointers": line.get("pointers", ""),
                    "revenue_code": line.get("revenue_code", ""),
                    "date": line["date"],
                }
            )
    return rows


def _dx_role(index: int, code: str, inpatient: bool) -> str:
    if code.startswith(EXTERNAL_CAUSE):
        return "external cause"
    if index == 0:
        return "principal" if inpatient else "first-listed"
    return "secondary"


def _line_record(number: int, line: Line) -> dict:
    record = {
        "line": number,
        "code": line.code,
        "modifiers": list(line.modifiers),
        "units": line.units,
        "date": line.day.isoformat(),
        "charge": line.total,
    }
    if line.revenue_code:
        record["revenue_code"] = line.revenue_code
        record["description"] = line.description
    else:
        record["pointers"] = line.pointers
    return record


def sex_word(sex: str, age: int) -> str:
    if age == 0:
        return "newborn girl" if sex == "F" else "newborn boy"
    if age < 18:
        return "girl" if sex == "F" else "boy"
    return "woman" if sex == "F" else "man"


def fill_note(scenario: Scenario, patient: dict, age: int, los: int) -> dict:
    female = patient["sex"] == "F"
    blanks = {
        "age": age,
        "sex": sex_word(patient["sex"], age),
        "he": "she" if female else "he",
        "his": "her" if female else "his",
        "los": los,
    }
    return {part: text.format(**blanks) for part, text in scenario.note.items()}


class Scheduler:
    """Draws scenarios and matches them to patients who fit (age, sex, coverage). The first draws go
    through the library once, in order, so that every scenario appears in any set large enough for
    it; after that scenarios are drawn by setting share and weight."""

    def __init__(self, rng: random.Random, patients: list[dict]):
        self.rng = rng
        self.newborns_left = [p for p in patients if _born_in_window(p) and p["coverage"] != "self_pay"]
        self.eligible = {s.id: [p for p in patients if _fits(s, p)] for s in SCENARIOS}
        self.by_setting = {
            setting: [s for s in SCENARIOS if s.setting == setting] for setting in SETTING_SHARE
        }
        self.first_pass = list(SCENARIOS)
        if not any(self.eligible.values()):
            raise NotEnoughPatients(
                "--patients: no scenario fits any patient generated; use --patients 20 or more"
            )

    def _draw(self) -> Scenario:
        if self.first_pass:
            return self.first_pass.pop(0)
        setting = _weighted(self.rng, [(share, name) for name, share in SETTING_SHARE.items()])
        return _weighted(self.rng, [(s.weight, s) for s in self.by_setting[setting]])

    def next(self) -> tuple[Scenario, dict, date]:
        while True:
            scenario = self._draw()
            if scenario.ages == (0, 0):
                if not self.newborns_left:
                    continue
                patient = self.newborns_left.pop(self.rng.randrange(len(self.newborns_left)))
                return scenario, patient, date.fromisoformat(patient["birth_date"])
            pool = self.eligible[scenario.id]
            if not pool:
                continue
            for _ in range(10):
                patient = pool[self.rng.randrange(len(pool))]
                last = LAST_SERVICE_DAY - timedelta(days=scenario.los[1])
                start = random_day(self.rng, FIRST_SERVICE_DAY, last)
                low, high = scenario.ages
                if low <= age_on(date.fromisoformat(patient["birth_date"]), start) <= high:
                    return scenario, patient, start


def _born_in_window(patient: dict) -> bool:
    return FIRST_SERVICE_DAY <= date.fromisoformat(patient["birth_date"]) <= LAST_SERVICE_DAY


def _fits(scenario: Scenario, patient: dict) -> bool:
    if scenario.ages == (0, 0) or patient["sex"] not in scenario.sexes:
        return False
    coverage = patient["coverage"]
    if coverage == "self_pay":
        if scenario.setting == INPATIENT:  # keep every inpatient stay billable for the DRG exercises
            return False
    elif coverage not in scenario.payers:
        return False
    birth = date.fromisoformat(patient["birth_date"])
    low, high = scenario.ages
    ages = {age_on(birth, FIRST_SERVICE_DAY), age_on(birth, LAST_SERVICE_DAY)}
    return any(low <= a <= high for a in ages)


def _weighted(rng: random.Random, options):
    total = sum(w for w, _ in options)
    pick = rng.random() * total
    for weight, value in options:
        pick -= weight
        if pick < 0:
            return value
    return options[-1][1]


def _hour(rng: random.Random, low: int, high: int) -> str:
    return f"{rng.randint(low, high):02d}"


def _professional_lines(scenario: Scenario, start: date, los: int, medicare: bool) -> tuple[Line, ...]:
    lines = []
    for s in scenario.services:
        if s.day == DAILY:
            days = [start + timedelta(days=d) for d in range(1, los)]
        elif s.day == DISCHARGE:
            days = [start + timedelta(days=los)]
        else:
            days = [start + timedelta(days=s.day)]
        mods = s.medicare_modifiers if (medicare and s.medicare_modifiers is not None) else s.modifiers
        lines += [Line(s.code, mods, s.units, s.charge, day, pointers=s.pointers) for day in days]
    return tuple(lines)


def _facility_lines(scenario: Scenario, start: date, los: int, medicare: bool) -> tuple[Line, ...]:
    lines = []
    for r in scenario.revenue:
        units = los if r.units == LOS else r.units
        mods = r.medicare_modifiers if (medicare and r.medicare_modifiers is not None) else r.modifiers
        lines.append(
            Line(
                r.hcpcs, mods, units, r.charge, start, revenue_code=r.revenue_code, description=r.description
            )
        )
    return tuple(lines)


@lru_cache(maxsize=4096)
def _grouped(
    pdx: str,
    pdx_poa: str,
    sdx: tuple[str, ...],
    procedures: tuple[str, ...],
    age: int,
    sex: str,
    status: str,
    admitted: date,
    discharged: date,
) -> dict:
    from autograder.payment import group

    result = group(
        {
            "pdx": pdx,
            "pdx_poa": pdx_poa,
            "sdx": list(sdx),
            "procedures": list(procedures),
            "age": age,
            "sex": sex,
            "discharge_status": status,
            "admission_date": admitted,
            "discharge_date": discharged,
        }
    )
    return {
        "drg": f"{result.drg:03d}",
        "title": result.title,
        "mdc": result.mdc,
        "severity": result.severity,
        "weight": result.weight,
        "grouper_version": result.grouper_version,
    }


def ms_drg(scenario: Scenario, patient: dict, age: int, start: date, end: date) -> dict:
    """The MS-DRG the payment library assigns to the stay (cached: many stays group alike)."""
    first, *rest = scenario.diagnoses
    return _grouped(
        first.code,
        first.poa,
        tuple(f"{d.code}:{d.poa}" if d.poa else d.code for d in rest),
        tuple(p.code for p in scenario.procedures),
        age,
        patient["sex"],
        scenario.discharge_status,
        start,
        end,
    )


def make_encounter(
    rng: random.Random, number: int, scenario: Scenario, patient: dict, start: date, directory: Directory
) -> Encounter:
    inpatient = scenario.setting == INPATIENT
    los = rng.randint(*scenario.los) if inpatient else 0
    end = start + timedelta(days=los)
    age = age_on(date.fromisoformat(patient["birth_date"]), start)
    medicare = patient["coverage"] == "medicare"
    clinician = rng.choice(directory.clinicians[scenario.role])
    unscheduled = scenario.admission_type in {"1", "2", "4", "5"}
    admission_hour = _hour(rng, 0, 23) if unscheduled else _hour(rng, 6, 8)
    if scenario.setting == EMERGENCY:
        discharge_hour = f"{min(23, int(admission_hour) + rng.randint(2, 5)):02d}"
    elif scenario.setting == OUTPATIENT_SURGERY:
        discharge_hour = _hour(rng, 12, 17)
    else:
        discharge_hour = _hour(rng, 10, 16)
    return Encounter(
        encounter_id=f"E{number:07d}",
        scenario=scenario,
        patient=patient,
        start=start,
        end=end,
        clinician=clinician,
        admission_hour=admission_hour,
        discharge_hour=discharge_hour,
        professional=_professional_lines(scenario, start, los, medicare),
        facility=_facility_lines(scenario, start, los, medicare) if scenario.facility_billed else (),
        procedures=tuple((p.code, start + timedelta(days=p.day)) for p in scenario.procedures),
        drg=ms_drg(scenario, patient, age, start, end) if inpatient else None,
        documentation=fill_note(scenario, patient, age, los),
    )
