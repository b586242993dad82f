"""Every ICD-10-CM and ICD-10-PCS code the payment tests and benchmark use is billable in FY2026."""

from __future__ import annotations

import gzip
import importlib.util
from pathlib import Path

from drg_cases import CASES

from autograder.codes.normalize import normalize


def _bench_cases() -> list[dict]:
    path = Path(__file__).resolve().parents[2] / "bench" / "bench_payment.py"
    spec = importlib.util.spec_from_file_location("bench_payment_cases", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.CASES


# Codes used outside drg_cases (deliberately invalid ones, such as the J18 heading, are not listed).
OTHER_DIAGNOSES = {
    "J18.9",
    "J96.01",
    "E11.9",
    "N17.9",
    "L89.154",
    "I50.22",
    "I50.9",
    "I21.4",
    "I46.9",
    "M17.11",
    "O80",
    "Z37.0",
    "Z38.00",
    "J96.00",
    "E87.1",
    "I10",
}
OTHER_PROCEDURES = {"0BH17EZ", "0SRC0J9", "10E0XZZ", "0B110F4", "5A1955Z", "0DTJ4ZZ"}


def _billable(path) -> set[str]:
    with gzip.open(path, "rt", encoding="latin-1") as fh:
        return {line[6:13].strip() for line in fh if line[14:15] == "1"}


def _used() -> tuple[set[str], set[str]]:
    diagnoses, procedures = set(OTHER_DIAGNOSES), set(OTHER_PROCEDURES)
    for fields in [c[1] for c in CASES] + _bench_cases():
        diagnoses.add(fields["pdx"])
        diagnoses.update(d.split(":")[0] for d in fields.get("sdx", ()))
        procedures.update(fields.get("procedures", ()))
    return {normalize(c) for c in diagnoses}, {normalize(c) for c in procedures}


def test_every_code_used_is_billable_in_fy2026(cms_data):
    diagnoses, procedures = _used()
    assert diagnoses - _billable(cms_data / "icd10cm" / "icd10cm_order_2026.txt.gz") == set()
    assert procedures - _billable(cms_data / "icd10pcs" / "icd10pcs_order_2026.txt.gz") == set()
