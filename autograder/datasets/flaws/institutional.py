"""Flaws on UB-04 claims, form locator by form locator (NUBC UB-04; CMS Pub 100-04 ch. 25):
identifiers, type of bill, admission data, code fields, revenue lines and totals, diagnoses and
procedures. Inpatient-only locators are planted on inpatient bills, the rest on outpatient bills."""

from __future__ import annotations

from autograder.datasets.flaws import INPATIENT, OUTPATIENT, flaw
from autograder.datasets.flaws import edits as e

# place-of-occurrence codes with no Excludes1 note between them, for a claim that lists too many
PLACE_CODES = (
    "Y92.000",
    "Y92.001",
    "Y92.002",
    "Y92.003",
    "Y92.007",
    "Y92.008",
    "Y92.009",
    "Y92.010",
    "Y92.011",
    "Y92.012",
    "Y92.013",
    "Y92.014",
    "Y92.015",
)
# the ICD-10-PCS code a hospital would report for each outpatient operation, had it been inpatient
PCS_FOR = {
    "op-screening-colonoscopy-polypectomy": "0DBN8ZZ",
    "op-laparoscopic-cholecystectomy": "0FT44ZZ",
    "op-cataract-extraction": "08DJ3ZZ",
    "op-carpal-tunnel-release": "01N50ZZ",
    "op-knee-arthroscopy-meniscectomy": "0SBC4ZZ",
}


def _line(claim: dict, with_hcpcs: bool = False) -> dict | None:
    for line in claim["revenue_lines"]:
        if not with_hcpcs or line.get("hcpcs"):
            return line
    return None


# --- identifiers and parties -------------------------------------------------------------------


@flaw(
    "ub04-attending-npi-nine-digits",
    OUTPATIENT,
    "ub04.npi-format",
    "The attending NPI in FL 76 has nine digits.",
)
def _(claim, ctx):
    claim["attending_provider"]["npi"] = claim["attending_provider"]["npi"][:9]
    return True


@flaw(
    "ub04-npi-check-digit",
    OUTPATIENT,
    "ub04.npi-check-digit",
    "The hospital's NPI in FL 56 has a mistyped last digit; the check digit fails.",
)
def _(claim, ctx):
    claim["billing_provider"]["npi"] = e.wrong_check_digit(claim["billing_provider"]["npi"])
    return True


@flaw(
    "ub04-billing-npi-missing",
    OUTPATIENT,
    "ub04.billing-npi-required",
    "FL 56 (the hospital's NPI) is blank.",
)
def _(claim, ctx):
    claim["billing_provider"]["npi"] = None
    return True


@flaw("ub04-billing-name-missing", OUTPATIENT, "ub04.billing-name-required", "FL 1 has no facility name.")
def _(claim, ctx):
    claim["billing_provider"]["name"] = None
    return True


@flaw(
    "ub04-billing-zip5",
    OUTPATIENT,
    "ub04.billing-zip9",
    "The FL 1 ZIP code has five digits instead of ZIP+4.",
)
def _(claim, ctx):
    address = claim["billing_provider"]["address"]
    address["zip_code"] = address["zip_code"][:5]
    return True


@flaw(
    "ub04-billing-po-box",
    OUTPATIENT,
    "ub04.billing-po-box",
    "FL 1 shows the hospital's lockbox (a PO box) instead of its street address.",
)
def _(claim, ctx):
    claim["billing_provider"]["address"]["street"] = f"PO Box {ctx.rng.randint(100, 9999)}"
    return True


@flaw("ub04-tax-id-missing", OUTPATIENT, "ub04.tax-id-required", "FL 5 (federal tax number) is blank.")
def _(claim, ctx):
    claim["federal_tax_id"] = None
    return True


@flaw("ub04-tax-id-short", OUTPATIENT, "ub04.tax-id-format", "The EIN in FL 5 is missing a digit.")
def _(claim, ctx):
    claim["federal_tax_id"] = claim["federal_tax_id"][:-1]
    return True


@flaw(
    "ub04-patient-last-name-missing",
    OUTPATIENT,
    "ub04.patient-name-required",
    "FL 8b has no patient last name.",
)
def _(claim, ctx):
    claim["patient"]["last_name"] = None
    return True


