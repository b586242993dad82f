"""Flaws on CMS-1500 claims: item by item mistakes (NUCC 1500 Reference Instruction Manual), coding
conventions in item 21, and NCCI edits on the lines."""

from __future__ import annotations

from autograder.datasets.flaws import PROFESSIONAL, flaw
from autograder.datasets.flaws import edits as e


def _first_line(claim: dict) -> dict | None:
    return claim["service_lines"][0] if claim["service_lines"] else None


def _billing(claim: dict) -> dict:
    return claim["billing_provider"]


# --- item 21 and coding conventions -------------------------------------------------------------


@flaw(
    "cms1500-excludes1-nicotine",
    PROFESSIONAL,
    "conventions.excludes1",
    "Item 21 reports both current nicotine dependence (F17.210) and a history of nicotine dependence "
    "(Z87.891); the Excludes1 note at Z87.891 says they are never coded together.",
)
def _(claim, ctx):
    if len(set(claim["diagnoses"]) | {"F17.210", "Z87.891"}) > 12:
        return False
    e.add_missing(claim, ["F17.210", "Z87.891"])
    return True


@flaw(
    "cms1500-manifestation-first",
    PROFESSIONAL,
    ("conventions.manifestation-first", "conventions.code-first"),
    "Dementia in Alzheimer's disease is reported with the manifestation code F02.80 in item 21 A and the "
    "underlying disease G30.9 after it; the etiology code goes first.",
)
def _(claim, ctx):
    if len(claim["diagnoses"]) > 10 or {"F02.80", "G30.9"} & set(claim["diagnoses"]):
        return False
    e.insert_diagnoses(claim, ["F02.80", "G30.9"], 0)
    return True


@flaw(
    "cms1500-external-cause-first",
    PROFESSIONAL,
    "conventions.external-cause-first",
    "The external cause code (how the injury happened) is listed in item 21 A, ahead of the injury.",
)
def _(claim, ctx):
    codes = claim["diagnoses"]
    index = next((i for i, c in enumerate(codes) if c.startswith(e.EXTERNAL_CAUSE)), None)
    if not index:
        return False
    cause = codes[index]
    e.remove_diagnosis(claim, index)
    e.insert_diagnoses(claim, [cause], 0)
    return True


@flaw(
    "cms1500-missing-seventh",
    PROFESSIONAL,
    "conventions.missing-seventh",
    "The injury code in item 21 lost its 7th character (the encounter type), so it is incomplete.",
)
def _(claim, ctx):
    for i, code in enumerate(claim["diagnoses"]):
        if code[0] == "S" and len(code) == 8:
            claim["diagnoses"][i] = code[:-1]
            return True
    return False


@flaw(
    "cms1500-code-first-note",
    PROFESSIONAL,
    "conventions.code-first",
    "Anemia in chronic kidney disease (D63.1) is reported without the chronic kidney disease code its "
    "'code first' note asks for.",
)
def _(claim, ctx):
    if len(claim["diagnoses"]) >= 12 or "D63.1" in claim["diagnoses"]:
        return False
    claim["diagnoses"].append("D63.1")
    return True


@flaw(
    "cms1500-use-additional-note",
    PROFESSIONAL,
    "conventions.use-additional",
    "Type 2 diabetes is reported without the Z79 code for the drug that controls it, which the "
    "'use additional code' note at E11 asks for.",
)
def _(claim, ctx):
    codes = claim["diagnoses"]
    if not any(c.startswith("E11") for c in codes) or "Z79.84" not in codes:
        return False
    e.remove_diagnosis(claim, codes.index("Z79.84"))
    return True


@flaw(
    "cms1500-no-diagnosis",
    PROFESSIONAL,
    ("cms1500.diagnosis-required", "cms1500.pointer-unfilled"),
    "Item 21 was left empty, so the 24E pointers point at nothing.",
)
def _(claim, ctx):
    claim["diagnoses"] = []
    return True


@flaw(
    "cms1500-diagnosis-gap",
    PROFESSIONAL,
    "cms1500.diagnosis-gap",
    "Item 21 B was skipped: the codes start in A and continue in C.",
)
def _(claim, ctx):
    if len(claim["diagnoses"]) < 2:
        return False
    e.insert_diagnoses(claim, [""], 1)
    return True


