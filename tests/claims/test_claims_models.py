"""Claim models and loading: imperfect claims load, unreadable ones fail with the JSON path named."""

from __future__ import annotations

import json
from decimal import Decimal

import pandas as pd
import pytest
from claim_examples import example_dict

from autograder.claims import (
    ClaimLoadError,
    InstitutionalClaim,
    ProfessionalClaim,
    claim_date,
    example,
    load_claim,
    load_claims,
)
from autograder.claims.load import from_row


def test_examples_load_as_their_forms():
    assert isinstance(example("cms1500"), ProfessionalClaim)
    assert isinstance(example("ub04"), InstitutionalClaim)
    assert example("UB-04").is_inpatient
    with pytest.raises(ClaimLoadError, match="cms1500"):
        example("cms1450x")


@pytest.mark.parametrize("form", ["cms1500", "ub04"])
def test_json_round_trip_keeps_every_field(form):
    claim = example(form)
    again = load_claim(claim.model_dump_json())
    assert again == claim


def test_imperfect_values_are_kept_for_the_rules_to_report():
    claim = load_claim(
        {
            "form": "cms1500",
            "diagnoses": ["e11.9", None, "NOT A CODE"],
            "service_lines": [
                {
                    "service_from": "2026-02-30",
                    "place_of_service": 11,
                    "units": "-3",
                    "charges": "$1,250.00",
                    "diagnosis_pointers": "AB",
                }
            ],
        }
    )
    line = claim.service_lines[0]
    assert line.service_from == "2026-02-30" and claim_date(line.service_from) is None
    assert line.place_of_service == "11"
    assert line.charges == Decimal("1250.00") and line.units == Decimal(-3)
    assert line.diagnosis_pointers == ["A", "B"]
    assert claim.diagnoses == ["e11.9", None, "NOT A CODE"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-03-10", "2026-03-10"),
        ("03/10/2026", "2026-03-10"),
        ("20260310", "2026-03-10"),
        ("2026-02-30", None),
        ("", None),
        (None, None),
        ("March 10", None),
    ],
)
def test_claim_date_reads_the_three_written_forms(text, expected):
    got = claim_date(text)
    assert (got.isoformat() if got else None) == expected


def test_form_is_inferred_from_the_fields_when_left_out():
    assert load_claim({"service_lines": []}).form == "cms1500"
    assert load_claim({"type_of_bill": "0111"}).form == "ub04"
    with pytest.raises(ClaimLoadError, match='add "form"'):
        load_claim({"patient": {"last_name": "Rivera"}})


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"form": "cms1500", "service_lines": [{"charges": "abc"}]},
            r"service_lines\[0\]\.charges: 'abc' is not a number",
        ),
        ({"form": "ub04", "principle_diagnosis": {"code": "K35.80"}}, "did you mean 'principal_diagnosis'"),
        ({"form": "ub04", "revenue_lines": {"revenue_code": "0450"}}, "revenue_lines: expected a list"),
        ({"form": "cms1500", "patient": "Ana Rivera"}, "patient: expected an object"),
        ({"form": "cms1500", "employment_related": "perhaps"}, "employment_related: 'perhaps' is not yes/no"),
        ({"form": "cms1600"}, "form: 'cms1600' is not a claim form"),
        (["not", "a", "claim"], r"expected an object"),
    ],
)
def test_unreadable_claims_name_the_json_path(data, message):
    with pytest.raises(ClaimLoadError, match=message):
        load_claim(data)


def test_load_from_text_bytes_and_files(tmp_path):
    text = json.dumps(example_dict("ub04"))
    assert load_claim(text).type_of_bill == "0111"
    assert load_claim(text.encode()).type_of_bill == "0111"
    path = tmp_path / "claims.json"
    path.write_text(json.dumps([example_dict("cms1500"), example_dict("ub04")]))
    assert [c.form for c in load_claims(path)] == ["cms1500", "ub04"]
    assert [c.form for c in load_claims(str(path))] == ["cms1500", "ub04"]
    with pytest.raises(ClaimLoadError, match="holds 2 claims"):
        load_claim(path)


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ('{"form": "cms1500",', "not valid JSON \\(line 1, column"),
        (b"\xff\xfe{}", "not UTF-8"),
        ("no-such-claim-file.json", "cannot read the file"),
    ],
)
def test_unreadable_input_says_why(source, message):
    with pytest.raises(ClaimLoadError, match=message):
        load_claim(source)


def test_a_bad_claim_in_a_list_is_named_by_index():
    with pytest.raises(ClaimLoadError, match=r"claim \[1\]: total_charge"):
        load_claims([example_dict("cms1500"), {**example_dict("cms1500"), "total_charge": "lots"}])


def test_pandas_rows_with_dotted_columns_and_json_cells():
    d = example_dict("cms1500")
    row = pd.Series(
        {
            "form": "cms1500",
            "patient.last_name": "Rivera",
            "patient.birth_date": pd.Timestamp("1958-04-12"),
            "diagnoses": json.dumps(d["diagnoses"]),
            "service_lines": json.dumps(d["service_lines"]),
            "total_charge": 230.0,
            "prior_authorization_number": float("nan"),
        }
    )
    claim = from_row(row)
    assert claim.patient.birth_date == "1958-04-12"
    assert claim.service_lines[1].procedure_code == "83036"
    assert claim.prior_authorization_number is None
    frame = pd.DataFrame([row, row])
    assert len(load_claims(frame)) == 2


@pytest.mark.parametrize("model", [ProfessionalClaim, InstitutionalClaim])
def test_every_form_field_cites_its_item_or_form_locator(model):
    for name, info in model.model_fields.items():
        if name in {"form", "claim_id"}:
            continue
        assert info.description and ("CMS-1500" in info.description or "UB-04" in info.description), name


def test_schema_describes_the_form_fields():
    schema = InstitutionalClaim.model_json_schema()
    assert "UB-04 FL 4" in schema["properties"]["type_of_bill"]["description"]
    assert schema["additionalProperties"] is False
    lines = ProfessionalClaim.model_json_schema()["$defs"]["ServiceLine"]["properties"]
    assert "24E" in lines["diagnosis_pointers"]["description"]