@flaw(
    "ub04-sex-spelled-out",
    OUTPATIENT,
    "ub04.patient-sex",
    "FL 11 sex is typed as a word instead of M, F or U.",
)
def _(claim, ctx):
    claim["patient"]["sex"] = "Female" if claim["patient"]["sex"] == "F" else "Male"
    return True


@flaw(
    "ub04-control-number-missing",
    OUTPATIENT,
    "ub04.control-number-required",
    "FL 3a (patient control number) is blank.",
)
def _(claim, ctx):
    claim["patient_control_number"] = None
    return True


@flaw("ub04-payer-missing", OUTPATIENT, "ub04.payer-required", "FL 50 (payer name) is blank.")
def _(claim, ctx):
    claim["payer"]["name"] = None
    return True


@flaw(
    "ub04-payer-id-missing",
    OUTPATIENT,
    "ub04.payer-id-required",
    "FL 51 (the payer's health plan ID) is blank.",
)
def _(claim, ctx):
    claim["payer"]["payer_id"] = None
    return True


@flaw(
    "ub04-insured-name-missing",
    INPATIENT,
    "ub04.insured-name-required",
    "FL 58 (insured's name) is blank although FL 59 says the patient is not the insured.",
)
def _(claim, ctx):
    if claim["patient_relationship_to_insured"] == "18":
        return False
    claim["insured"]["last_name"] = None
    claim["insured"]["first_name"] = None
    return True


@flaw(
    "ub04-insured-id-missing",
    INPATIENT,
    "ub04.insured-id-required",
    "FL 60 (insured's unique ID) is blank.",
)
def _(claim, ctx):
    claim["insured"]["insured_id"] = None
    return True


@flaw(
    "ub04-relationship-word",
    OUTPATIENT,
    "ub04.relationship",
    "FL 59 says Self, as on a CMS-1500, where the UB-04 takes the code 18.",
)
def _(claim, ctx):
    if claim["patient_relationship_to_insured"] != "18":
        return False
    claim["patient_relationship_to_insured"] = "Self"
    return True


@flaw(
    "ub04-patient-address-missing",
    OUTPATIENT,
    "ub04.patient-address-required",
    "FL 9 (patient's address) is blank.",
)
def _(claim, ctx):
    claim["patient"]["address"] = None
    return True


@flaw(
    "ub04-billing-city-missing",
    INPATIENT,
    "ub04.billing-address-required",
    "FL 1 gives the hospital's street, state and ZIP but no city.",
)
def _(claim, ctx):
    claim["billing_provider"]["address"]["city"] = None
    return True


@flaw(
    "ub04-pay-to-without-city",
    OUTPATIENT,
    "ub04.pay-to-address",
    "FL 2 gives a pay-to lockbox street and ZIP but no city.",
)
def _(claim, ctx):
    billing = claim["billing_provider"]["address"]
    claim["pay_to_provider"] = {
        "name": claim["billing_provider"]["name"],
        "address": {"street": "Lockbox 4410", "state": billing["state"], "zip_code": billing["zip_code"]},
    }
    return True


@flaw(
    "ub04-attending-name-missing",
    INPATIENT,
    "ub04.provider-name-required",
    "FL 76 gives the attending provider's NPI but no name.",
)
def _(claim, ctx):
    claim["attending_provider"]["last_name"] = None
    claim["attending_provider"]["first_name"] = None
    return True


@flaw(
    "ub04-release-of-information-blank",
    INPATIENT,
    "ub04.release-of-information",
    "FL 52 (release of information) is blank.",
)
def _(claim, ctx):
    claim["release_of_information"] = None
    return True


@flaw(
    "ub04-assignment-of-benefits-blank",
    OUTPATIENT,
    "ub04.assignment-of-benefits",
    "FL 53 (assignment of benefits) is blank.",
)
def _(claim, ctx):
    claim["assignment_of_benefits"] = None
    return True


@flaw(
    "ub04-remarks-too-long",
    OUTPATIENT,
    "claim.x12-length",
    "FL 80 holds a remark longer than the 80 characters the 837I note (NTE02) carries.",
)
def _(claim, ctx):
    claim["remarks"] = (
        "Patient arrived by private car with family; records from the urgent care clinic seen the same "
        "morning are attached to the chart."
    )
    return True


@flaw("ub04-attending-missing", INPATIENT, "ub04.attending-required", "FL 76 (attending provider) is blank.")
def _(claim, ctx):
    claim["attending_provider"] = None
    return True


