"""The 835-like remittances: one payment per clean claim, every line and claim balanced, only the
codes listed in codes.csv, denials among the payments, the Medicare rules applied."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

import pytest
from dataset_files import read_csv, read_json

pytest_plugins = ["dataset_fixtures"]


def money(text: str) -> Decimal:
    return Decimal(text)


@pytest.fixture(scope="module")
def remit(committed):
    folder = committed / "remittances"
    return {
        "payments": read_csv(folder / "claim_payments.csv"),
        "services": read_csv(folder / "service_payments.csv"),
        "adjustments": read_csv(folder / "adjustments.csv"),
        "codes": read_csv(folder / "codes.csv"),
    }


@pytest.fixture(scope="module")
def clean_totals(committed):
    totals = {
        c["claim_id"]: Decimal(str(c["total_charge"]))
        for c in read_json(committed / "claims" / "cms1500_clean.json")
    }
    totals.update(
        {
            c["claim_id"]: Decimal(str(c["total_charges"]))
            for c in read_json(committed / "claims" / "ub04_clean.json")
        }
    )
    return totals


def test_one_payment_per_clean_claim_for_its_total(remit, clean_totals):
    payments = {p["claim_id"]: p for p in remit["payments"]}
    assert set(payments) == set(clean_totals)
    for claim_id, total in clean_totals.items():
        assert money(payments[claim_id]["total_charge"]) == total


def test_claims_and_lines_balance(remit):
    by_claim = defaultdict(Decimal)
    by_line = defaultdict(Decimal)
    for adj in remit["adjustments"]:
        amount = money(adj["amount"])
        assert amount > 0, adj
        by_claim[adj["claim_id"]] += amount
        by_line[(adj["claim_id"], adj["line"])] += amount
    paid_lines = defaultdict(Decimal)
    for line in remit["services"]:
        key = (line["claim_id"], line["line"])
        assert money(line["charge"]) == money(line["paid"]) + by_line[key], line
        paid_lines[line["claim_id"]] += money(line["paid"])
    for p in remit["payments"]:
        assert money(p["total_charge"]) == money(p["paid"]) + by_claim[p["claim_id"]], p
        if p["claim_id"] in paid_lines:
            assert money(p["paid"]) == paid_lines[p["claim_id"]]


def test_patient_responsibility_is_the_pr_adjustments(remit):
    owed = defaultdict(Decimal)
    for adj in remit["adjustments"]:
        if adj["group_code"] == "PR":
            owed[adj["claim_id"]] += money(adj["amount"])
    for p in remit["payments"]:
        assert money(p["patient_responsibility"]) == owed[p["claim_id"]], p


def test_only_listed_codes_are_used_and_every_group_appears(remit):
    listed = {(c["code_type"], c["code"]) for c in remit["codes"]}
    groups = {a["group_code"] for a in remit["adjustments"]}
    assert groups == {"CO", "PR", "OA", "PI"}
    for adj in remit["adjustments"]:
        assert ("group", adj["group_code"]) in listed
        assert ("CARC", adj["reason_code"]) in listed, adj
        assert not adj["remark_code"] or ("RARC", adj["remark_code"]) in listed, adj
    assert {a["remark_code"] for a in remit["adjustments"]} - {""}, "no remark codes used"


def test_denials_are_among_the_payments(remit):
    denied = [p for p in remit["payments"] if p["status"] == "4"]
    assert denied and len(denied) < len(remit["payments"]) / 4
    for p in denied:
        assert money(p["paid"]) == 0 and money(p["allowed"]) == 0
    line_denials = [a for a in remit["adjustments"] if a["reason_code"] in {"50", "97"}]
    assert line_denials


def test_medicare_rules(remit):
    """Sequestration takes 2% of what Medicare pays; Part B coinsurance is 20% of the allowed amount
    left after the deductible."""
    payments = {p["claim_id"]: p for p in remit["payments"]}
    services = {(s["claim_id"], s["line"]): s for s in remit["services"]}
    by_key = defaultdict(lambda: defaultdict(Decimal))
    for adj in remit["adjustments"]:
        by_key[(adj["claim_id"], adj["line"])][(adj["group_code"], adj["reason_code"])] += money(
            adj["amount"]
        )
    checked = 0
    for (claim_id, line), adjustments in by_key.items():
        if payments[claim_id]["payer_id"] != "SYN00001" or payments[claim_id]["status"] != "1":
            continue
        cut = adjustments[("CO", "253")]
        paid = money(services[(claim_id, line)]["paid"] if line != "0" else payments[claim_id]["paid"])
        assert abs(cut - (paid + cut) * Decimal("0.02")) <= Decimal("0.01"), (claim_id, line)
        assert cut > 0 or paid == 0, (claim_id, line)
        if line != "0":
            allowed = money(services[(claim_id, line)]["allowed"])
            coinsurance = (allowed - adjustments[("PR", "1")]) * Decimal("0.2")
            assert abs(adjustments[("PR", "2")] - coinsurance) <= Decimal("0.01"), (claim_id, line)
        checked += 1
    assert checked
