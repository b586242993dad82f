"""validate and validate_many: today's date is injected, batches report bad claims and check the rest."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from claim_examples import TODAY, example_dict

from autograder.claims import ClaimLoadError, validate, validate_many
from autograder.findings import has_errors


def test_not_in_the_future_is_measured_against_the_injected_today():
    d = example_dict("cms1500")
    assert validate(d, today=TODAY) == []
    future = [f.rule for f in validate(d, today=date(2026, 3, 9))]
    assert "cms1500.date-future" in future


def test_validate_reads_any_claim_input_and_refuses_garbage():
    assert validate(example_dict("ub04"), today=TODAY) == []
    with pytest.raises(ClaimLoadError):
        validate(b"\x00\x01 not a claim")


def test_validate_many_names_claims_and_keeps_going_past_unreadable_ones():
    good = example_dict("cms1500")
    bad_codes = {
        **example_dict("cms1500"),
        "claim_id": None,
        "patient_account_number": "ACCT9",
        "diagnoses": ["E11"],
    }
    unreadable = {"form": "cms1500", "total_charge": "lots"}
    no_id = {**example_dict("ub04"), "claim_id": None, "patient_control_number": None}
    table = validate_many([good, bad_codes, unreadable, no_id], today=TODAY)
    assert list(table.columns) == ["claim_id", "rule", "locator", "severity", "message", "code"]
    assert "example-office-visit" not in set(table["claim_id"])
    assert set(table.loc[table["claim_id"] == "ACCT9", "rule"]) >= {"cms1500.diagnosis-code"}
    (row,) = table[table["rule"] == "claim.unreadable"].itertuples()
    assert row.claim_id == "2" and "total_charge" in row.message
    assert set(table.loc[table["claim_id"] == "3", "rule"]) == {"ub04.control-number-required"}


def test_validate_many_takes_a_dataframe_of_rows():
    d = example_dict("cms1500")
    rows = pd.DataFrame(
        [
            {
                "form": "cms1500",
                "claim_id": f"c{i}",
                "service_lines": d["service_lines"],
                "diagnoses": d["diagnoses"],
            }
            for i in range(3)
        ]
    )
    table = validate_many(rows, today=TODAY)
    assert set(table["claim_id"]) == {"c0", "c1", "c2"}
    assert "cms1500.billing-npi-required" in set(table["rule"])


def test_errors_and_warnings():
    d = example_dict("ub04")
    d["other_diagnoses"][0]["poa"] = None
    findings = validate(d, today=TODAY)
    assert [f.rule for f in findings] == ["ub04.poa-missing"] and not has_errors(findings)
    d = example_dict("cms1500")
    d["patient_account_number"] = None
    findings = validate(d, today=TODAY)
    assert [f.rule for f in findings] == ["cms1500.account-number"] and has_errors(findings)