@flaw(
    "ub04-operating-missing",
    INPATIENT,
    "ub04.operating-required",
    "FL 74 lists a procedure but FL 77 names no operating provider.",
)
def _(claim, ctx):
    if not claim.get("principal_procedure"):
        return False
    claim.pop("operating_provider", None)
    return True


# --- type of bill, admission, discharge ---------------------------------------------------------


@flaw("ub04-type-of-bill-missing", OUTPATIENT, "ub04.type-of-bill-required", "FL 4 (type of bill) is blank.")
def _(claim, ctx):
    claim["type_of_bill"] = None
    return True


@flaw(
    "ub04-type-of-bill-five-digits",
    OUTPATIENT,
    "ub04.type-of-bill-format",
    "FL 4 has five digits (01311); the type of bill is four.",
)
def _(claim, ctx):
    claim["type_of_bill"] = claim["type_of_bill"] + "1"
    return True


@flaw(
    "ub04-type-of-bill-facility",
    OUTPATIENT,
    "ub04.type-of-bill-facility",
    "FL 4 facility digit is 5, which is not a facility type.",
)
def _(claim, ctx):
    claim["type_of_bill"] = "05" + claim["type_of_bill"][2:]
    return True


@flaw(
    "ub04-type-of-bill-classification",
    INPATIENT,
    "ub04.type-of-bill-classification",
    "The inpatient stay is billed with type of bill 0171: classification 7 is not used by a hospital.",
)
def _(claim, ctx):
    claim["type_of_bill"] = "0171"
    return True


@flaw(
    "ub04-type-of-bill-frequency",
    INPATIENT,
    "ub04.type-of-bill-frequency",
    "FL 4 frequency digit is 6, which is not a frequency code.",
)
def _(claim, ctx):
    claim["type_of_bill"] = "0116"
    return True


@flaw(
    "ub04-replacement-no-dcn",
    INPATIENT,
    "ub04.resubmission-dcn",
    "Type of bill 0117 (replacement) without the original claim's document control number in FL 64.",
)
def _(claim, ctx):
    claim["type_of_bill"] = "0117"
    return True


@flaw(
    "ub04-admission-date-missing",
    INPATIENT,
    "ub04.admission-date-required",
    "FL 12 (admission date) is blank.",
)
def _(claim, ctx):
    claim["admission_date"] = None
    return True


@flaw(
    "ub04-admitted-after-statement-start",
    INPATIENT,
    ("ub04.admission-after-statement", "ub04.accommodation-days"),
    "The statement period in FL 6 starts the day before the admission date in FL 12, so the room and "
    "board days no longer match the period billed.",
)
def _(claim, ctx):
    earlier = e.shift(claim["statement_from"], -1)
    if claim["patient"]["birth_date"] >= earlier:  # a newborn's bill cannot start before the birth
        return False
    claim["statement_from"] = earlier
    return True


@flaw(
    "ub04-admission-type-missing",
    INPATIENT,
    "ub04.admission-type-required",
    "FL 14 (type of admission) is blank.",
)
def _(claim, ctx):
    claim["admission_type"] = None
    return True


@flaw(
    "ub04-admission-type-7",
    INPATIENT,
    "ub04.admission-type-code",
    "FL 14 has 7, which is not a type of admission.",
)
def _(claim, ctx):
    claim["admission_type"] = "7"
    return True


@flaw("ub04-origin-missing", INPATIENT, "ub04.point-of-origin-required", "FL 15 (point of origin) is blank.")
def _(claim, ctx):
    claim["point_of_origin"] = None
    return True


@flaw(
    "ub04-origin-3",
    INPATIENT,
    "ub04.point-of-origin-code",
    "FL 15 has 3, which is not a point of origin code.",
)
def _(claim, ctx):
    claim["point_of_origin"] = "3"
    return True


@flaw(
    "ub04-admission-hour-24", INPATIENT, "ub04.hour-format", "FL 13 admission hour is 24; hours run 00 to 23."
)
def _(claim, ctx):
    claim["admission_hour"] = "24"
    return True


@flaw(
    "ub04-discharge-status-missing",
    OUTPATIENT,
    "ub04.discharge-status-required",
    "FL 17 (discharge status) is blank.",
)
def _(claim, ctx):
    claim["patient_discharge_status"] = None
    return True


