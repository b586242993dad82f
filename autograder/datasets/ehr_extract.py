"""An EHR encounter extract for data-quality exercises, with planted defects and the list of them.

One row per encounter: the patient's identity, the visit, the principal diagnosis, vital signs and
the date the demographics were last verified. About one row in eight carries a planted defect of
one of six kinds, after the usual data quality dimensions (completeness, validity, consistency,
uniqueness, reasonableness, timeliness):

- missing: a required value left blank;
- invalid: a value that is not allowed (a code heading, a sex code outside M/F/U, an NPI whose check
  digit fails, a date that does not exist);
- inconsistent: values that contradict each other (discharge before admission, birth after the visit);
- duplicate: the same encounter twice under a new record ID, or the patient under a second MRN;
- out-of-range: a vital sign no living patient has;
- stale: demographics not verified for more than three years.

``planted_defects.csv`` names each defect: record, column, kind, the planted value and the value the
record should hold.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from autograder.datasets.calendar import AS_OF
from autograder.datasets.encounters import Encounter
from autograder.datasets.flaws.edits import impossible_date, wrong_check_digit

EXTRACT_FIELDS = (
    "record_id",
    "mrn",
    "patient_last_name",
    "patient_first_name",
    "birth_date",
    "sex",
    "encounter_id",
    "encounter_type",
    "admit_date",
    "discharge_date",
    "attending_npi",
    "principal_dx",
    "discharge_disposition",
    "weight_kg",
    "height_cm",
    "systolic_bp",
    "diastolic_bp",
    "heart_rate",
    "demographics_verified",
)
DEFECT_FIELDS = ("record_id", "column", "defect_type", "planted_value", "correct_value", "description")
DEFECT_SHARE = 0.125
STALE_AFTER_DAYS = 3 * 365


def _vitals(rng: random.Random, age: int) -> dict:
    """Plausible vital signs for the age (newborn, child, adult)."""
    if age == 0:
        return {
            "weight_kg": round(rng.uniform(2.6, 4.2), 1),
            "height_cm": rng.randint(46, 55),
            "systolic_bp": rng.randint(60, 80),
            "diastolic_bp": rng.randint(35, 50),
            "heart_rate": rng.randint(115, 160),
        }
    if age < 18:
        weight = 3.0 * age + 8
        return {
            "weight_kg": round(rng.uniform(weight * 0.85, weight * 1.2), 1),
            "height_cm": min(185, 75 + 6 * age + rng.randint(-5, 5)),
            "systolic_bp": rng.randint(90, 118),
            "diastolic_bp": rng.randint(55, 76),
            "heart_rate": rng.randint(70, 115),
        }
    return {
        "weight_kg": round(rng.uniform(50, 118), 1),
        "height_cm": rng.randint(150, 193),
        "systolic_bp": rng.randint(102, 158),
        "diastolic_bp": rng.randint(60, 94),
        "heart_rate": rng.randint(56, 98),
    }


def extract_row(rng: random.Random, number: int, encounter: Encounter) -> dict:
    p = encounter.patient
    s = encounter.scenario
    facility = s.setting != "physician_office"
    return {
        "record_id": f"R{number:07d}",
        "mrn": p["mrn"],
        "patient_last_name": p["last_name"],
        "patient_first_name": p["first_name"],
        "birth_date": p["birth_date"],
        "sex": p["sex"],
        "encounter_id": encounter.encounter_id,
        "encounter_type": s.setting,
        "admit_date": encounter.start.isoformat(),
        "discharge_date": encounter.end.isoformat(),
        "attending_npi": encounter.clinician.npi,
        "principal_dx": s.diagnoses[0].code,
        "discharge_disposition": s.discharge_status if facility else "",
        **_vitals(rng, encounter.age),
        "demographics_verified": (encounter.start - timedelta(days=rng.randint(0, 300))).isoformat(),
    }


def _defect(row: dict, column: str, kind: str, planted, description: str) -> dict:
    defect = {
        "record_id": row["record_id"],
        "column": column,
        "defect_type": kind,
        "planted_value": planted,
        "correct_value": row[column],
        "description": description,
    }
    row[column] = planted
    return defect


def _missing(rng, row):
    column = rng.choice(("birth_date", "principal_dx", "attending_npi", "sex"))
    return [_defect(row, column, "missing", "", f"{column} is blank; the field is required.")]


def _invalid(rng, row):
    from autograder.codes import icd10cm

    choice = rng.randrange(4)
    head = row["principal_dx"][:3]
    if choice == 0 and not icd10cm.is_billable(head):
        return [
            _defect(
                row, "principal_dx", "invalid", head, f"{head} is a category heading, not a billable code."
            )
        ]
    if choice == 1:
        return [_defect(row, "sex", "invalid", "X", "Sex is X; this system's codes are M, F and U.")]
    if choice == 2:
        return [
            _defect(
                row,
                "attending_npi",
                "invalid",
                wrong_check_digit(row["attending_npi"]),
                "The NPI fails its check digit (Luhn with the 80840 prefix).",
            )
        ]
    return [
        _defect(
            row, "birth_date", "invalid", impossible_date(row["birth_date"]), "The birth date does not exist."
        )
    ]


def _inconsistent(rng, row):
    if row["discharge_date"] > row["admit_date"] and rng.random() < 0.5:
        earlier = (date.fromisoformat(row["admit_date"]) - timedelta(days=1)).isoformat()
        return [
            _defect(
                row, "discharge_date", "inconsistent", earlier, "The discharge date is before the admit date."
            )
        ]
    later = (date.fromisoformat(row["admit_date"]) + timedelta(days=rng.randint(1, 20))).isoformat()
    return [_defect(row, "birth_date", "inconsistent", later, "The birth date is after the encounter.")]


def _out_of_range(rng, row):
    column, value = rng.choice(
        (
            ("weight_kg", 0.0),
            ("weight_kg", 812.0),
            ("systolic_bp", 410),
            ("heart_rate", 0),
            ("height_cm", 402),
        )
    )
    return [_defect(row, column, "out-of-range", value, f"{column} {value} is outside any possible range.")]


def _stale(rng, row):
    old = (AS_OF - timedelta(days=STALE_AFTER_DAYS + rng.randint(30, 900))).isoformat()
    return [
        _defect(
            row,
            "demographics_verified",
            "stale",
            old,
            "Demographics were last verified more than three years before the extract.",
        )
    ]


DEFECT_MAKERS = (_missing, _invalid, _inconsistent, _out_of_range, _stale)


class ExtractBuilder:
    """Rows for the extract and the defects planted in them, including duplicate rows."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.number = 0

    def rows(self, encounter: Encounter) -> tuple[list[dict], list[dict]]:
        self.number += 1
        row = extract_row(self.rng, self.number, encounter)
        if self.rng.random() >= DEFECT_SHARE:
            return [row], []
        if self.rng.random() < 1 / 6:
            return self._duplicate(row)
        return [row], self.rng.choice(DEFECT_MAKERS)(self.rng, row)

    def _duplicate(self, row: dict) -> tuple[list[dict], list[dict]]:
        self.number += 1
        copy = {**row, "record_id": f"R{self.number:07d}"}
        if self.rng.random() < 0.5:
            note = f"Same encounter as {row['record_id']}, loaded twice."
            defect = {
                "record_id": copy["record_id"],
                "column": "encounter_id",
                "defect_type": "duplicate",
                "planted_value": copy["encounter_id"],
                "correct_value": "",
                "description": note,
            }
        else:
            second = f"MR{self.rng.randint(1_000_000, 9_999_999)}"
            defect = {
                "record_id": copy["record_id"],
                "column": "mrn",
                "defect_type": "duplicate",
                "planted_value": second,
                "correct_value": row["mrn"],
                "description": f"The patient of {row['record_id']} registered under a second MRN.",
            }
            copy["mrn"] = second
        return [row, copy], [defect]
