"""Identifier rules: NPIs, tax IDs, names, addresses, qualifiers and resubmission references.

Authorities: CMS NPI standard (45 CFR 162.406; check digit by the Luhn formula over ``80840`` + the
NPI's first nine digits); NUCC 1500 Reference Instruction Manual items 1a, 2, 3, 14, 15, 17, 17a,
22, 25, 26, 33; NUBC UB-04 FL 1, 3a, 5, 8, 11, 56; 837P/837I 2010AA N3/N4 (billing provider street
address, 9-digit ZIP).
"""

from __future__ import annotations

import re

from autograder.claims.models import InstitutionalClaim, ProfessionalClaim, Provider
from autograder.claims.rules.base import blank, hit, line_at, rule, text

ITEM14_QUALIFIERS = {"431", "484"}
ITEM15_QUALIFIERS = {"454", "304", "453", "439", "455", "471", "090", "091", "444"}
ITEM17_QUALIFIERS = {"DN", "DK", "DQ"}
ITEM17A_QUALIFIERS = {"0B", "1G", "G2", "LU"}
SEXES = {"M", "F", "U"}
RELATIONSHIPS = {"SELF", "SPOUSE", "CHILD", "OTHER"}

_NINE_DIGITS = re.compile(r"\d{9}")
_PO_BOX = re.compile(r"\b(P\.?\s*O\.?\s*BOX|POST\s+OFFICE\s+BOX|LOCK\s*BOX|LOCKBOX|BOX\s+\d)", re.IGNORECASE)


def npi_check_digit_ok(npi: str) -> bool:
    """Luhn over ``80840`` + the 10-digit NPI (CMS NPI check digit standard)."""
    digits = [int(c) for c in "80840" + npi]
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2:
            d *= 2
            d = d - 9 if d > 9 else d
        total += d
    return total % 10 == 0


def _professional_npis(claim: ProfessionalClaim):
    """(locator, at, npi) for every NPI a CMS-1500 carries."""
    if claim.referring_provider and not blank(claim.referring_provider.npi):
        yield "CMS-1500 17b", None, claim.referring_provider.npi
    for i, line in enumerate(claim.service_lines):
        if not blank(line.rendering_npi):
            yield "CMS-1500 24J", line_at(i), line.rendering_npi
    if claim.service_facility and not blank(claim.service_facility.npi):
        yield "CMS-1500 32a", None, claim.service_facility.npi
    if claim.billing_provider and not blank(claim.billing_provider.npi):
        yield "CMS-1500 33a", None, claim.billing_provider.npi


def _institutional_npis(claim: InstitutionalClaim):
    if claim.billing_provider and not blank(claim.billing_provider.npi):
        yield "UB-04 FL 56", None, claim.billing_provider.npi
    if claim.attending_provider and not blank(claim.attending_provider.npi):
        yield "UB-04 FL 76", None, claim.attending_provider.npi
    if claim.operating_provider and not blank(claim.operating_provider.npi):
        yield "UB-04 FL 77", None, claim.operating_provider.npi
    for i, provider in enumerate(claim.other_providers):
        if not blank(provider.npi):
            yield f"UB-04 FL {78 + i}" if i < 2 else "UB-04 FL 78-79", None, provider.npi


def _npi_format(npis):
    for locator, at, npi in npis:
        value = text(npi)
        if not (len(value) == 10 and value.isdigit()):
            yield hit(at, value, locator, npi=value)


def _npi_check_digit(npis):
    for locator, at, npi in npis:
        value = text(npi)
        if len(value) == 10 and value.isdigit() and not npi_check_digit_ok(value):
            yield hit(at, value, locator, npi=value)


NPI_FORMAT = "NPI {npi!r} is not 10 digits: an NPI is exactly 10 digits, no spaces or letters."
NPI_CHECK = (
    "NPI {npi} fails the NPI check digit (Luhn formula with the 80840 prefix): a digit is mistyped; "
    "copy the NPI again from NPPES."
)


@rule("cms1500.npi-format", "cms1500", "CMS-1500 17b/24J/32a/33a", "error", NPI_FORMAT)
def cms1500_npi_format(claim, ctx):
    return _npi_format(_professional_npis(claim))


@rule("cms1500.npi-check-digit", "cms1500", "CMS-1500 17b/24J/32a/33a", "error", NPI_CHECK)
def cms1500_npi_check_digit(claim, ctx):
    return _npi_check_digit(_professional_npis(claim))


@rule("ub04.npi-format", "ub04", "UB-04 FL 56/76-79", "error", NPI_FORMAT)
def ub04_npi_format(claim, ctx):
    return _npi_format(_institutional_npis(claim))