@flaw(
    "ub04-discharge-status-10",
    OUTPATIENT,
    "ub04.discharge-status-code",
    "FL 17 has 10, which is not a status code.",
)
def _(claim, ctx):
    claim["patient_discharge_status"] = "10"
    return True


# --- dates -----------------------------------------------------------------------------------


@flaw(
    "ub04-impossible-occurrence-date",
    OUTPATIENT,
    "ub04.date-invalid",
    "The onset date with occurrence code 11 is February 30.",
)
def _(claim, ctx):
    claim["occurrence_codes"] = [{"code": "11", "date": e.impossible_date(claim["statement_from"])}]
    return True


@flaw(
    "ub04-future-occurrence-date",
    OUTPATIENT,
    "ub04.date-future",
    "The onset date with occurrence code 11 has its year keyed as 2062.",
)
def _(claim, ctx):
    claim["occurrence_codes"] = [{"code": "11", "date": e.year_typo(claim["statement_from"])}]
    return True


@flaw(
    "ub04-span-reversed",
    OUTPATIENT,
    "ub04.dates-order",
    "Occurrence span 72 (first and last visit) runs backwards: 'from' is after 'through'.",
)
def _(claim, ctx):
    start = claim["statement_from"]
    claim["occurrence_spans"] = [{"code": "72", "from_date": start, "through_date": e.shift(start, -7)}]
    return True


@flaw("ub04-statement-through-missing", OUTPATIENT, "ub04.statement-required", "FL 6 has no 'through' date.")
def _(claim, ctx):
    claim["statement_through"] = None
    return True


@flaw(
    "ub04-line-outside-statement",
    OUTPATIENT,
    "ub04.service-outside-statement",
    "A line's service date in FL 45 is the day after the statement period.",
)
def _(claim, ctx):
    line = _line(claim)
    if line is None or not line.get("service_date"):
        return False
    line["service_date"] = e.shift(claim["statement_through"], 1)
    return True


@flaw(
    "ub04-birth-after-visit",
    OUTPATIENT,
    "ub04.birth-after-admission",
    "The birth date in FL 10 is after the visit (the visit date keyed into it).",
)
def _(claim, ctx):
    claim["patient"]["birth_date"] = e.shift(claim["statement_from"], 1)
    return True


@flaw(
    "ub04-procedure-after-discharge",
    INPATIENT,
    "ub04.procedure-date-outside-stay",
    "The principal procedure is dated the day after discharge.",
)
def _(claim, ctx):
    if not claim.get("principal_procedure"):
        return False
    claim["principal_procedure"]["date"] = e.shift(claim["statement_through"], 1)
    return True


@flaw(
    "ub04-procedure-date-missing",
    INPATIENT,
    "ub04.procedure-date-required",
    "The principal procedure has no date.",
)
def _(claim, ctx):
    if not claim.get("principal_procedure"):
        return False
    claim["principal_procedure"]["date"] = None
    return True


@flaw(
    "ub04-room-days-include-discharge",
    INPATIENT,
    "ub04.accommodation-days",
    "Room and board counts the day of discharge: one unit too many for the stay.",
)
def _(claim, ctx):
    for line in claim["revenue_lines"]:
        if line["revenue_code"].startswith(("01", "020", "021")):
            per_day = line["total_charges"] / line["units"]
            line["units"] += 1
            line["total_charges"] = e.money(per_day * line["units"])
            e.institutional_total(claim)
            return True
    return False


# --- code fields (FL 18-41) -------------------------------------------------------------------


@flaw(
    "ub04-condition-code-one-digit",
    OUTPATIENT,
    "ub04.field-code-format",
    "Condition code 7 is keyed without its leading zero (07).",
)
def _(claim, ctx):
    claim["condition_codes"] = ["7"]
    return True


@flaw(
    "ub04-twelve-condition-codes",
    OUTPATIENT,
    "ub04.field-codes-too-many",
    "Twelve condition codes are listed; FL 18-28 hold eleven.",
)
def _(claim, ctx):
    claim["condition_codes"] = [f"{n:02d}" for n in range(1, 12)] + ["17"]
    return True


@flaw(
    "ub04-occurrence-without-date",
    OUTPATIENT,
    "ub04.occurrence-date-required",
    "Occurrence code 11 (onset) is reported without its date.",
)
def _(claim, ctx):
    claim["occurrence_codes"] = [{"code": "11", "date": None}]
    return True


