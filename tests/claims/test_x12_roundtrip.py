"""model -> to_x12 -> from_x12 -> model keeps every field the 837 carries (the crosswalk's rows), for the
example claims and for hypothesis-generated claims that fill the optional items too."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from autograder.claims import example
from autograder.claims.models import InstitutionalClaim, ProfessionalClaim
from autograder.claims.x12 import from_x12, to_x12
from autograder.claims.x12.institutional import is_self as institutional_self
from autograder.claims.x12.institutional import subscriber_names
from autograder.claims.x12.mapping import fields
from autograder.claims.x12.professional import PERSON_FIELDS, subscriber_person
from autograder.claims.x12.professional import is_self as professional_self
from autograder.claims.x12.synthetic import institutional_claim, npi, professional_claim

TEXT = st.from_regex(r"[A-Z][A-Za-z0-9 .,'/&#()-]{0,18}[A-Za-z0-9]", fullmatch=True)
IDENT = st.from_regex(r"[A-Z0-9]{4,12}", fullmatch=True)
DAY = st.dates(date(2025, 10, 1), date(2026, 6, 30)).map(date.isoformat)
CODE2 = st.from_regex(r"[0-9A-Z]{2}", fullmatch=True)
MONEY = st.decimals(0, 99999, places=2, allow_nan=False, allow_infinity=False)
DX = st.sampled_from(["I10", "E78.5", "E11.9", "J06.9", "M54.50", "K21.9", "S93.401A", "W01.0XXA", "Z79.01"])
PCS = st.sampled_from(["0DTJ4ZZ", "0FT44ZZ", "0SRC0J9", "0BH17EZ"])
POA = st.sampled_from(["Y", "N", "U", "W", None])
NPI = st.randoms(use_true_random=False).map(npi)
ADDRESS = st.fixed_dictionaries(
    {
        "street": TEXT,
        "city": TEXT,
        "state": st.sampled_from(["IL", "OH", "TX", "NY"]),
        "zip_code": st.from_regex(r"[0-9]{5}([0-9]{4})?", fullmatch=True),
    },
    optional={"street2": TEXT},
)


def provider(qualifiers: list[str]):
    """A provider as one name or a last and first name, with an NPI and maybe an other ID."""
    names = [
        st.fixed_dictionaries({"last_name": TEXT, "first_name": TEXT}),
        st.fixed_dictionaries({"name": TEXT}),
    ]
    other = st.one_of(
        st.just({}),
        st.fixed_dictionaries({"other_id_qualifier": st.sampled_from(qualifiers), "other_id": IDENT}),
    )
    return st.tuples(st.one_of(names), st.fixed_dictionaries({"npi": NPI}), other).map(
        lambda parts: {k: v for part in parts for k, v in part.items()}
    )


@st.composite
def professional(draw) -> ProfessionalClaim:
    claim = professional_claim(draw(st.randoms(use_true_random=False))).model_dump(mode="json")
    optional = {
        "current_illness": st.tuples(DAY, st.sampled_from(["431", "484"])),
        "other_date": st.tuples(
            DAY, st.sampled_from(["454", "304", "453", "439", "455", "471", "090", "444"])
        ),
        "unable_to_work": st.tuples(st.one_of(st.none(), DAY), st.one_of(st.none(), DAY)),
        "hospitalization": st.tuples(st.one_of(st.none(), DAY), st.one_of(st.none(), DAY)),
        "additional_claim_information": TEXT,
        "resubmission": st.tuples(st.sampled_from(["7", "8"]), IDENT),
        "prior_authorization_number": IDENT,
        "amount_paid": MONEY,
        "referring": st.sampled_from(["DN", "DK", "DQ"]),
        "causes": st.lists(
            st.sampled_from(["employment_related", "auto_accident", "other_accident"]),
            max_size=2,
            unique=True,
        ),
        "insured_extra": st.fixed_dictionaries({"other_claim_id": IDENT, "plan_name": TEXT}),
        "billing_person": st.fixed_dictionaries({"last_name": TEXT, "first_name": TEXT}),
        "billing_other": st.fixed_dictionaries(
            {"other_id_qualifier": st.sampled_from(["0B", "1G", "G2", "LU"]), "other_id": IDENT}
        ),
        "ssn": st.from_regex(r"[0-9]{3}-[0-9]{2}-[0-9]{4}", fullmatch=True),
        "facility": provider(["0B", "G2", "LU"]).map(lambda p: {**p, "name": p.get("name", "Annex")}),
        "lines": st.lists(
            st.fixed_dictionaries(
                {},
                optional={
                    "modifiers": st.lists(
                        st.sampled_from(["25", "59", "LT", "RT", "XU", "91", "GA"]), max_size=4, unique=True
                    ),
                    "emg": st.just(True),
                    "epsdt": st.just("Y"),
                    "ndc": st.from_regex(r"[0-9]{11}", fullmatch=True),
                    "span": st.integers(1, 5),
                    "units": st.decimals(1, 99, places=1, allow_nan=False),
                    "place_of_service": st.sampled_from(["11", "22", "19"]),
                    "rendering": st.tuples(NPI, st.sampled_from(["0B", "1G", "G2", "LU"]), IDENT),
                },
            ),
            max_size=6,
        ),
    }
    chosen = draw(st.fixed_dictionaries({}, optional=optional))
    if "current_illness" in chosen:
        claim["current_illness_date"], claim["current_illness_qualifier"] = chosen["current_illness"]
    if "other_date" in chosen:
        claim["other_date"], claim["other_date_qualifier"] = chosen["other_date"]
    if "unable_to_work" in chosen:
        claim["unable_to_work_from"], claim["unable_to_work_to"] = chosen["unable_to_work"]
    if "hospitalization" in chosen:
        claim["hospitalization_from"], claim["hospitalization_to"] = chosen["hospitalization"]
    if "resubmission" in chosen:
        claim["resubmission_code"], claim["original_reference_number"] = chosen["resubmission"]
    for key in ("additional_claim_information", "prior_authorization_number", "amount_paid"):
        if key in chosen:
            claim[key] = chosen[key]
    if "referring" in chosen:
        qualifiers = {"DN": ["0B", "1G", "G2"], "DK": ["0B", "1G", "G2"], "DQ": ["0B", "1G", "G2", "LU"]}
        claim["referring_provider"] = {
            "qualifier": chosen["referring"],
            **draw(provider(qualifiers[chosen["referring"]])),
        }
    for cause in ("employment_related", "auto_accident", "other_accident"):
        claim[cause] = cause in chosen.get("causes", [claim[cause]] if claim[cause] else [])
    claim["auto_accident_state"] = (
        draw(st.sampled_from(["IL", "OH", "TX"])) if claim["auto_accident"] else None
    )
    claim["insured"].update(chosen.get("insured_extra", {}))
    if "billing_person" in chosen:
        claim["billing_provider"].pop("name")
        claim["billing_provider"].update(chosen["billing_person"])
    claim["billing_provider"].update(chosen.get("billing_other", {}))
    if "ssn" in chosen:
        claim.update(federal_tax_id=chosen["ssn"], federal_tax_id_type="SSN")
    if "facility" in chosen:
        claim["service_facility"] = {**chosen["facility"], "address": draw(ADDRESS)}
    for line, extra in zip(claim["service_lines"], chosen.get("lines", []), strict=False):
        line.update(
            {
                k: v
                for k, v in extra.items()
                if k in {"modifiers", "emg", "epsdt", "ndc", "units", "place_of_service"}
            }
        )
        if "span" in extra:
            line["service_to"] = (
                date.fromisoformat(line["service_from"]) + timedelta(days=extra["span"])
            ).isoformat()
        if "rendering" in extra:
            line["rendering_npi"], line["rendering_id_qualifier"], line["rendering_other_id"] = extra[
                "rendering"
            ]
    return ProfessionalClaim.model_validate(claim)


@st.composite
def institutional(draw) -> InstitutionalClaim:
    claim = institutional_claim(draw(st.randoms(use_true_random=False))).model_dump(mode="json")
    optional = {
        "condition_codes": st.lists(CODE2, max_size=24),
        "occurrence_codes": st.lists(st.fixed_dictionaries({"code": CODE2, "date": DAY}), max_size=24),
        "occurrence_spans": st.lists(
            st.fixed_dictionaries({"code": CODE2, "from_date": DAY, "through_date": DAY}),
            max_size=24,
        ),
        "value_codes": st.lists(
            st.fixed_dictionaries({"code": CODE2, "amount": MONEY}),
            max_size=24,
        ),
        "reasons_for_visit": st.lists(DX, min_size=1, max_size=3),
        "external_cause_diagnoses": st.lists(st.fixed_dictionaries({"code": DX, "poa": POA}), max_size=12),
        "other_diagnoses": st.lists(st.fixed_dictionaries({"code": DX, "poa": POA}), max_size=24),
        "other_procedures": st.lists(st.fixed_dictionaries({"code": PCS, "date": DAY}), max_size=24),
        "principal_procedure": st.fixed_dictionaries({"code": PCS, "date": DAY}),
        "pps_code": st.from_regex(r"[0-9]{3}", fullmatch=True),
        "other_providers": st.lists(st.sampled_from(["ZZ", "82", "DN"]), unique=True),
        "operating_provider": provider(["0B", "1G", "G2", "LU"]),
        "pay_to_provider": ADDRESS.map(lambda a: {"address": a}),
        "other_provider_id": IDENT,
        "treatment_authorization": IDENT,
        "document_control_number": IDENT,
        "accident_state": st.sampled_from(["IL", "OH"]),
        "remarks": TEXT,
        "estimated_amount_due": MONEY,
        "insured_group": st.fixed_dictionaries({"group_name": TEXT, "policy_group": IDENT}),
        "admission_hour": st.none(),
        "attending_other": st.fixed_dictionaries(
            {"other_id_qualifier": st.sampled_from(["0B", "1G", "G2", "LU"]), "other_id": IDENT}
        ),
        "patient_extra": st.fixed_dictionaries(
            {"middle_initial": st.sampled_from("ABCZ"), "address": ADDRESS}
        ),
        "lines": st.lists(
            st.fixed_dictionaries(
                {},
                optional={
                    "non_covered_charges": MONEY,
                    "hcpcs": st.sampled_from(["99284", "80053", "J1100"]),
                    "modifiers": st.lists(
                        st.sampled_from(["25", "59", "LT", "RT", "XU"]), max_size=4, unique=True
                    ),
                },
            ),
            max_size=8,
        ),
    }
    chosen = draw(st.fixed_dictionaries({}, optional=optional))
    for key, value in chosen.items():
        if key == "other_providers":
            order = [q for q in ("ZZ", "82", "DN") if q in value]
            claim[key] = [{"qualifier": q, **draw(provider(["0B", "1G", "G2"]))} for q in order]
        elif key == "insured_group":
            claim["insured"].update(value)
        elif key == "attending_other":
            claim["attending_provider"].update(value)
        elif key == "patient_extra":
            claim["patient"].update(value)
        elif key == "lines":
            for line, extra in zip(claim["revenue_lines"], value, strict=False):
                line.update(extra)
                if "modifiers" in extra and not line.get("hcpcs"):
                    line["hcpcs"] = "80053"
        else:
            claim[key] = value
    return InstitutionalClaim.model_validate(claim)


def values(claim, path: str) -> list:
    """The value(s) at a crosswalk path, normalised for comparison (blank text is None)."""
    current = [claim]
    for part in path.split("."):
        name = part.removesuffix("[]")
        found = []
        for obj in current:
            value = getattr(obj, name, None) if obj is not None else None
            found.extend(value or []) if part.endswith("[]") else found.append(value)
        current = found
    return [_plain(v) for v in current]


def _plain(value):
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, Decimal):
        return value.normalize()
    return value


def expected(claim):
    """What the 837 can give back: one person for a patient who is the insured (blank insured fields
    taken from the patient, the patient shown as that person)."""
    if isinstance(claim, ProfessionalClaim) and professional_self(claim) and claim.patient:
        insured = subscriber_person(claim)
        patient = claim.patient.model_copy(update={f: getattr(insured, f) for f in PERSON_FIELDS})
        return claim.model_copy(update={"insured": insured, "patient": patient})
    if isinstance(claim, InstitutionalClaim) and institutional_self(claim) and claim.patient:
        insured = subscriber_names(claim)
        names = {f: getattr(insured, f) for f in ("last_name", "first_name", "middle_initial")}
        return claim.model_copy(
            update={"insured": insured, "patient": claim.patient.model_copy(update=names)}
        )
    return claim


def assert_round_trip(claim) -> None:
    kind = "837P" if isinstance(claim, ProfessionalClaim) else "837I"
    (back,) = from_x12(to_x12(claim, kind))
    want = expected(claim)
    differences = {
        p: (values(want, p), values(back, p)) for p in fields(kind) if values(want, p) != values(back, p)
    }
    assert not differences, differences


@pytest.mark.parametrize("form", ["cms1500", "ub04"])
def test_example_claims_round_trip(form):
    assert_round_trip(example(form))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(professional())
def test_professional_claims_round_trip(claim):
    assert_round_trip(claim)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(institutional())
def test_institutional_claims_round_trip(claim):
    assert_round_trip(claim)


def test_the_comparison_notices_a_lost_field():
    claim = example("cms1500")
    (back,) = from_x12(to_x12(claim))
    changed = back.model_copy(update={"prior_authorization_number": "X1"})
    assert values(changed, "prior_authorization_number") != values(
        expected(claim), "prior_authorization_number"
    )
    lines = [line.model_copy(update={"units": Decimal(2)}) for line in back.service_lines]
    assert values(back.model_copy(update={"service_lines": lines}), "service_lines[].units") == [2, 2]