@rule("ub04.npi-check-digit", "ub04", "UB-04 FL 56/76-79", "error", NPI_CHECK)
def ub04_npi_check_digit(claim, ctx):
    return _npi_check_digit(_institutional_npis(claim))


def _npi_missing(provider: Provider | None) -> bool:
    return provider is None or blank(provider.npi)


@rule(
    "cms1500.billing-npi-required",
    "cms1500",
    "CMS-1500 33a",
    "error",
    "Item 33a is blank: enter the billing provider's 10-digit NPI.",
)
def cms1500_billing_npi_required(claim, ctx):
    if _npi_missing(claim.billing_provider):
        yield hit()


@rule(
    "ub04.billing-npi-required",
    "ub04",
    "UB-04 FL 56",
    "error",
    "FL 56 is blank: enter the billing provider's 10-digit NPI.",
)
def ub04_billing_npi_required(claim, ctx):
    if _npi_missing(claim.billing_provider):
        yield hit()


@rule(
    "cms1500.billing-name-required",
    "cms1500",
    "CMS-1500 33",
    "error",
    "Item 33 has no billing provider name: enter the name of the practice or provider being paid.",
)
def cms1500_billing_name_required(claim, ctx):
    provider = claim.billing_provider
    if provider is None or (blank(provider.name) and blank(provider.last_name)):
        yield hit()


@rule(
    "ub04.billing-name-required",
    "ub04",
    "UB-04 FL 1",
    "error",
    "FL 1 has no billing provider name: enter the facility's name as enrolled with the payer.",
)
def ub04_billing_name_required(claim, ctx):
    if claim.billing_provider is None or blank(claim.billing_provider.name):
        yield hit()


def _zip_not_nine(provider: Provider | None):
    if provider is None or provider.address is None or blank(provider.address.zip_code):
        return None
    digits = text(provider.address.zip_code).replace("-", "")
    return None if (len(digits) == 9 and digits.isdigit()) else text(provider.address.zip_code)


ZIP9 = (
    "Billing provider ZIP {zip!r} is not a 9-digit ZIP+4: the 837 (2010AA N403) needs all nine digits "
    "for the billing provider's address."
)


@rule("cms1500.billing-zip9", "cms1500", "CMS-1500 33 / 837P 2010AA N403", "error", ZIP9)
def cms1500_billing_zip9(claim, ctx):
    if (value := _zip_not_nine(claim.billing_provider)) is not None:
        yield hit(code=value, zip=value)


@rule("ub04.billing-zip9", "ub04", "UB-04 FL 1 / 837I 2010AA N403", "error", ZIP9)
def ub04_billing_zip9(claim, ctx):
    if (value := _zip_not_nine(claim.billing_provider)) is not None:
        yield hit(code=value, zip=value)


def _po_box(provider: Provider | None) -> str | None:
    if provider is None or provider.address is None:
        return None
    street = " ".join(text(s) for s in (provider.address.street, provider.address.street2))
    return street if _PO_BOX.search(street) else None


PO_BOX = (
    "The billing provider address {street!r} is a post office box: the billing provider needs a street "
    "address (837 2010AA N301); a PO box goes in the pay-to address instead."
)


@rule("cms1500.billing-po-box", "cms1500", "CMS-1500 33 / 837P 2010AA N301", "error", PO_BOX)
def cms1500_billing_po_box(claim, ctx):
    if street := _po_box(claim.billing_provider):
        yield hit(street=street)


@rule("ub04.billing-po-box", "ub04", "UB-04 FL 1 / 837I 2010AA N301", "error", PO_BOX)
def ub04_billing_po_box(claim, ctx):
    if street := _po_box(claim.billing_provider):
        yield hit(street=street)


@rule(
    "cms1500.tax-id-required",
    "cms1500",
    "CMS-1500 25",
    "error",
    "Item 25 is blank: enter the billing provider's federal tax ID (EIN or SSN) and mark which it is.",
)
def cms1500_tax_id_required(claim, ctx):
    if blank(claim.federal_tax_id):
        yield hit()


@rule(
    "cms1500.tax-id-format",
    "cms1500",
    "CMS-1500 25",
    "error",
    "Tax ID {value!r} is not 9 digits: an EIN is NN-NNNNNNN and an SSN NNN-NN-NNNN (9 digits either way).",
)
def cms1500_tax_id_format(claim, ctx):
    value = text(claim.federal_tax_id)
    if value and not _NINE_DIGITS.fullmatch(value.replace("-", "")):
        yield hit(code=value, value=value)