@flaw(
    "ub04-value-code-without-amount",
    INPATIENT,
    "ub04.value-amount-required",
    "Value code 80 (covered days) is reported without the number of days.",
)
def _(claim, ctx):
    claim["value_codes"] = [{"code": "80", "amount": None}]
    return True


# --- revenue lines and totals -------------------------------------------------------------------


@flaw("ub04-no-revenue-lines", OUTPATIENT, "ub04.lines-required", "The claim has no revenue lines.")
def _(claim, ctx):
    claim["revenue_lines"] = []
    return True


@flaw(
    "ub04-thousand-lines",
    INPATIENT,
    "ub04.lines-too-many",
    "Pharmacy is itemized over 1,000 revenue lines; one 837I claim carries at most 999.",
)
def _(claim, ctx):
    pharmacy = next((line for line in claim["revenue_lines"] if line["revenue_code"] == "0250"), None)
    if pharmacy is None:
        return False
    others = [line for line in claim["revenue_lines"] if line is not pharmacy]
    dose = {**pharmacy, "units": 1, "total_charges": 4.20}
    claim["revenue_lines"] = others + [dict(dose) for _ in range(1000)]
    e.institutional_total(claim)
    return True


@flaw(
    "ub04-revenue-code-3-digits",
    OUTPATIENT,
    "ub04.revenue-code-format",
    "A revenue code lost its leading zero (450 for 0450).",
)
def _(claim, ctx):
    line = _line(claim)
    if line is None:
        return False
    line["revenue_code"] = line["revenue_code"].lstrip("0")
    return True


@flaw(
    "ub04-total-as-line",
    INPATIENT,
    ("ub04.revenue-total-line", "ub04.total-charges"),
    "The total (revenue code 0001) was keyed as a service line, doubling the sum of the lines.",
)
def _(claim, ctx):
    claim["revenue_lines"].append(
        {
            "revenue_code": "0001",
            "description": "Total charges",
            "units": 1,
            "total_charges": claim["total_charges"],
        }
    )
    return True


@flaw(
    "ub04-hcpcs-missing",
    OUTPATIENT,
    "ub04.hcpcs-required",
    "An outpatient line has no HCPCS/CPT code in FL 44.",
)
def _(claim, ctx):
    for line in claim["revenue_lines"]:
        if line.get("hcpcs") and not line["revenue_code"].startswith(("025", "027")):
            line.pop("hcpcs")
            line.pop("modifiers", None)
            return True
    return False


@flaw(
    "ub04-pcs-in-fl44",
    OUTPATIENT,
    "ub04.hcpcs-format",
    "FL 44 carries an ICD-10-PCS code instead of CPT/HCPCS.",
)
def _(claim, ctx):
    line = _line(claim, with_hcpcs=True)
    if line is None:
        return False
    line["hcpcs"] = "0DTJ4ZZ"
    line["modifiers"] = []
    return True


@flaw("ub04-deleted-cpt", OUTPATIENT, "ub04.hcpcs-code", "FL 44 carries 99201, a CPT code deleted in 2021.")
def _(claim, ctx):
    line = _line(claim, with_hcpcs=True)
    if line is None:
        return False
    line["hcpcs"] = "99201"
    line["modifiers"] = []
    return True


@flaw("ub04-five-modifiers", OUTPATIENT, "ub04.modifier-too-many", "An FL 44 line carries five modifiers.")
def _(claim, ctx):
    line = _line(claim, with_hcpcs=True)
    if line is None:
        return False
    line["modifiers"] = ["76", "77", "GA", "KX", "59"]
    return True


@flaw(
    "ub04-modifier-twice", OUTPATIENT, "ub04.modifier-duplicate", "An FL 44 line repeats the same modifier."
)
def _(claim, ctx):
    line = _line(claim, with_hcpcs=True)
    if line is None:
        return False
    mod = line["modifiers"][0] if line.get("modifiers") else "59"
    line["modifiers"] = [mod, mod]
    return True


@flaw("ub04-modifier-typo", OUTPATIENT, "ub04.modifier-code", "An FL 44 modifier is 5T, a typo for T5.")
def _(claim, ctx):
    line = _line(claim, with_hcpcs=True)
    if line is None:
        return False
    line["modifiers"] = ["5T"]
    return True


