"""Party rules: the payer, the insured, the patient's birth date and address, and the providers'
names and addresses, as the 837 needs them.

Authorities: NUCC 1500 Reference Instruction Manual items 3, 4, 5, 32, 33 and the carrier block;
NUBC UB-04 FL 1, 2, 9, 10, 51, 58-60, 76-79; 837P (005010X222A1) and 837I (005010X223A2) loops
2010AA (billing provider address), 2010AB (pay-to address), 2010BA (subscriber name and ID), 2010BB
(payer name and ID), 2010BA or 2010CA (patient address and birth date), 2310A-F (provider names) and 2310C
(service facility), where those elements are required.
"""

from __future__ import annotations

from autograder.claims.models import Address, Provider
from autograder.claims.rules.base import blank, hit, rule, text

SELF_CODE = "18"  # UB-04 FL 59, 837I SBR02
RELATIONSHIP_CODES = {SELF_CODE, "01", "19", "20", "21", "39", "40", "53", "G8"}
NAMED_ROLES = {"ZZ": "2310C", "82": "2310D", "DN": "2310F"}  # FL 78-79 qualifier -> 837I loop


def _missing_address(address: Address | None) -> str:
    """What the 837's N3/N4 needs that the address lacks: ``"street"``, ``"city"``, both, or ``""``."""
    gaps = [part for part in ("street", "city") if address is None or blank(getattr(address, part))]
    return " and ".join(gaps)


def _unnamed(provider: Provider) -> bool:
    return blank(provider.last_name) and blank(provider.name)


# --- the payer ---------------------------------------------------------------------------------


@rule(
    "cms1500.payer-name-required",
    "cms1500",
    "CMS-1500 carrier block",
    "error",
    "The payer's name is blank: enter the health plan billed in the carrier block; the 837P names it "
    "in 2010BB NM103.",
)
def cms1500_payer_name_required(claim, ctx):
    if claim.payer is None or blank(claim.payer.name):
        yield hit()


@rule(
    "cms1500.payer-id-required",
    "cms1500",
    "CMS-1500 carrier block / 837P 2010BB NM109",
    "error",
    "The payer ID is blank: the 837P identifies the health plan by its payer ID (2010BB NM109); take "
    "it from the payer's or the clearinghouse's payer list.",
)
def cms1500_payer_id_required(claim, ctx):
    if claim.payer is None or blank(claim.payer.payer_id):
        yield hit()


@rule(
    "ub04.payer-id-required",
    "ub04",
    "UB-04 FL 51",
    "error",
    "FL 51 is blank: enter the ID of the health plan named in FL 50; the 837I identifies the payer by "
    "it (2010BB NM109).",
)
def ub04_payer_id_required(claim, ctx):
    if claim.payer is None or blank(claim.payer.payer_id):
        yield hit()


# --- the insured -------------------------------------------------------------------------------


@rule(
    "cms1500.insured-name-required",
    "cms1500",
    "CMS-1500 4",
    "error",
    "Item 4 is blank but item 6 says the patient is not the insured: enter the insured's name as on the "
    "ID card; the 837P sends it as the subscriber (2010BA NM103).",
)
def cms1500_insured_name_required(claim, ctx):
    is_self = text(claim.patient_relationship_to_insured).upper() == "SELF"
    if not is_self and (claim.insured is None or blank(claim.insured.last_name)):
        yield hit()


@rule(
    "ub04.insured-name-required",
    "ub04",
    "UB-04 FL 58",
    "error",
    "FL 58 has no insured's last name: enter the name of the person who holds the policy, as on the "
    "member card (when FL 59 is 18, self, the name in FL 8b is sent instead).",
)
def ub04_insured_name_required(claim, ctx):
    is_self = text(claim.patient_relationship_to_insured) == SELF_CODE
    if not is_self and (claim.insured is None or blank(claim.insured.last_name)):
        yield hit()


@rule(
    "ub04.insured-id-required",
    "ub04",
    "UB-04 FL 60",
    "error",
    "FL 60 is blank: enter the insured's unique ID as on the member card (the 837I subscriber ID, "
    "2010BA NM109).",
)
def ub04_insured_id_required(claim, ctx):
    if claim.insured is None or blank(claim.insured.insured_id):
        yield hit()


@rule(
    "ub04.relationship",
    "ub04",
    "UB-04 FL 59",
    "error",
    "FL 59 is {value!r}: enter the patient's relationship to the insured as a code: 18 self, 01 spouse, "
    "19 child, 20 employee, 21 unknown, 39 organ donor, 40 cadaver donor, 53 life partner, G8 other.",
)
def ub04_relationship(claim, ctx):
    if text(claim.patient_relationship_to_insured).upper() not in RELATIONSHIP_CODES:
        yield hit(value=text(claim.patient_relationship_to_insured))