@rule(
    "cms1500.tax-id-type",
    "cms1500",
    "CMS-1500 25",
    "error",
    "Item 25 type is {value!r}: mark EIN or SSN to say which kind of tax ID is entered.",
)
def cms1500_tax_id_type(claim, ctx):
    if not blank(claim.federal_tax_id) and text(claim.federal_tax_id_type).upper() not in {"EIN", "SSN"}:
        yield hit(value=text(claim.federal_tax_id_type))


@rule(
    "ub04.tax-id-required",
    "ub04",
    "UB-04 FL 5",
    "error",
    "FL 5 is blank: enter the facility's federal tax ID (EIN).",
)
def ub04_tax_id_required(claim, ctx):
    if blank(claim.federal_tax_id):
        yield hit()


@rule(
    "ub04.tax-id-format",
    "ub04",
    "UB-04 FL 5",
    "error",
    "FL 5 tax ID {value!r} is not an EIN: enter nine digits, as NN-NNNNNNN or NNNNNNNNN.",
)
def ub04_tax_id_format(claim, ctx):
    value = text(claim.federal_tax_id)
    if value and not re.fullmatch(r"\d{2}-?\d{7}", value):
        yield hit(code=value, value=value)


@rule(
    "cms1500.insured-id-required",
    "cms1500",
    "CMS-1500 1a",
    "error",
    "Item 1a is blank: enter the insured's ID exactly as it appears on the insurance card.",
)
def cms1500_insured_id_required(claim, ctx):
    if claim.insured is None or blank(claim.insured.insured_id):
        yield hit()


@rule(
    "cms1500.patient-name-required",
    "cms1500",
    "CMS-1500 2",
    "error",
    "Item 2 needs the patient's last and first name, as on the insurance card.",
)
def cms1500_patient_name_required(claim, ctx):
    if claim.patient is None or blank(claim.patient.last_name) or blank(claim.patient.first_name):
        yield hit()


@rule(
    "ub04.patient-name-required",
    "ub04",
    "UB-04 FL 8b",
    "error",
    "FL 8b needs the patient's last and first name.",
)
def ub04_patient_name_required(claim, ctx):
    if claim.patient is None or blank(claim.patient.last_name) or blank(claim.patient.first_name):
        yield hit()


SEX = "Patient sex is {value!r}: enter M, F or U (unknown)."


@rule("cms1500.patient-sex", "cms1500", "CMS-1500 3", "error", SEX)
def cms1500_patient_sex(claim, ctx):
    if claim.patient is not None and text(claim.patient.sex).upper() not in SEXES:
        yield hit(value=text(claim.patient.sex))


@rule("ub04.patient-sex", "ub04", "UB-04 FL 11", "error", SEX)
def ub04_patient_sex(claim, ctx):
    if claim.patient is not None and text(claim.patient.sex).upper() not in SEXES:
        yield hit(value=text(claim.patient.sex))


@rule(
    "cms1500.relationship",
    "cms1500",
    "CMS-1500 6",
    "error",
    "Item 6 is {value!r}: mark the patient's relationship to the insured as Self, Spouse, Child or Other.",
)
def cms1500_relationship(claim, ctx):
    if text(claim.patient_relationship_to_insured).upper() not in RELATIONSHIPS:
        yield hit(value=text(claim.patient_relationship_to_insured))


@rule(
    "cms1500.account-number",
    "cms1500",
    "CMS-1500 26 / 837P CLM01",
    "error",
    "Item 26 is blank: the 837P requires a patient account number (CLM01), and the payer quotes it back "
    "to match its answer to this claim; enter the account number your office uses.",
)
def cms1500_account_number(claim, ctx):
    if blank(claim.patient_account_number):
        yield hit()


@rule(
    "ub04.control-number-required",
    "ub04",
    "UB-04 FL 3a / 837I CLM01",
    "error",
    "FL 3a is blank: enter the patient control number the facility uses for this stay or visit.",
)
def ub04_control_number_required(claim, ctx):
    if blank(claim.patient_control_number):
        yield hit()


def _qualifier_required(value, qualifier):
    return not blank(value) and blank(qualifier)


def _qualifier_invalid(qualifier, allowed):
    return not blank(qualifier) and text(qualifier).upper() not in allowed


@rule(
    "cms1500.item14-qualifier-required",
    "cms1500",
    "CMS-1500 14",
    "error",
    "Item 14 has a date but no qualifier: enter 431 (onset of current symptoms or illness) or 484 "
    "(last menstrual period).",
)
def item14_qualifier_required(claim, ctx):
    if _qualifier_required(claim.current_illness_date, claim.current_illness_qualifier):
        yield hit()


@rule(
    "cms1500.item14-qualifier-valid",
    "cms1500",
    "CMS-1500 14",
    "error",
    "Item 14 qualifier {value!r} is not one item 14 takes: use 431 (onset) or 484 (last menstrual period).",
)
def item14_qualifier_valid(claim, ctx):
    if _qualifier_invalid(claim.current_illness_qualifier, ITEM14_QUALIFIERS):
        yield hit(value=text(claim.current_illness_qualifier))


