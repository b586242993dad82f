"""The example claims as dicts, the clean base claims the rule tests mutate, and a fixed "today",
shared by the claim tests."""

from __future__ import annotations

import json
from datetime import date
from importlib import resources

TODAY = date(2026, 11, 27)


def example_dict(form: str) -> dict:
    text = resources.files("autograder.claims").joinpath(f"examples/{form}.json").read_text()
    return json.loads(text)


def outpatient() -> dict:
    """The inpatient example turned into a clean emergency department visit (TOB 0131)."""
    d = example_dict("ub04")
    d.update(
        claim_id="example-ed-visit",
        type_of_bill="0131",
        statement_from="2026-02-02",
        statement_through="2026-02-02",
        admission_type="1",
        point_of_origin="1",
        admitting_diagnosis=None,
        principal_procedure=None,
        operating_provider=None,
        reasons_for_visit=["R10.31"],
        discharge_hour="18",
        revenue_lines=[
            {
                "revenue_code": "0450",
                "hcpcs": "99284",
                "service_date": "2026-02-02",
                "units": 1,
                "total_charges": 1105.00,
            },
            {
                "revenue_code": "0300",
                "hcpcs": "80053",
                "service_date": "2026-02-02",
                "units": 1,
                "total_charges": 486.00,
            },
            {"revenue_code": "0250", "service_date": "2026-02-02", "units": 1, "total_charges": 45.10},
        ],
        total_charges=1636.10,
    )
    return d


BASES = {
    "cms1500": lambda: example_dict("cms1500"),
    "ub04": lambda: example_dict("ub04"),
    "ub04-op": outpatient,
}