@flaw(
    "cms1500-thirteen-diagnoses",
    PROFESSIONAL,
    "cms1500.diagnosis-too-many",
    "Thirteen diagnosis codes are listed; item 21 holds twelve (A-L).",
)
def _(claim, ctx):
    return e.fill_to(claim, 13)


@flaw(
    "cms1500-diagnosis-not-billable",
    PROFESSIONAL,
    "cms1500.diagnosis-code",
    "A diagnosis is reported as its category heading, not a complete billable code.",
)
def _(claim, ctx):
    from autograder.codes import icd10cm

    for i, code in enumerate(claim["diagnoses"]):
        head = code[:3]
        if code[0] not in "STVWXY" and len(code) > 3 and not icd10cm.is_billable(head):
            claim["diagnoses"][i] = head
            return True
    return False


@flaw(
    "cms1500-duplicate-diagnosis",
    PROFESSIONAL,
    "cms1500.diagnosis-duplicate",
    "The first diagnosis is entered again at the end of item 21.",
)
def _(claim, ctx):
    if not claim["diagnoses"] or len(claim["diagnoses"]) >= 12:
        return False
    claim["diagnoses"].append(claim["diagnoses"][0])
    return True


@flaw(
    "cms1500-icd9-indicator",
    PROFESSIONAL,
    "cms1500.diagnosis-indicator",
    "The ICD indicator says 9 (ICD-9-CM) though the codes are ICD-10-CM.",
)
def _(claim, ctx):
    claim["diagnosis_code_indicator"] = "9"
    return True


# --- dates ---------------------------------------------------------------------------------------


@flaw(
    "cms1500-impossible-signature-date",
    PROFESSIONAL,
    "cms1500.date-invalid",
    "The physician signature date in item 31 is February 30, a date that does not exist.",
)
def _(claim, ctx):
    claim["physician_signature_date"] = e.impossible_date(claim["physician_signature_date"])
    return True


@flaw(
    "cms1500-future-signature-date",
    PROFESSIONAL,
    "cms1500.date-future",
    "The year of the item 31 signature date was keyed with two digits swapped (2062 for 2026).",
)
def _(claim, ctx):
    claim["physician_signature_date"] = e.year_typo(claim["physician_signature_date"])
    return True


@flaw(
    "cms1500-service-dates-reversed",
    PROFESSIONAL,
    "cms1500.dates-order",
    "Line 1's 'to' date is the day before its 'from' date.",
)
def _(claim, ctx):
    line = _first_line(claim)
    if line is None:
        return False
    line["service_to"] = e.shift(line["service_from"], -1)
    return True


@flaw(
    "cms1500-service-date-missing",
    PROFESSIONAL,
    "cms1500.service-date-required",
    "Line 1 has no 'from' date of service in 24A.",
)
def _(claim, ctx):
    line = _first_line(claim)
    if line is None:
        return False
    line["service_from"] = None
    return True


@flaw(
    "cms1500-birth-after-service",
    PROFESSIONAL,
    "cms1500.birth-after-service",
    "The patient's birth date in item 3 falls after the date of service (the visit date was keyed into "
    "the birth date).",
)
def _(claim, ctx):
    line = _first_line(claim)
    if line is None:
        return False
    claim["patient"]["birth_date"] = e.shift(line["service_from"], 1)
    return True


@flaw(
    "cms1500-onset-after-visit",
    PROFESSIONAL,
    "cms1500.onset-after-service",
    "The item 14 onset date is five days after the visit it led to.",
)
def _(claim, ctx):
    line = _first_line(claim)
    if line is None:
        return False
    claim["current_illness_date"] = e.shift(line["service_from"], 5)
    claim["current_illness_qualifier"] = "431"
    return True


@flaw(
    "cms1500-span-one-unit",
    PROFESSIONAL,
    "cms1500.span-units",
    "Line 1 spans three days in 24A but carries one unit in 24G.",
)
def _(claim, ctx):
    line = _first_line(claim)
    if line is None or line["units"] != 1:
        return False
    line["service_to"] = e.shift(line["service_from"], 2)
    return True


# --- identifiers -------------------------------------------------------------------------------


