"""The HIM files: the EHR extract's planted defects are exactly what an independent data-quality check
finds, and the release-of-information log's planted issues are exactly what a check of the HIPAA
rules finds. Patients are obviously synthetic."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from dataset_files import AS_OF, read_csv

from autograder.claims.rules.identifiers import npi_check_digit_ok
from autograder.codes import icd10cm

pytest_plugins = ["dataset_fixtures"]

REQUIRED = ("birth_date", "principal_dx", "attending_npi", "sex")
RANGES = {"weight_kg": (0.5, 400), "height_cm": (30, 250), "systolic_bp": (40, 300), "heart_rate": (20, 300)}


def _date(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def data_quality(rows: list[dict]) -> set[tuple[str, str]]:
    """(record_id, defect type) for every problem a data-quality review finds in the extract."""
    found = set()
    seen_encounters = set()
    for row in rows:
        rid = row["record_id"]
        if any(not row[c] for c in REQUIRED):
            found.add((rid, "missing"))
        birth, admit, discharge = (
            _date(row["birth_date"]),
            _date(row["admit_date"]),
            _date(row["discharge_date"]),
        )
        if (
            (row["birth_date"] and birth is None)
            or (row["sex"] and row["sex"] not in {"M", "F", "U"})
            or (row["attending_npi"] and not npi_check_digit_ok(row["attending_npi"]))
            or (row["principal_dx"] and icd10cm.validate(row["principal_dx"]))
        ):
            found.add((rid, "invalid"))
        if discharge < admit or (birth and birth > admit):
            found.add((rid, "inconsistent"))
        if row["encounter_id"] in seen_encounters:
            found.add((rid, "duplicate"))
        seen_encounters.add(row["encounter_id"])
        if any(not low <= float(row[c]) <= high for c, (low, high) in RANGES.items()):
            found.add((rid, "out-of-range"))
        if _date(row["demographics_verified"]) < AS_OF - timedelta(days=3 * 365):
            found.add((rid, "stale"))
    return found


@pytest.fixture(scope="module")
def extract(committed):
    return read_csv(committed / "ehr" / "extract.csv"), read_csv(committed / "ehr" / "planted_defects.csv")


def test_planted_defects_are_exactly_what_a_review_finds(extract):
    rows, defects = extract
    planted = {(d["record_id"], d["defect_type"]) for d in defects}
    assert data_quality(rows) == planted


def test_every_kind_of_defect_is_planted(extract):
    _, defects = extract
    kinds = {d["defect_type"] for d in defects}
    assert kinds == {"missing", "invalid", "inconsistent", "duplicate", "out-of-range", "stale"}


def test_defect_list_names_the_planted_values(extract):
    rows, defects = extract
    by_id = {r["record_id"]: r for r in rows}
    for d in defects:
        assert by_id[d["record_id"]][d["column"]] == d["planted_value"], d
        assert d["planted_value"] != d["correct_value"], d


def test_review_catches_a_defect_added_by_hand(extract):
    rows, _ = extract
    changed = [dict(r) for r in rows]
    clean = next(r for r in changed if not data_quality([r]))
    clean["heart_rate"] = "900"
    assert (clean["record_id"], "out-of-range") in data_quality(changed)


ROI_RULES = {
    "attorney": "required",
    "life insurer": "required",
}


def roi_review(rows: list[dict]) -> set[tuple[str, str]]:
    """(request_id, issue) for every request that breaks the release-of-information rules."""
    found = set()
    for r in rows:
        rid, kind = r["request_id"], r["requester_type"]
        released = r["disposition"] == "released"
        if released and ROI_RULES.get(kind) == "required" and r["authorization"] != "valid":
            found.add((rid, "no-authorization"))
        if released and r["records_requested"] == "psychotherapy notes" and kind != "patient":
            found.add((rid, "psychotherapy-notes"))
        if kind == "patient" and int(r["days_to_respond"]) > 30 and r["extension_notice"] != "Y":
            found.add((rid, "late-response"))
        if kind == "health plan (payment)" and r["records_requested"] == "complete medical record":
            found.add((rid, "minimum-necessary"))
        if r["accounting_required"] == "Y" and r["logged_in_accounting"] != "Y":
            found.add((rid, "accounting-missing"))
    return found


def test_roi_issues_are_exactly_what_a_review_finds(committed):
    rows = read_csv(committed / "privacy" / "roi_requests.csv")
    issues = read_csv(committed / "privacy" / "roi_issues.csv")
    assert roi_review(rows) == {(i["request_id"], i["issue"]) for i in issues}
    assert {i["issue"] for i in issues} == {
        "no-authorization",
        "late-response",
        "psychotherapy-notes",
        "minimum-necessary",
        "accounting-missing",
    }
    for row in rows:
        received, answered = (
            date.fromisoformat(row["received_date"]),
            date.fromisoformat(row["response_date"]),
        )
        assert (answered - received).days == int(row["days_to_respond"]) and answered <= AS_OF


def test_patients_are_obviously_synthetic(committed):
    from autograder.datasets import identity

    patients = read_csv(committed / "patients.csv")
    assert len(patients) == 250
    for p in patients:
        assert p["last_name"] in identity.LAST
        assert p["first_name"] in identity.FEMALE_FIRST + identity.MALE_FIRST
        assert p["street"].split(" ", 1)[1] in identity.STREETS
        assert p["phone"][3:7] == "5550" and 100 <= int(p["phone"][7:]) <= 199
        assert p["coverage"] == "self_pay" or p["member_id"].startswith("SYN")
    kinds = {p["coverage"] for p in patients}
    assert kinds == {"medicare", "medicaid", "commercial", "self_pay"}
    ages = [AS_OF.year - int(p["birth_date"][:4]) for p in patients]
    assert min(ages) == 0 and max(ages) >= 85
    assert {p["sex"] for p in patients} == {"F", "M"}