@flaw(
    "ub04-service-date-missing",
    OUTPATIENT,
    "ub04.service-date-required",
    "An outpatient line has no FL 45 date.",
)
def _(claim, ctx):
    line = _line(claim)
    if line is None:
        return False
    line["service_date"] = None
    return True


@flaw("ub04-zero-units", OUTPATIENT, "ub04.units", "A line has 0 units in FL 46.")
def _(claim, ctx):
    line = _line(claim)
    if line is None:
        return False
    line["units"] = 0
    return True


@flaw("ub04-charge-missing", OUTPATIENT, "ub04.charge-required", "A line has no charge in FL 47.")
def _(claim, ctx):
    line = _line(claim)
    if line is None:
        return False
    line["total_charges"] = None
    return True


@flaw(
    "ub04-negative-line",
    OUTPATIENT,
    "ub04.charge-negative",
    "A courtesy discount was keyed as a line with a negative charge (total reduced to match).",
)
def _(claim, ctx):
    line = _line(claim)
    if line is None:
        return False
    claim["revenue_lines"].append({**line, "total_charges": -50.00})
    e.institutional_total(claim)
    return True


@flaw(
    "ub04-non-covered-over-total",
    OUTPATIENT,
    "ub04.non-covered-exceeds",
    "A line's non-covered charge in FL 48 is larger than its total charge.",
)
def _(claim, ctx):
    line = _line(claim)
    if line is None:
        return False
    line["non_covered_charges"] = e.money(line["total_charges"] + 100)
    claim["total_non_covered_charges"] = line["non_covered_charges"]
    return True


@flaw(
    "ub04-total-off",
    OUTPATIENT,
    "ub04.total-charges",
    "The FL 47 total is $10.00 more than the lines add up to.",
)
def _(claim, ctx):
    claim["total_charges"] = e.money(claim["total_charges"] + 10)
    return True


@flaw(
    "ub04-non-covered-total-missing",
    OUTPATIENT,
    "ub04.total-non-covered",
    "A line has a non-covered amount but the FL 48 total stays 0.",
)
def _(claim, ctx):
    line = _line(claim)
    if line is None or line["total_charges"] < 20:
        return False
    line["non_covered_charges"] = 20.00
    return True


# --- diagnoses and procedures -------------------------------------------------------------------


@flaw(
    "ub04-excludes1-nicotine",
    OUTPATIENT,
    "conventions.excludes1",
    "FL 67 reports current nicotine dependence (F17.210) with a history of it (Z87.891), an Excludes1 pair.",
)
def _(claim, ctx):
    claim["other_diagnoses"] += [e.entry("F17.210", None), e.entry("Z87.891", None)]
    return True


@flaw(
    "ub04-external-cause-principal",
    OUTPATIENT,
    "conventions.external-cause-first",
    "The external cause code is in FL 67 as the first-listed diagnosis and the injury moved to FL 67A.",
)
def _(claim, ctx):
    causes = claim.get("external_cause_diagnoses") or []
    if not causes:
        return False
    injury = claim["principal_diagnosis"]
    claim["principal_diagnosis"] = causes[0]
    claim["external_cause_diagnoses"] = causes[1:]
    claim["other_diagnoses"] = [injury, *claim["other_diagnoses"]]
    return True


@flaw(
    "ub04-missing-seventh",
    OUTPATIENT,
    "conventions.missing-seventh",
    "The injury code in FL 67 lost its 7th character.",
)
def _(claim, ctx):
    code = claim["principal_diagnosis"]["code"]
    if code[0] != "S" or len(code) != 8:
        return False
    claim["principal_diagnosis"]["code"] = code[:-1]
    return True


@flaw(
    "ub04-icd9-indicator",
    OUTPATIENT,
    "ub04.diagnosis-indicator",
    "FL 66 says 9 (ICD-9-CM) for ICD-10-CM codes.",
)
def _(claim, ctx):
    claim["diagnosis_code_indicator"] = "9"
    return True


@flaw(
    "ub04-principal-missing",
    OUTPATIENT,
    "ub04.principal-required",
    "FL 67 (principal or first-listed diagnosis) is blank; only the other codes are filled.",
)
def _(claim, ctx):
    if not claim["other_diagnoses"]:
        return False
    claim["principal_diagnosis"] = None
    return True