@flaw(
    "cms1500-npi-nine-digits",
    PROFESSIONAL,
    "cms1500.npi-format",
    "The rendering provider's NPI in 24J lost a digit (nine digits).",
)
def _(claim, ctx):
    line = _first_line(claim)
    if line is None:
        return False
    line["rendering_npi"] = line["rendering_npi"][:9]
    return True


@flaw(
    "cms1500-npi-check-digit",
    PROFESSIONAL,
    "cms1500.npi-check-digit",
    "The billing provider's NPI in 33a has a mistyped last digit, so the check digit fails.",
)
def _(claim, ctx):
    _billing(claim)["npi"] = e.wrong_check_digit(_billing(claim)["npi"])
    return True


@flaw(
    "cms1500-billing-npi-missing",
    PROFESSIONAL,
    "cms1500.billing-npi-required",
    "Item 33a (billing NPI) is blank.",
)
def _(claim, ctx):
    _billing(claim)["npi"] = None
    return True


@flaw(
    "cms1500-billing-name-missing",
    PROFESSIONAL,
    "cms1500.billing-name-required",
    "Item 33 has no billing provider name.",
)
def _(claim, ctx):
    _billing(claim)["name"] = None
    return True


@flaw(
    "cms1500-billing-zip5",
    PROFESSIONAL,
    "cms1500.billing-zip9",
    "The billing provider ZIP code has five digits; the 837 needs the ZIP+4.",
)
def _(claim, ctx):
    address = _billing(claim)["address"]
    address["zip_code"] = address["zip_code"][:5]
    return True


@flaw(
    "cms1500-billing-po-box",
    PROFESSIONAL,
    "cms1500.billing-po-box",
    "The billing provider address is a post office box instead of the practice's street address.",
)
def _(claim, ctx):
    _billing(claim)["address"]["street"] = f"PO Box {ctx.rng.randint(100, 9999)}"
    return True


@flaw("cms1500-tax-id-missing", PROFESSIONAL, "cms1500.tax-id-required", "Item 25 (federal tax ID) is blank.")
def _(claim, ctx):
    claim["federal_tax_id"] = None
    return True


@flaw(
    "cms1500-tax-id-short", PROFESSIONAL, "cms1500.tax-id-format", "The EIN in item 25 is missing two digits."
)
def _(claim, ctx):
    claim["federal_tax_id"] = claim["federal_tax_id"][:-2]
    return True


@flaw(
    "cms1500-tax-id-type-missing",
    PROFESSIONAL,
    "cms1500.tax-id-type",
    "Item 25 has a tax ID but neither EIN nor SSN is marked.",
)
def _(claim, ctx):
    claim["federal_tax_id_type"] = None
    return True


@flaw(
    "cms1500-insured-id-missing",
    PROFESSIONAL,
    "cms1500.insured-id-required",
    "Item 1a (insured's ID) is blank.",
)
def _(claim, ctx):
    claim["insured"]["insured_id"] = None
    return True


@flaw(
    "cms1500-patient-first-name-missing",
    PROFESSIONAL,
    "cms1500.patient-name-required",
    "Item 2 has the patient's last name only.",
)
def _(claim, ctx):
    claim["patient"]["first_name"] = None
    return True


@flaw(
    "cms1500-sex-spelled-out",
    PROFESSIONAL,
    "cms1500.patient-sex",
    "Item 3 sex is typed as a word instead of the code M, F or U.",
)
def _(claim, ctx):
    claim["patient"]["sex"] = "Female" if claim["patient"]["sex"] == "F" else "Male"
    return True


@flaw(
    "cms1500-relationship-as-code",
    PROFESSIONAL,
    "cms1500.relationship",
    "Item 6 holds the UB-04 relationship code 18 instead of marking Self, Spouse, Child or Other.",
)
def _(claim, ctx):
    claim["patient_relationship_to_insured"] = "18"
    return True


@flaw(
    "cms1500-account-number-missing",
    PROFESSIONAL,
    "cms1500.account-number",
    "Item 26 (patient account number) is blank.",
)
def _(claim, ctx):
    claim["patient_account_number"] = None
    return True


@flaw(
    "cms1500-item14-no-qualifier",
    PROFESSIONAL,
    "cms1500.item14-qualifier-required",
    "Item 14 has the onset date but no qualifier.",
)
def _(claim, ctx):
    line = _first_line(claim)
    if line is None:
        return False
    claim["current_illness_date"] = claim.get("current_illness_date") or line["service_from"]
    claim["current_illness_qualifier"] = None
    return True


