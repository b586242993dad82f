"""Claims checked against the releases their dates of service need, with FY2026 / CY2026 installed."""

from __future__ import annotations

import json
from datetime import date
from importlib import resources

from autograder.claims import validate

AFTER = date(2027, 2, 1)  # "today" for the checks: every date below has passed


def example(form: str) -> dict:
    return json.loads(resources.files("autograder.claims").joinpath(f"examples/{form}.json").read_text())


def office_visit(day: str) -> dict:
    claim = example("cms1500")
    for line in claim["service_lines"]:
        line.update(service_from=day, service_to=day)
    claim["physician_signature_date"] = day
    return claim


def inpatient_stay(admitted: str, operated: str, discharged: str) -> dict:
    claim = example("ub04")
    claim.update(statement_from=admitted, statement_through=discharged, admission_date=admitted)
    claim["principal_procedure"]["date"] = operated
    return claim


def release_warnings(claim: dict) -> list[str]:
    return [f.message for f in validate(claim, today=AFTER) if f.rule == "codes.warning"]


def test_a_claim_dated_in_fy2027_with_only_fy2026_installed_gets_the_release_warning(cache):
    [message] = release_warnings(office_visit("2026-11-03"))
    assert "ICD-10-CM FY2027" in message and "checked against ICD-10-CM FY2026 instead" in message
    assert message.endswith("himlab data fetch --set icd10cm --year 2027")


def test_a_claim_dated_in_fy2026_gets_none(cache):
    assert release_warnings(office_visit("2026-05-01")) == []


def test_an_inpatient_stay_warns_for_diagnoses_and_procedures(cache):
    messages = release_warnings(inpatient_stay("2026-11-01", "2026-11-02", "2026-11-04"))
    assert any("ICD-10-CM FY2027" in m for m in messages)
    assert any("ICD-10-PCS FY2027" in m for m in messages)
    assert release_warnings(inpatient_stay("2026-02-02", "2026-02-03", "2026-02-05")) == []


def test_each_line_is_checked_by_its_own_date(cache):
    claim = office_visit("2026-12-30")
    claim["service_lines"].append({**claim["service_lines"][1], "procedure_code": "J1100", "charges": 10.0})
    claim["total_charge"] = 240.0
    assert not any("HCPCS" in m for m in release_warnings(claim))
    claim["service_lines"][2].update(service_from="2027-01-05", service_to="2027-01-05")
    assert any("HCPCS Level II CY2027" in m for m in release_warnings(claim))


def test_a_modifier_from_the_installed_cms_file_is_known(cache, tmp_path, monkeypatch):
    claim = office_visit("2026-05-01")
    claim["service_lines"][0]["modifiers"] = ["A1"]
    rules = {f.rule for f in validate(claim, today=AFTER)}
    assert "cms1500.modifier-code" not in rules
    monkeypatch.setenv("HIMLAB_CACHE", str(tmp_path))  # nothing installed: only the curated modifiers
    assert "cms1500.modifier-code" in {f.rule for f in validate(claim, today=AFTER)}
