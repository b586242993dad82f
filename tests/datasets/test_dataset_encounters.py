"""Encounters: every scenario appears, the documentation is filled in for the patient, the gold coding
fits the patient and the claims, and inpatient stays carry the MS-DRG the payment library assigns."""

from __future__ import annotations

import string
from datetime import date

import pytest
from dataset_files import read_csv, read_json

from autograder.datasets.encounters import sex_word
from autograder.datasets.scenarios import SCENARIOS, by_id
from autograder.payment import group

pytest_plugins = ["dataset_fixtures"]


@pytest.fixture(scope="module")
def encounters(committed):
    return read_json(committed / "encounters.json")


def test_every_scenario_and_setting_appears(encounters):
    assert {e["scenario"] for e in encounters} == {s.id for s in SCENARIOS}
    assert {e["setting"] for e in encounters} == {
        "physician_office",
        "emergency",
        "outpatient_hospital",
        "inpatient",
    }


def test_documentation_is_filled_in_for_the_patient(encounters, committed):
    patients = {p["patient_id"]: p for p in read_csv(committed / "patients.csv")}
    for enc in encounters:
        text = " ".join(enc["documentation"].values())
        assert not [f for _, f, _, _ in string.Formatter().parse(text) if f], enc["encounter_id"]
        patient = patients[enc["patient_id"]]
        birth, start = date.fromisoformat(patient["birth_date"]), date.fromisoformat(enc["start_date"])
        age = start.year - birth.year - ((start.month, start.day) < (birth.month, birth.day))
        low, high = by_id(enc["scenario"]).ages
        assert low <= age <= high, enc["encounter_id"]
        assert patient["sex"] in by_id(enc["scenario"]).sexes
        if "{age}" in " ".join(by_id(enc["scenario"]).note.values()):
            assert f"{age}-year-old" in text
        if "{sex}" in " ".join(by_id(enc["scenario"]).note.values()):
            assert sex_word(patient["sex"], age) in text


def test_pointers_name_filled_diagnosis_letters(committed):
    for claim in read_json(committed / "claims" / "cms1500_clean.json"):
        letters = "ABCDEFGHIJKL"[: len(claim["diagnoses"])]
        for line in claim["service_lines"]:
            assert line["diagnosis_pointers"] and set(line["diagnosis_pointers"]) <= set(letters)
            assert claim["diagnoses"]["ABCDEFGHIJKL".index(line["diagnosis_pointers"][0])][0] not in "VWXY"


def test_inpatient_stays_carry_the_grouped_drg(encounters, committed):
    patients = {p["patient_id"]: p for p in read_csv(committed / "patients.csv")}
    stays = [e for e in encounters if e["setting"] == "inpatient"]
    assert stays
    for enc in stays:
        coding = enc["coding"]
        first, *rest = coding["icd10cm"]
        assert first["role"] == "principal"
        patient = patients[enc["patient_id"]]
        birth, start = date.fromisoformat(patient["birth_date"]), date.fromisoformat(enc["start_date"])
        result = group(
            {
                "pdx": first["code"],
                "pdx_poa": first["poa"],
                "sdx": [f"{d['code']}:{d['poa']}" if d["poa"] else d["code"] for d in rest],
                "procedures": [p["code"] for p in coding["icd10pcs"]],
                "age": start.year - birth.year - ((start.month, start.day) < (birth.month, birth.day)),
                "sex": patient["sex"],
                "discharge_status": by_id(enc["scenario"]).discharge_status,
                "admission_date": enc["start_date"],
                "discharge_date": enc["end_date"],
            }
        )
        assert coding["ms_drg"]["drg"] == f"{result.drg:03d}", enc["encounter_id"]
        assert coding["ms_drg"]["weight"] == result.weight and result.weight, enc["encounter_id"]
        assert not [f for f in result.findings if f.is_error], enc["encounter_id"]
    assert len({e["coding"]["ms_drg"]["drg"] for e in stays}) >= 10


def test_poa_blank_only_for_exempt_categories(encounters):
    exempt = ("Z79", "Z87", "Z3A", "Z37", "Z38")
    for enc in encounters:
        for dx in enc["coding"]["icd10cm"]:
            if enc["setting"] == "inpatient":
                assert (dx["poa"] == "") == dx["code"].startswith(exempt), (enc["encounter_id"], dx)
            else:
                assert dx["poa"] is None