@flaw(
    "cms1500-item14-wrong-qualifier",
    PROFESSIONAL,
    "cms1500.item14-qualifier-valid",
    "Item 14 uses qualifier 454 (initial treatment), which belongs in item 15.",
)
def _(claim, ctx):
    line = _first_line(claim)
    if line is None:
        return False
    claim["current_illness_date"] = claim.get("current_illness_date") or line["service_from"]
    claim["current_illness_qualifier"] = "454"
    return True


@flaw(
    "cms1500-item15-no-qualifier",
    PROFESSIONAL,
    "cms1500.item15-qualifier-required",
    "Item 15 has a date of an earlier visit but no qualifier saying what the date is.",
)
def _(claim, ctx):
    line = _first_line(claim)
    if line is None:
        return False
    claim["other_date"] = e.shift(line["service_from"], -30)
    claim["other_date_qualifier"] = None
    return True


@flaw(
    "cms1500-item15-wrong-qualifier",
    PROFESSIONAL,
    "cms1500.item15-qualifier-valid",
    "Item 15 uses qualifier 431 (onset), which belongs in item 14.",
)
def _(claim, ctx):
    line = _first_line(claim)
    if line is None:
        return False
    claim["other_date"] = e.shift(line["service_from"], -30)
    claim["other_date_qualifier"] = "431"
    return True


def _referring(claim: dict) -> dict | None:
    return claim.get("referring_provider")


@flaw(
    "cms1500-item17-no-qualifier",
    PROFESSIONAL,
    "cms1500.item17-qualifier-required",
    "Item 17 names the referring provider without the DN qualifier.",
)
def _(claim, ctx):
    if _referring(claim) is None:
        return False
    claim["referring_provider"]["qualifier"] = None
    return True


@flaw(
    "cms1500-item17-wrong-qualifier",
    PROFESSIONAL,
    "cms1500.item17-qualifier-valid",
    "Item 17 uses a qualifier that is not DN, DK or DQ.",
)
def _(claim, ctx):
    if _referring(claim) is None:
        return False
    claim["referring_provider"]["qualifier"] = "ZZ"
    return True


@flaw(
    "cms1500-item17-no-name",
    PROFESSIONAL,
    "cms1500.item17-name-required",
    "Item 17b has the referring provider's NPI but item 17 has no name.",
)
def _(claim, ctx):
    if _referring(claim) is None:
        return False
    claim["referring_provider"]["last_name"] = None
    claim["referring_provider"]["first_name"] = None
    return True


@flaw(
    "cms1500-item17a-no-qualifier",
    PROFESSIONAL,
    "cms1500.item17a-qualifier-required",
    "Item 17a has the referring provider's state license number without the 0B qualifier.",
)
def _(claim, ctx):
    if _referring(claim) is None:
        return False
    claim["referring_provider"]["other_id"] = f"SYNL{ctx.rng.randint(10000, 99999)}"
    claim["referring_provider"]["other_id_qualifier"] = None
    return True


@flaw(
    "cms1500-item17a-wrong-qualifier",
    PROFESSIONAL,
    "cms1500.item17a-qualifier-valid",
    "Item 17a uses G1 (a prior authorization qualifier) for the license number; 17a takes 0B, 1G, G2 or LU.",
)
def _(claim, ctx):
    if _referring(claim) is None:
        return False
    claim["referring_provider"]["other_id"] = f"SYNL{ctx.rng.randint(10000, 99999)}"
    claim["referring_provider"]["other_id_qualifier"] = "G1"
    return True


@flaw(
    "cms1500-resubmission-code-1",
    PROFESSIONAL,
    "cms1500.resubmission-code",
    "Item 22 has 1 (the frequency code of an original claim); it is left blank on an original claim.",
)
def _(claim, ctx):
    claim["resubmission_code"] = "1"
    return True


@flaw(
    "cms1500-replacement-no-reference",
    PROFESSIONAL,
    "cms1500.resubmission-reference",
    "Item 22 says 7 (replacement) but gives no original reference number.",
)
def _(claim, ctx):
    claim["resubmission_code"] = "7"
    return True


# --- parties and what the 837P can carry -------------------------------------------------------

