"""Every rule both ways: a mutation of a clean example claim trips it; the clean claim does not."""

from __future__ import annotations

import copy

import pytest
from claim_examples import BASES, TODAY

from autograder.claims import catalogue, validate
from autograder.claims.rules import RULES


def line(d, i=0):
    return d["service_lines"][i]


def rev(d, i=0):
    return d["revenue_lines"][i]


def dx(d, *codes):
    """Item 21 set to ``codes``; every line points to A only."""
    d["diagnoses"] = list(codes)
    for ln in d["service_lines"]:
        ln["diagnosis_pointers"] = ["A"]


def lab_lines(d, first, second, when="2026-03-10", units=1, mods=()):
    d["service_lines"] = [
        {**line(d, 0), "procedure_code": first, "service_from": when, "service_to": when, "modifiers": []},
        {
            **line(d, 1),
            "procedure_code": second,
            "service_from": when,
            "service_to": when,
            "modifiers": list(mods),
            "units": units,
        },
    ]


def add_dx(d, code, poa="Y"):
    d["other_diagnoses"].append({"code": code, "poa": poa})


def setp(d, path, value):
    *parents, last = path.split(".")
    for p in parents:
        d = d[p]
    d[last] = value


# rule id -> (base claim, mutation that trips the rule)
CASES = {
    # conventions
    "conventions.excludes1": ("cms1500", lambda d: dx(d, "E11.9", "Z79.84", "E10.9")),
    "conventions.manifestation-first": ("cms1500", lambda d: dx(d, "F02.80", "G30.9")),
    "conventions.external-cause-first": ("cms1500", lambda d: dx(d, "W01.0XXA", "S52.501A")),
    "conventions.missing-seventh": ("cms1500", lambda d: dx(d, "S72.001", "W01.0XXA")),
    "conventions.code-first": ("cms1500", lambda d: dx(d, "I10", "F02.80")),
    "conventions.use-additional": ("cms1500", lambda d: dx(d, "E11.9", "I10")),
    # dates
    "cms1500.date-invalid": ("cms1500", lambda d: setp(d, "patient.birth_date", "1958-02-30")),
    "ub04.date-invalid": ("ub04", lambda d: setp(d, "statement_through", "2026-13-05")),
    "cms1500.date-future": ("cms1500", lambda d: setp(d, "physician_signature_date", "2027-01-15")),
    "ub04.date-future": ("ub04", lambda d: setp(d, "patient.birth_date", "2027-07-19")),
    "cms1500.dates-order": ("cms1500", lambda d: line(d).update(service_from="2026-03-12")),
    "ub04.dates-order": ("ub04", lambda d: d.update(statement_from="2026-02-06")),
    "cms1500.service-date-required": ("cms1500", lambda d: line(d).update(service_from=None)),
    "cms1500.birth-after-service": ("cms1500", lambda d: setp(d, "patient.birth_date", "2026-04-01")),
    "cms1500.onset-after-service": (
        "cms1500",
        lambda d: d.update(current_illness_date="2026-03-20", current_illness_qualifier="431"),
    ),
    "cms1500.span-units": ("cms1500", lambda d: line(d, 1).update(service_to="2026-03-12")),
    "ub04.statement-required": ("ub04", lambda d: d.update(statement_through=None)),
    "ub04.service-outside-statement": ("ub04", lambda d: rev(d).update(service_date="2026-02-09")),
    "ub04.admission-date-required": ("ub04", lambda d: d.update(admission_date=None)),
    "ub04.admission-after-statement": ("ub04", lambda d: d.update(admission_date="2026-02-03")),
    "ub04.birth-after-admission": ("ub04", lambda d: setp(d, "patient.birth_date", "2026-02-04")),
    "ub04.procedure-date-outside-stay": ("ub04", lambda d: setp(d, "principal_procedure.date", "2026-02-08")),
    "ub04.procedure-date-required": ("ub04", lambda d: setp(d, "principal_procedure.date", None)),
    "ub04.accommodation-days": ("ub04", lambda d: rev(d).update(units=4, total_charges=5800.00)),
    # diagnoses
    "cms1500.diagnosis-required": ("cms1500", lambda d: d.update(diagnoses=[])),
    "cms1500.diagnosis-gap": ("cms1500", lambda d: d.update(diagnoses=["E11.9", "", "I10"])),
    "cms1500.diagnosis-too-many": ("cms1500", lambda d: d.update(diagnoses=["E11.9"] * 13)),
    "cms1500.diagnosis-code": ("cms1500", lambda d: dx(d, "E11", "Z79.84")),
    "cms1500.diagnosis-duplicate": ("cms1500", lambda d: d.update(diagnoses=["E11.9", "Z79.84", "E119"])),
    "cms1500.diagnosis-indicator": ("cms1500", lambda d: d.update(diagnosis_code_indicator="9")),
    "ub04.diagnosis-indicator": ("ub04", lambda d: d.update(diagnosis_code_indicator=None)),
    "ub04.principal-required": ("ub04", lambda d: d.update(principal_diagnosis=None)),
    "ub04.diagnosis-code": ("ub04", lambda d: add_dx(d, "E78")),
    "ub04.other-too-many": ("ub04", lambda d: d.update(other_diagnoses=[{"code": "I10", "poa": "Y"}] * 25)),
    "ub04.diagnosis-duplicate": ("ub04", lambda d: add_dx(d, "I10")),
    "ub04.admitting-required": ("ub04", lambda d: d.update(admitting_diagnosis=None)),
    "ub04.poa-value": ("ub04", lambda d: setp(d, "principal_diagnosis.poa", "1")),
    "ub04.poa-missing": ("ub04", lambda d: d["other_diagnoses"][0].update(poa=None)),
    "ub04.reason-for-visit-required": ("ub04-op", lambda d: d.update(reasons_for_visit=[])),
    "ub04.reason-for-visit-too-many": ("ub04-op", lambda d: d.update(reasons_for_visit=["R10.31"] * 4)),
    "ub04.external-cause-too-many": (
        "ub04",
        lambda d: d.update(external_cause_diagnoses=[{"code": "Y92.009", "poa": "Y"}] * 13),
    ),
    # identifiers
    "cms1500.npi-format": ("cms1500", lambda d: line(d).update(rendering_npi="123456789")),
    "cms1500.npi-check-digit": ("cms1500", lambda d: setp(d, "billing_provider.npi", "1543210988")),
    "ub04.npi-format": ("ub04", lambda d: setp(d, "attending_provider.npi", "17283946X5")),
    "ub04.npi-check-digit": ("ub04", lambda d: setp(d, "operating_provider.npi", "1346792588")),
    "cms1500.billing-npi-required": ("cms1500", lambda d: setp(d, "billing_provider.npi", None)),
    "ub04.billing-npi-required": ("ub04", lambda d: setp(d, "billing_provider.npi", "")),
    "cms1500.billing-name-required": ("cms1500", lambda d: setp(d, "billing_provider.name", None)),
    "ub04.billing-name-required": ("ub04", lambda d: setp(d, "billing_provider.name", " ")),
    "cms1500.billing-zip9": ("cms1500", lambda d: setp(d, "billing_provider.address.zip_code", "62701")),
    "ub04.billing-zip9": ("ub04", lambda d: setp(d, "billing_provider.address.zip_code", "62702-15")),
    "cms1500.billing-po-box": (
        "cms1500",
        lambda d: setp(d, "billing_provider.address.street", "P.O. Box 77"),
    ),
    "ub04.billing-po-box": ("ub04", lambda d: setp(d, "billing_provider.address.street", "PO BOX 500")),
    "cms1500.tax-id-required": ("cms1500", lambda d: d.update(federal_tax_id=None)),
    "cms1500.tax-id-format": ("cms1500", lambda d: d.update(federal_tax_id="37-12345")),
    "cms1500.tax-id-type": ("cms1500", lambda d: d.update(federal_tax_id_type=None)),
    "ub04.tax-id-required": ("ub04", lambda d: d.update(federal_tax_id=None)),
    "ub04.tax-id-format": ("ub04", lambda d: d.update(federal_tax_id="377-65-4321")),
    "cms1500.insured-id-required": ("cms1500", lambda d: setp(d, "insured.insured_id", "")),
    "cms1500.patient-name-required": ("cms1500", lambda d: setp(d, "patient.first_name", None)),
    "ub04.patient-name-required": ("ub04", lambda d: setp(d, "patient.last_name", None)),
    "cms1500.patient-sex": ("cms1500", lambda d: setp(d, "patient.sex", "Female")),
    "ub04.patient-sex": ("ub04", lambda d: setp(d, "patient.sex", "X")),
    "cms1500.relationship": ("cms1500", lambda d: d.update(patient_relationship_to_insured="18")),
    "cms1500.account-number": ("cms1500", lambda d: d.update(patient_account_number=None)),
    "ub04.control-number-required": ("ub04", lambda d: d.update(patient_control_number=None)),
    "cms1500.item14-qualifier-required": ("cms1500", lambda d: d.update(current_illness_date="2026-03-01")),
    "cms1500.item14-qualifier-valid": (
        "cms1500",
        lambda d: d.update(current_illness_date="2026-03-01", current_illness_qualifier="454"),
    ),
    "cms1500.item15-qualifier-required": ("cms1500", lambda d: d.update(other_date="2026-02-01")),
    "cms1500.item15-qualifier-valid": (
        "cms1500",
        lambda d: d.update(other_date="2026-02-01", other_date_qualifier="431"),
    ),
    "cms1500.item17-qualifier-required": (
        "cms1500",
        lambda d: d.update(referring_provider={"name": "Sam Ortiz MD", "npi": "1618033983"}),
    ),
    "cms1500.item17-qualifier-valid": (
        "cms1500",
        lambda d: d.update(
            referring_provider={"qualifier": "DX", "name": "Sam Ortiz MD", "npi": "1618033983"}
        ),
    ),
    "cms1500.item17-name-required": (
        "cms1500",
        lambda d: d.update(referring_provider={"qualifier": "DN", "npi": "1618033983"}),
    ),
    "cms1500.item17a-qualifier-required": (
        "cms1500",
        lambda d: d.update(
            referring_provider={"qualifier": "DN", "name": "Sam Ortiz MD", "other_id": "036123456"}
        ),
    ),
    "cms1500.item17a-qualifier-valid": (
        "cms1500",
        lambda d: d.update(
            referring_provider={
                "qualifier": "DN",
                "name": "Sam Ortiz MD",
                "other_id": "036123456",
                "other_id_qualifier": "XX",
            }
        ),
    ),
    "cms1500.resubmission-code": ("cms1500", lambda d: d.update(resubmission_code="1")),
    "cms1500.resubmission-reference": ("cms1500", lambda d: d.update(resubmission_code="7")),
    # service lines
    "cms1500.lines-required": ("cms1500", lambda d: d.update(service_lines=[], total_charge=0)),
    "cms1500.lines-too-many": (
        "cms1500",
        lambda d: d.update(service_lines=[line(d, 1)] * 51, total_charge=2295),
    ),
    "cms1500.pos-required": ("cms1500", lambda d: line(d).update(place_of_service=None)),
    "cms1500.pos-code": ("cms1500", lambda d: line(d).update(place_of_service="35")),
    "cms1500.procedure-required": ("cms1500", lambda d: line(d).update(procedure_code="")),
    "cms1500.procedure-format": ("cms1500", lambda d: line(d).update(procedure_code="0DTJ4ZZ")),
    "cms1500.procedure-code": ("cms1500", lambda d: line(d).update(procedure_code="99201")),
    "cms1500.modifier-too-many": (
        "cms1500",
        lambda d: line(d).update(modifiers=["25", "59", "XU", "LT", "RT"]),
    ),
    "cms1500.modifier-duplicate": ("cms1500", lambda d: line(d).update(modifiers=["25", "25"])),
    "cms1500.modifier-code": ("cms1500", lambda d: line(d).update(modifiers=["ZZ"])),
    "cms1500.pointer-required": ("cms1500", lambda d: line(d).update(diagnosis_pointers=[])),
    "cms1500.pointer-letter": ("cms1500", lambda d: line(d).update(diagnosis_pointers=["1"])),
    "cms1500.pointer-unfilled": ("cms1500", lambda d: line(d).update(diagnosis_pointers=["A", "D"])),
    "cms1500.pointer-too-many": (
        "cms1500",
        lambda d: (
            d.update(diagnoses=["E11.9", "Z79.84", "I10", "E78.5", "R10.31"])
            or line(d).update(diagnosis_pointers="ABCDE")
        ),
    ),
    "cms1500.pointer-duplicate": ("cms1500", lambda d: line(d).update(diagnosis_pointers=["A", "A"])),
    "cms1500.units": ("cms1500", lambda d: line(d).update(units=0)),
    "cms1500.charge-required": ("cms1500", lambda d: line(d).update(charges=None)),
    "cms1500.charge-negative": (
        "cms1500",
        lambda d: line(d).update(charges=-185) or d.update(total_charge=-140),
    ),
    "cms1500.total-charge": ("cms1500", lambda d: d.update(total_charge=185.00)),
    "cms1500.amount-paid": ("cms1500", lambda d: d.update(amount_paid=300)),
    "cms1500.outside-lab-charges": ("cms1500", lambda d: d.update(outside_lab=True)),
    "cms1500.ndc-format": ("cms1500", lambda d: line(d).update(ndc="12345-678-90")),
    # institutional
    "ub04.type-of-bill-required": ("ub04", lambda d: d.update(type_of_bill=None)),
    "ub04.type-of-bill-format": ("ub04", lambda d: d.update(type_of_bill="1111")),
    "ub04.type-of-bill-facility": ("ub04", lambda d: d.update(type_of_bill="0911")),
    "ub04.type-of-bill-classification": ("ub04", lambda d: d.update(type_of_bill="0191")),
    "ub04.type-of-bill-frequency": ("ub04", lambda d: d.update(type_of_bill="0116")),
    "ub04.resubmission-dcn": ("ub04", lambda d: d.update(type_of_bill="0117")),
    "ub04.admission-type-required": ("ub04", lambda d: d.update(admission_type=None)),
    "ub04.admission-type-code": ("ub04", lambda d: d.update(admission_type="7")),
    "ub04.point-of-origin-required": ("ub04", lambda d: d.update(point_of_origin=None)),
    "ub04.point-of-origin-code": ("ub04", lambda d: d.update(admission_type="4")),
    "ub04.discharge-status-required": ("ub04", lambda d: d.update(patient_discharge_status=None)),
    "ub04.discharge-status-code": ("ub04", lambda d: d.update(patient_discharge_status="10")),
    "ub04.hour-format": ("ub04", lambda d: d.update(admission_hour="24")),
    "ub04.field-code-format": ("ub04", lambda d: d.update(condition_codes=["A"])),
    "ub04.field-codes-too-many": ("ub04", lambda d: d.update(condition_codes=["A1"] * 12)),
    "ub04.occurrence-date-required": ("ub04", lambda d: d.update(occurrence_codes=[{"code": "11"}])),
    "ub04.value-amount-required": ("ub04", lambda d: d.update(value_codes=[{"code": "80"}])),
    "ub04.lines-required": ("ub04", lambda d: d.update(revenue_lines=[], total_charges=0)),
    "ub04.lines-too-many": (
        "ub04",
        lambda d: d.update(revenue_lines=[rev(d, 1)] * 1000, total_charges=312400),
    ),
    "ub04.revenue-code-format": ("ub04", lambda d: rev(d, 1).update(revenue_code="250")),
    "ub04.revenue-total-line": (
        "ub04",
        lambda d: d["revenue_lines"].append({"revenue_code": "0001", "units": 1, "total_charges": 0}),
    ),
    "ub04.hcpcs-required": ("ub04-op", lambda d: rev(d).update(hcpcs=None)),
    "ub04.hcpcs-format": ("ub04-op", lambda d: rev(d).update(hcpcs="9928")),
    "ub04.hcpcs-code": ("ub04-op", lambda d: rev(d).update(hcpcs="99201")),
    "ub04.modifier-too-many": ("ub04-op", lambda d: rev(d).update(modifiers=["25", "59", "XU", "LT", "RT"])),
    "ub04.modifier-duplicate": ("ub04-op", lambda d: rev(d).update(modifiers=["25", "25"])),
    "ub04.modifier-code": ("ub04-op", lambda d: rev(d).update(modifiers=["ZZ"])),
    "ub04.service-date-required": ("ub04-op", lambda d: rev(d).update(service_date=None)),
    "ub04.units": ("ub04", lambda d: rev(d, 1).update(units=None)),
    "ub04.charge-required": ("ub04", lambda d: rev(d, 1).update(total_charges=None)),
    "ub04.charge-negative": (
        "ub04",
        lambda d: rev(d, 1).update(non_covered_charges=-5) or d.update(total_non_covered_charges=-5),
    ),
    "ub04.non-covered-exceeds": (
        "ub04",
        lambda d: rev(d, 1).update(non_covered_charges=400) or d.update(total_non_covered_charges=400),
    ),
    "ub04.total-charges": ("ub04", lambda d: d.update(total_charges=13000)),
    "ub04.total-non-covered": ("ub04", lambda d: rev(d, 1).update(non_covered_charges=12.40)),
    "ub04.payer-required": ("ub04", lambda d: d.update(payer=None)),
    "ub04.procedure-code": ("ub04", lambda d: setp(d, "principal_procedure.code", "0DTJ4ZX")),
    "ub04.procedures-too-many": (
        "ub04",
        lambda d: d.update(other_procedures=[{"code": "0DTJ4ZZ", "date": "2026-02-03"}] * 25),
    ),
    "ub04.procedures-outpatient": (
        "ub04-op",
        lambda d: d.update(principal_procedure={"code": "0DTJ4ZZ", "date": "2026-02-02"}),
    ),
    "ub04.hcpcs-on-inpatient-procedure": ("ub04", lambda d: setp(d, "principal_procedure.code", "44970")),
    "ub04.attending-required": ("ub04", lambda d: d.update(attending_provider=None)),
    "ub04.operating-required": ("ub04", lambda d: d.update(operating_provider=None)),
    # parties
    "cms1500.payer-name-required": ("cms1500", lambda d: setp(d, "payer.name", None)),
    "cms1500.payer-id-required": ("cms1500", lambda d: setp(d, "payer.payer_id", " ")),
    "ub04.payer-id-required": ("ub04", lambda d: setp(d, "payer.payer_id", None)),
    "cms1500.insured-name-required": (
        "cms1500",
        lambda d: d.update(patient_relationship_to_insured="Spouse") or setp(d, "insured.last_name", None),
    ),
    "ub04.insured-name-required": (
        "ub04",
        lambda d: d.update(patient_relationship_to_insured="01") or setp(d, "insured.last_name", ""),
    ),
    "ub04.insured-id-required": ("ub04", lambda d: setp(d, "insured.insured_id", None)),
    "ub04.relationship": ("ub04", lambda d: d.update(patient_relationship_to_insured="Self")),
    "cms1500.birth-date-required": ("cms1500", lambda d: setp(d, "patient.birth_date", None)),
    "ub04.birth-date-required": ("ub04-op", lambda d: setp(d, "patient.birth_date", "")),
    "cms1500.patient-address-required": ("cms1500", lambda d: setp(d, "patient.address.city", None)),
    "ub04.patient-address-required": ("ub04", lambda d: setp(d, "patient.address", None)),
    "cms1500.billing-address-required": (
        "cms1500",
        lambda d: setp(d, "billing_provider.address.street", " "),
    ),
    "ub04.billing-address-required": ("ub04", lambda d: setp(d, "billing_provider.address.city", None)),
    "cms1500.facility-incomplete": ("cms1500", lambda d: setp(d, "service_facility.name", None)),
    "ub04.pay-to-address": (
        "ub04",
        lambda d: d.update(
            pay_to_provider={"address": {"street": "PO Box 9", "state": "IL", "zip_code": "62702"}}
        ),
    ),
    "ub04.provider-name-required": ("ub04", lambda d: setp(d, "operating_provider.last_name", None)),
    "ub04.release-of-information": ("ub04", lambda d: d.update(release_of_information="N")),
    "ub04.assignment-of-benefits": ("ub04", lambda d: d.update(assignment_of_benefits=None)),
    # what an 837 element can carry
    "claim.x12-characters": ("cms1500", lambda d: setp(d, "patient.last_name", "O*Brien")),
    "claim.x12-length": ("ub04", lambda d: d.update(remarks="Transferred by ambulance after a fall; " * 3)),
    # MCE (inpatient)
    "mce.invalid-code": ("ub04", lambda d: add_dx(d, "E78")),
    "mce.external-cause-pdx": ("ub04", lambda d: setp(d, "principal_diagnosis.code", "W01.0XXA")),
    "mce.duplicate-of-pdx": ("ub04", lambda d: add_dx(d, "K35.80")),
    "mce.age-conflict": ("ub04", lambda d: add_dx(d, "Z38.00")),
    "mce.manifestation-pdx": ("ub04", lambda d: setp(d, "principal_diagnosis.code", "F02.80")),
    "mce.unacceptable-pdx": ("ub04", lambda d: setp(d, "principal_diagnosis.code", "Z99.2")),
    "mce.questionable-admission": (
        "ub04",
        lambda d: d.update(
            principal_diagnosis={"code": "I10", "poa": "Y"}, other_diagnoses=[{"code": "E78.5", "poa": "Y"}]
        ),
    ),
    "mce.requires-sdx": (
        "ub04",
        lambda d: d.update(principal_diagnosis={"code": "Z51.89", "poa": "Y"}, other_diagnoses=[]),
    ),
    "mce.invalid-age": ("ub04", lambda d: setp(d, "patient.birth_date", "1890-07-19")),
    "mce.invalid-discharge-status": ("ub04", lambda d: d.update(patient_discharge_status="40")),
    "mce.invalid-admitting-dx": ("ub04", lambda d: d.update(admitting_diagnosis="R10.3")),
    "mce.non-covered": (
        "ub04",
        lambda d: d.update(other_procedures=[{"code": "0FYG0Z0", "date": "2026-02-04"}]),
    ),
    "mce.limited-coverage": (
        "ub04",
        lambda d: d.update(other_procedures=[{"code": "0TY00Z0", "date": "2026-02-04"}]),
    ),
    "mce.wrong-procedure": ("ub04", lambda d: add_dx(d, "Y65.51")),
    "mce.unspecified": ("ub04", lambda d: add_dx(d, "S52.309A")),
    "mce.not-run": ("ub04", lambda d: setp(d, "patient.birth_date", None)),
    # NCCI (bundled sample: real rows of CMS's 2026 Q3 practitioner tables)
    "ncci.ptp-not-allowed": ("cms1500", lambda d: lab_lines(d, "0001A", "36591", when="2023-06-01")),
    "ncci.ptp-modifier-needed": ("cms1500", lambda d: lab_lines(d, "0001U", "81105")),
    "ncci.mue-units": (
        "cms1500",
        lambda d: lab_lines(d, "83036", "0001U", units=2) or d.update(total_charge=230),
    ),
    # code-set warnings: a date of service outside FY2026
    "codes.warning": (
        "cms1500",
        lambda d: [
            ln.update(service_from="2025-09-15", service_to="2025-09-15") for ln in d["service_lines"]
        ],
    ),
}
# checked elsewhere: claim.unreadable (validate_many, test_claims_validate.py), mce.other (test_claims_mce.py)
TESTED_ELSEWHERE = {"claim.unreadable", "mce.other"}