# --- the patient -------------------------------------------------------------------------------

BIRTH_DATE = "{where} is blank: enter the patient's birth date (MM/DD/YYYY on the form; 837 DMG02)."
ADDRESS = (
    "{where} has no {missing}: enter the patient's full mailing address (street, city, state, ZIP); the "
    "837 sends it in N3/N4 of 2010BA when the patient is the insured, else of 2010CA."
)


@rule("cms1500.birth-date-required", "cms1500", "CMS-1500 3", "error", BIRTH_DATE)
def cms1500_birth_date_required(claim, ctx):
    if claim.patient is None or blank(claim.patient.birth_date):
        yield hit(where="Item 3")


@rule("ub04.birth-date-required", "ub04", "UB-04 FL 10", "error", BIRTH_DATE)
def ub04_birth_date_required(claim, ctx):
    if claim.patient is None or blank(claim.patient.birth_date):
        yield hit(where="FL 10")


@rule("cms1500.patient-address-required", "cms1500", "CMS-1500 5", "error", ADDRESS)
def cms1500_patient_address_required(claim, ctx):
    missing = _missing_address(claim.patient and claim.patient.address)
    if missing:
        yield hit(where="Item 5", missing=missing)


@rule("ub04.patient-address-required", "ub04", "UB-04 FL 9", "error", ADDRESS)
def ub04_patient_address_required(claim, ctx):
    missing = _missing_address(claim.patient and claim.patient.address)
    if missing:
        yield hit(where="FL 9", missing=missing)


# --- providers ---------------------------------------------------------------------------------

BILLING_ADDRESS = (
    "{where} has no billing provider {missing}: enter the street address (not a post office box), city, "
    "state and ZIP+4 where the provider practises; the 837 sends it in 2010AA N3/N4."
)


@rule("cms1500.billing-address-required", "cms1500", "CMS-1500 33", "error", BILLING_ADDRESS)
def cms1500_billing_address_required(claim, ctx):
    missing = _missing_address(claim.billing_provider and claim.billing_provider.address)
    if missing:
        yield hit(where="Item 33", missing=missing)


@rule("ub04.billing-address-required", "ub04", "UB-04 FL 1", "error", BILLING_ADDRESS)
def ub04_billing_address_required(claim, ctx):
    missing = _missing_address(claim.billing_provider and claim.billing_provider.address)
    if missing:
        yield hit(where="FL 1", missing=missing)


@rule(
    "cms1500.facility-incomplete",
    "cms1500",
    "CMS-1500 32",
    "error",
    "Item 32 names a service facility without its {missing}: enter the name and full address of the "
    "place the services were given (837P 2310C), or leave item 32 empty.",
)
def cms1500_facility_incomplete(claim, ctx):
    facility = claim.service_facility
    if facility is None or (blank(facility.name) and blank(facility.npi) and facility.address is None):
        return
    gaps = ["name"] if blank(facility.name) else []
    address = _missing_address(facility.address)
    if address:
        gaps.append(address)
    if gaps:
        yield hit(missing=", ".join(gaps))


@rule(
    "ub04.pay-to-address",
    "ub04",
    "UB-04 FL 2",
    "error",
    "FL 2 gives a pay-to address without its {missing}: enter the full address where payment is to be "
    "sent (837I 2010AB N3/N4), or leave FL 2 empty when it is the FL 1 address.",
)
def ub04_pay_to_address(claim, ctx):
    pay_to = claim.pay_to_provider
    if pay_to is not None and pay_to.address is not None:
        missing = _missing_address(pay_to.address)
        if missing:
            yield hit(missing=missing)


def _institutional_providers(claim):
    """(form locator, 837I loop, provider) for each FL 76-79 provider the 837I sends."""
    for locator, loop, provider in (
        ("UB-04 FL 76", "2310A", claim.attending_provider),
        ("UB-04 FL 77", "2310B", claim.operating_provider),
    ):
        if provider is not None and not (blank(provider.npi) and _unnamed(provider)):
            yield locator, loop, provider
    for i, provider in enumerate(claim.other_providers):
        loop = NAMED_ROLES.get(text(provider.qualifier).upper())
        if loop:
            yield (f"UB-04 FL {78 + i}" if i < 2 else "UB-04 FL 78-79"), loop, provider


@rule(
    "ub04.provider-name-required",
    "ub04",
    "UB-04 FL 76-79",
    "error",
    "{where} has a provider with no last name: enter the provider's last and first name beside the NPI "
    "(837I {loop} NM103).",
)
def ub04_provider_name_required(claim, ctx):
    for locator, loop, provider in _institutional_providers(claim):
        if _unnamed(provider):
            yield hit(None, text(provider.npi) or None, locator, where=locator[6:], loop=loop)