ACCENTED = str.maketrans("aeiou", "\u00e1\u00e9\u00ed\u00f3\u00fa")


@flaw(
    "cms1500-payer-id-missing",
    PROFESSIONAL,
    "cms1500.payer-id-required",
    "The payer ID is blank: the paper form never shows it, but the 837P names the health plan by it.",
)
def _(claim, ctx):
    claim["payer"]["payer_id"] = None
    return True


@flaw(
    "cms1500-payer-name-missing",
    PROFESSIONAL,
    "cms1500.payer-name-required",
    "The carrier block has no payer name.",
)
def _(claim, ctx):
    claim["payer"]["name"] = None
    return True


@flaw(
    "cms1500-insured-name-missing",
    PROFESSIONAL,
    "cms1500.insured-name-required",
    "Item 4 (insured's name) is left blank although item 6 says the patient is not the insured.",
)
def _(claim, ctx):
    if claim["patient_relationship_to_insured"] == "Self":
        return False
    claim["insured"]["last_name"] = None
    claim["insured"]["first_name"] = None
    return True


@flaw(
    "cms1500-birth-date-missing",
    PROFESSIONAL,
    "cms1500.birth-date-required",
    "Item 3 has the patient's sex but no birth date.",
)
def _(claim, ctx):
    claim["patient"]["birth_date"] = None
    return True


@flaw(
    "cms1500-patient-city-missing",
    PROFESSIONAL,
    "cms1500.patient-address-required",
    "Item 5 has the patient's street, state and ZIP but no city.",
)
def _(claim, ctx):
    claim["patient"]["address"]["city"] = None
    return True


@flaw(
    "cms1500-billing-street-missing",
    PROFESSIONAL,
    "cms1500.billing-address-required",
    "Item 33 gives the billing provider's city, state and ZIP but no street address.",
)
def _(claim, ctx):
    _billing(claim)["address"]["street"] = None
    return True


@flaw(
    "cms1500-facility-name-missing",
    PROFESSIONAL,
    "cms1500.facility-incomplete",
    "Item 32 gives the service facility's NPI and address but not its name.",
)
def _(claim, ctx):
    if not claim.get("service_facility"):
        return False
    claim["service_facility"]["name"] = None
    return True


@flaw(
    "cms1500-accented-name",
    PROFESSIONAL,
    "claim.x12-characters",
    "Item 2 spells the patient's last name with an accented letter, which the 837P cannot carry; it "
    "goes as plain letters.",
)
def _(claim, ctx):
    name = claim["patient"]["last_name"]
    accented = name[0] + name[1:].translate(ACCENTED)
    if accented == name:
        return False
    claim["patient"]["last_name"] = accented
    return True


# --- service lines -----------------------------------------------------------------------------


@flaw("cms1500-no-lines", PROFESSIONAL, "cms1500.lines-required", "Item 24 has no service lines.")
def _(claim, ctx):
    claim["service_lines"] = []
    return True


@flaw(
    "cms1500-fifty-one-lines",
    PROFESSIONAL,
    "cms1500.lines-too-many",
    "Line 1 is itemized 51 times; one 837P claim carries at most 50 lines.",
)
def _(claim, ctx):
    line = _first_line(claim)
    if line is None:
        return False
    claim["service_lines"] = [dict(line) for _ in range(51)]
    e.professional_total(claim)
    return True


@flaw("cms1500-pos-missing", PROFESSIONAL, "cms1500.pos-required", "Line 1 has no place of service in 24B.")
def _(claim, ctx):
    line = _first_line(claim)
    if line is None:
        return False
    line["place_of_service"] = None
    return True


@flaw(
    "cms1500-pos-unassigned",
    PROFESSIONAL,
    "cms1500.pos-code",
    "Line 1 has place of service 98, a number CMS has not assigned.",
)
def _(claim, ctx):
    line = _first_line(claim)
    if line is None:
        return False
    line["place_of_service"] = "98"
    return True


@flaw(
    "cms1500-procedure-missing",
    PROFESSIONAL,
    "cms1500.procedure-required",
    "Line 1 has no CPT/HCPCS code in 24D.",
)
def _(claim, ctx):
    line = _first_line(claim)
    if line is None:
        return False
    line["procedure_code"] = None
    line["modifiers"] = []
    return True