@rule(
    "cms1500.item15-qualifier-required",
    "cms1500",
    "CMS-1500 15",
    "error",
    "Item 15 has a date but no qualifier: say what the date is (for example 454 initial treatment, "
    "439 accident, 304 latest visit).",
)
def item15_qualifier_required(claim, ctx):
    if _qualifier_required(claim.other_date, claim.other_date_qualifier):
        yield hit()


@rule(
    "cms1500.item15-qualifier-valid",
    "cms1500",
    "CMS-1500 15",
    "error",
    "Item 15 qualifier {value!r} is not one item 15 takes: use 454 (initial treatment), 304 (latest visit "
    "or consultation), 453 (acute flare of a chronic condition), 439 (accident), 455 (last X-ray), 471 "
    "(prescription), 090 (care assumed), 091 (care relinquished) or 444 (first visit or consultation).",
)
def item15_qualifier_valid(claim, ctx):
    if _qualifier_invalid(claim.other_date_qualifier, ITEM15_QUALIFIERS):
        yield hit(value=text(claim.other_date_qualifier))


def _referring(claim):
    return claim.referring_provider


@rule(
    "cms1500.item17-qualifier-required",
    "cms1500",
    "CMS-1500 17",
    "error",
    "Item 17 names a provider but has no qualifier: enter DN (referring), DK (ordering) or DQ "
    "(supervising) left of the name.",
)
def item17_qualifier_required(claim, ctx):
    p = _referring(claim)
    if p is not None and not (blank(p.name) and blank(p.last_name)) and blank(p.qualifier):
        yield hit()


@rule(
    "cms1500.item17-qualifier-valid",
    "cms1500",
    "CMS-1500 17",
    "error",
    "Item 17 qualifier {value!r} is not DN (referring), DK (ordering) or DQ (supervising).",
)
def item17_qualifier_valid(claim, ctx):
    p = _referring(claim)
    if p is not None and _qualifier_invalid(p.qualifier, ITEM17_QUALIFIERS):
        yield hit(value=text(p.qualifier))


@rule(
    "cms1500.item17-name-required",
    "cms1500",
    "CMS-1500 17",
    "error",
    "Item 17 has a qualifier, 17a or 17b but no name: enter the referring, ordering or supervising "
    "provider's name (the 837P sends it in NM103 of 2310A, 2310D or 2420E).",
)
def item17_name_required(claim, ctx):
    p = _referring(claim)
    if p is None or (blank(p.qualifier) and blank(p.npi) and blank(p.other_id)):
        return
    if blank(p.name) and blank(p.last_name):
        yield hit()


@rule(
    "cms1500.item17a-qualifier-required",
    "cms1500",
    "CMS-1500 17a",
    "error",
    "Item 17a has an ID but no qualifier: enter 0B (state license), 1G (UPIN), G2 (commercial number) "
    "or LU (location number) in the shaded field.",
)
def item17a_qualifier_required(claim, ctx):
    p = _referring(claim)
    if p is not None and _qualifier_required(p.other_id, p.other_id_qualifier):
        yield hit()


@rule(
    "cms1500.item17a-qualifier-valid",
    "cms1500",
    "CMS-1500 17a",
    "error",
    "Item 17a qualifier {value!r} is not 0B, 1G, G2 or LU.",
)
def item17a_qualifier_valid(claim, ctx):
    p = _referring(claim)
    if p is not None and _qualifier_invalid(p.other_id_qualifier, ITEM17A_QUALIFIERS):
        yield hit(value=text(p.other_id_qualifier))


@rule(
    "cms1500.resubmission-code",
    "cms1500",
    "CMS-1500 22 / 837P CLM05-3",
    "error",
    "Item 22 resubmission code {value!r} is not 7 (replacement of a prior claim) or 8 (void of a prior "
    "claim); leave item 22 blank on an original claim.",
)
def cms1500_resubmission_code(claim, ctx):
    if not blank(claim.resubmission_code) and text(claim.resubmission_code) not in {"7", "8"}:
        yield hit(value=text(claim.resubmission_code))


@rule(
    "cms1500.resubmission-reference",
    "cms1500",
    "CMS-1500 22 / 837P 2300 REF*F8",
    "error",
    "Item 22 has resubmission code {value} but no original reference number: enter the payer's claim "
    "number of the claim being replaced or voided.",
)
def cms1500_resubmission_reference(claim, ctx):
    code = text(claim.resubmission_code)
    if code in {"7", "8"} and blank(claim.original_reference_number):
        yield hit(value=code)