def _rules(d) -> set[str]:
    return {f.rule for f in validate(d, today=TODAY)}


@pytest.mark.parametrize("base", sorted(BASES))
def test_the_clean_bases_have_no_findings(base):
    assert validate(BASES[base](), today=TODAY) == []


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_rule_trips_on_its_mutation_and_not_on_the_clean_claim(rule_id):
    base, mutate = CASES[rule_id]
    clean = BASES[base]()
    broken = copy.deepcopy(clean)
    mutate(broken)
    found = validate(broken, today=TODAY)
    assert rule_id in {f.rule for f in found}, [f"{f.rule}: {f.message}" for f in found]
    assert rule_id not in _rules(clean)
    for f in found:
        if f.rule == rule_id:
            rule = next(r for r in RULES if r.id == rule_id)
            assert f.severity == rule.severity
            assert f.locator.startswith(("CMS-1500", "UB-04"))
            assert "{" not in f.message


def test_every_catalogue_rule_has_a_case():
    ids = set(catalogue()["id"])
    assert ids == set(CASES) | TESTED_ELSEWHERE
    assert len(ids) >= 80


def test_catalogue_is_a_table_a_learner_can_read():
    df = catalogue()
    assert list(df.columns) == ["id", "form", "locator", "severity", "message", "group"]
    assert df["id"].is_unique
    assert set(df["severity"]) == {"error", "warning"}
    assert set(df["form"]) == {"cms1500", "ub04", "both"}
    assert not df["message"].str.strip().eq("").any()