@flaw(
    "cms1500-pcs-in-24d",
    PROFESSIONAL,
    "cms1500.procedure-format",
    "Line 1 carries an ICD-10-PCS code (an inpatient hospital code) instead of CPT/HCPCS.",
)
def _(claim, ctx):
    line = _first_line(claim)
    if line is None:
        return False
    line["procedure_code"] = "0DTJ4ZZ"
    line["modifiers"] = []
    return True


@flaw(
    "cms1500-deleted-cpt",
    PROFESSIONAL,
    "cms1500.procedure-code",
    "Line 1 bills 99201, an office visit code deleted from CPT in 2021.",
)
def _(claim, ctx):
    line = _first_line(claim)
    if line is None:
        return False
    line["procedure_code"] = "99201"
    line["modifiers"] = []
    return True


@flaw(
    "cms1500-five-modifiers",
    PROFESSIONAL,
    "cms1500.modifier-too-many",
    "Line 1 carries five modifiers; 24D holds four.",
)
def _(claim, ctx):
    line = _first_line(claim)
    if line is None:
        return False
    line["modifiers"] = ["76", "77", "GA", "KX", "59"]
    return True


@flaw(
    "cms1500-modifier-twice", PROFESSIONAL, "cms1500.modifier-duplicate", "Line 1 repeats the same modifier."
)
def _(claim, ctx):
    line = _first_line(claim)
    if line is None:
        return False
    mod = line["modifiers"][0] if line["modifiers"] else "59"
    line["modifiers"] = [mod, mod]
    return True


@flaw(
    "cms1500-modifier-typo",
    PROFESSIONAL,
    "cms1500.modifier-code",
    "Line 1's modifier is 5T, a transposed T5 that is not a modifier at all.",
)
def _(claim, ctx):
    line = _first_line(claim)
    if line is None:
        return False
    line["modifiers"] = ["5T"]
    return True


@flaw(
    "cms1500-pointer-missing",
    PROFESSIONAL,
    "cms1500.pointer-required",
    "Line 1 has no diagnosis pointer in 24E.",
)
def _(claim, ctx):
    line = _first_line(claim)
    if line is None:
        return False
    line["diagnosis_pointers"] = []
    return True


@flaw(
    "cms1500-pointer-number",
    PROFESSIONAL,
    "cms1500.pointer-letter",
    "Line 1 points with the number 1 (the old form's style) instead of the letter A.",
)
def _(claim, ctx):
    line = _first_line(claim)
    if line is None:
        return False
    line["diagnosis_pointers"] = ["1"]
    return True


@flaw(
    "cms1500-pointer-past-codes",
    PROFESSIONAL,
    "cms1500.pointer-unfilled",
    "Line 1 points to an item 21 letter that holds no code.",
)
def _(claim, ctx):
    line = _first_line(claim)
    count = len(claim["diagnoses"])
    if line is None or count >= 12:
        return False
    line["diagnosis_pointers"] = [e.LETTERS[count]]
    return True


@flaw(
    "cms1500-five-pointers",
    PROFESSIONAL,
    "cms1500.pointer-too-many",
    "Line 1 points to five diagnoses; 24E takes four.",
)
def _(claim, ctx):
    line = _first_line(claim)
    if line is None or not e.fill_to(claim, max(5, len(claim["diagnoses"]))):
        return False
    line["diagnosis_pointers"] = list("ABCDE")
    return True


@flaw(
    "cms1500-pointer-twice", PROFESSIONAL, "cms1500.pointer-duplicate", "Line 1 points to diagnosis A twice."
)
def _(claim, ctx):
    line = _first_line(claim)
    if line is None:
        return False
    line["diagnosis_pointers"] = ["A", "A"]
    return True


@flaw("cms1500-zero-units", PROFESSIONAL, "cms1500.units", "Line 1 has 0 units in 24G.")
def _(claim, ctx):
    line = _first_line(claim)
    if line is None:
        return False
    line["units"] = 0
    return True


@flaw("cms1500-charge-missing", PROFESSIONAL, "cms1500.charge-required", "Line 1 has no charge in 24F.")
def _(claim, ctx):
    line = _first_line(claim)
    if line is None:
        return False
    line["charges"] = None
    return True