@flaw(
    "ub04-reason-for-visit-heading",
    OUTPATIENT,
    "ub04.diagnosis-code",
    "The FL 70 reason for visit is a category heading, not a complete code.",
)
def _(claim, ctx):
    reasons = claim.get("reasons_for_visit") or []
    if not reasons:
        return False
    reasons[0] = reasons[0][:3]
    return True


@flaw(
    "ub04-twenty-five-other-diagnoses",
    OUTPATIENT,
    "ub04.other-too-many",
    "Twenty-five other diagnoses are listed; the 837I carries 24.",
)
def _(claim, ctx):
    have = {d["code"] for d in claim["other_diagnoses"]} | {claim["principal_diagnosis"]["code"]}
    pool = [c for c in e.CHRONIC_CONDITIONS if c not in have]
    need = 25 - len(claim["other_diagnoses"])
    if need > len(pool):
        return False
    claim["other_diagnoses"] += [e.entry(c, None) for c in pool[:need]]
    return True


@flaw(
    "ub04-duplicate-diagnosis",
    OUTPATIENT,
    "ub04.diagnosis-duplicate",
    "The first-listed diagnosis is repeated in FL 67A.",
)
def _(claim, ctx):
    claim["other_diagnoses"].append(dict(claim["principal_diagnosis"]))
    return True


@flaw("ub04-admitting-missing", INPATIENT, "ub04.admitting-required", "FL 69 (admitting diagnosis) is blank.")
def _(claim, ctx):
    claim["admitting_diagnosis"] = None
    return True


@flaw(
    "ub04-poa-1",
    INPATIENT,
    "ub04.poa-value",
    "The principal diagnosis POA indicator is 1, a value retired from POA reporting.",
)
def _(claim, ctx):
    claim["principal_diagnosis"]["poa"] = "1"
    return True


@flaw(
    "ub04-poa-blank",
    INPATIENT,
    "ub04.poa-missing",
    "A diagnosis that is not POA-exempt has a blank POA indicator.",
)
def _(claim, ctx):
    for dx in [claim["principal_diagnosis"], *claim["other_diagnoses"]]:
        if dx["poa"] in {"Y", "N"}:
            dx["poa"] = None
            return True
    return False


@flaw(
    "ub04-reason-for-visit-missing",
    OUTPATIENT,
    "ub04.reason-for-visit-required",
    "An emergency visit has no patient reason for visit in FL 70.",
)
def _(claim, ctx):
    if not claim.get("reasons_for_visit"):
        return False
    claim["reasons_for_visit"] = []
    return True


@flaw(
    "ub04-four-reasons-for-visit",
    OUTPATIENT,
    "ub04.reason-for-visit-too-many",
    "FL 70 lists four reasons for visit.",
)
def _(claim, ctx):
    reasons = claim.get("reasons_for_visit")
    if not reasons:
        return False
    extra = [c for c in ("R52", "R11.0", "R50.9", "R51.9") if c not in reasons]
    claim["reasons_for_visit"] = (reasons + extra)[:4]
    return True


@flaw(
    "ub04-thirteen-external-causes",
    OUTPATIENT,
    "ub04.external-cause-too-many",
    "Thirteen external cause codes are listed; the 837I carries twelve.",
)
def _(claim, ctx):
    claim["external_cause_diagnoses"] = [e.entry(c, None) for c in PLACE_CODES]
    return True


@flaw(
    "ub04-pcs-on-outpatient",
    OUTPATIENT,
    "ub04.procedures-outpatient",
    "An outpatient surgery bill reports the operation with an ICD-10-PCS code in FL 74.",
)
def _(claim, ctx):
    code = PCS_FOR.get(ctx.encounter.scenario.id)
    if code is None:
        return False
    claim["principal_procedure"] = {"code": code, "date": claim["statement_from"]}
    return True


@flaw(
    "ub04-twenty-five-procedures",
    INPATIENT,
    "ub04.procedures-too-many",
    "Each unit of blood is listed as its own procedure: 25 other procedures, above the 24 the 837I carries.",
)
def _(claim, ctx):
    if not claim.get("principal_procedure"):
        return False
    claim["other_procedures"] = [{"code": "30233N1", "date": claim["statement_through"]} for _ in range(25)]
    return True