INPATIENT_ONLY = {
    "ub04.admission-date-required",
    "ub04.admission-type-required",
    "ub04.point-of-origin-required",
    "ub04.admitting-required",
    "ub04.poa-missing",
}


def _without_admission(d):
    d.update(admission_date=None, admission_type=None, point_of_origin=None, admitting_diagnosis=None)
    d["other_diagnoses"][0]["poa"] = None


@pytest.mark.parametrize("tob", ["0711", "0811"])
def test_a_clinic_or_hospice_bill_is_not_an_inpatient_stay(tob):
    """FL 4 third digit 1 means inpatient only for facility types 1-6 (0711 is a rural health clinic,
    0811 a hospice): those bills need no admission data and get no MCE edits."""
    d = BASES["ub04"]()
    _without_admission(d)
    assert INPATIENT_ONLY <= _rules(d)
    d["type_of_bill"] = tob
    d["principal_diagnosis"]["code"] = "W01.0XXA"
    found = _rules(d)
    assert not found & INPATIENT_ONLY
    assert not {r for r in found if r.startswith("mce.")}


def test_the_mce_edits_hospital_inpatient_bills_only():
    d = BASES["ub04"]()
    d["principal_diagnosis"]["code"] = "W01.0XXA"
    assert "mce.external-cause-pdx" in _rules(d)
    d["type_of_bill"] = "0211"  # a SNF inpatient bill
    assert not {r for r in _rules(d) if r.startswith("mce.")}


@pytest.mark.parametrize(("tob", "outpatient"), [("0711", True), ("0851", True), ("0811", False)])
def test_clinic_and_cah_outpatient_lines_need_hcpcs_but_hospice_lines_do_not(tob, outpatient):
    d = BASES["ub04-op"]()
    d["type_of_bill"] = tob
    assert "ub04.hcpcs-required" not in _rules(d)
    rev(d).update(hcpcs=None)
    assert ("ub04.hcpcs-required" in _rules(d)) is outpatient