@flaw(
    "cms1500-negative-line",
    PROFESSIONAL,
    "cms1500.charge-negative",
    "A write-off was keyed as an extra service line with a negative charge (and the total reduced to match).",
)
def _(claim, ctx):
    line = _first_line(claim)
    if line is None:
        return False
    claim["service_lines"].append({**line, "charges": -25.00})
    e.professional_total(claim)
    return True


@flaw(
    "cms1500-total-off",
    PROFESSIONAL,
    "cms1500.total-charge",
    "Item 28 is $10.00 more than the sum of the 24F charges.",
)
def _(claim, ctx):
    claim["total_charge"] = e.money(claim["total_charge"] + 10)
    return True


@flaw(
    "cms1500-paid-over-total",
    PROFESSIONAL,
    "cms1500.amount-paid",
    "Item 29 (amount paid) is more than the total charge.",
)
def _(claim, ctx):
    claim["amount_paid"] = e.money(claim["total_charge"] + 50)
    return True


@flaw(
    "cms1500-outside-lab-no-charge",
    PROFESSIONAL,
    "cms1500.outside-lab-charges",
    "Item 20 says an outside lab did the test but gives no charges.",
)
def _(claim, ctx):
    claim["outside_lab"] = True
    claim["outside_lab_charges"] = None
    return True


@flaw(
    "cms1500-ndc-hyphens",
    PROFESSIONAL,
    "cms1500.ndc-format",
    "The drug line's NDC is keyed with hyphens instead of as 11 digits.",
)
def _(claim, ctx):
    for line in claim["service_lines"]:
        if (line["procedure_code"] or "").startswith("J"):
            line["ndc"] = "00000-0000-00"
            return True
    return False


@flaw(
    "cms1500-hcpcs-last-year",
    PROFESSIONAL,
    "codes.warning",
    "The service date is in December 2025 while the HCPCS codes are checked against the 2026 table: "
    "the code set warns that another year's table applies.",
)
def _(claim, ctx):
    lines = claim["service_lines"]
    if not any((line["procedure_code"] or "")[:1].isalpha() for line in lines) or claim.get(
        "current_illness_date"
    ):
        return False
    for line in lines:
        line["service_from"] = line["service_to"] = "2025-12-16"
    claim["physician_signature_date"] = "2025-12-17"
    return True


# --- NCCI (the bundled sample of CMS's 2026 Q3 practitioner tables) -----------------------------


def _medicare_office(claim: dict) -> bool:
    line = _first_line(claim)
    return line is not None and line["place_of_service"] == "11" and claim["insurance_type"] == "Medicare"


@flaw(
    "cms1500-ncci-pair-no-modifier",
    PROFESSIONAL,
    "ncci.ptp-modifier-needed",
    "Red cell antigen typing (0001U) and platelet antigen genotyping (81105) are billed on the same day "
    "without a modifier; NCCI pairs them (modifier indicator 1).",
)
def _(claim, ctx):
    line = _first_line(claim)
    if not _medicare_office(claim):
        return False
    base = {**line, "modifiers": [], "units": 1}
    claim["diagnoses"] = ["D57.1", "D69.6"]
    claim["service_lines"] = [
        {**base, "procedure_code": "0001U", "diagnosis_pointers": ["A"], "charges": 780.00},
        {**base, "procedure_code": "81105", "diagnosis_pointers": ["B"], "charges": 310.00},
    ]
    claim.pop("current_illness_date", None)
    claim.pop("current_illness_qualifier", None)
    claim["other_accident"] = False
    e.professional_total(claim)
    return True


@flaw(
    "cms1500-mue-units",
    PROFESSIONAL,
    "ncci.mue-units",
    "The liver fibrosis panel 0002M is billed with 2 units on one day; its MUE is 1.",
)
def _(claim, ctx):
    line = _first_line(claim)
    if not _medicare_office(claim):
        return False
    claim["diagnoses"] = ["K70.0", "F10.20"]
    claim["service_lines"] = [
        {
            **line,
            "procedure_code": "0002M",
            "modifiers": [],
            "units": 2,
            "diagnosis_pointers": ["A"],
            "charges": 900.00,
        }
    ]
    claim.pop("current_illness_date", None)
    claim.pop("current_illness_qualifier", None)
    claim["other_accident"] = False
    e.professional_total(claim)
    return True
