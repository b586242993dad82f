"""The CMS-1500 (02/12) drawn box by box: the carrier block, items 1-13 in three columns, items 14-23,
the six service lines of item 24 (each with its shaded supplemental row), and items 25-33, laid
out as on the paper form (NUCC 1500 Reference Instruction Manual). A claim with more than six
lines is drawn on more pages, as it would be printed."""

from __future__ import annotations

from autograder.claims.models import ProfessionalClaim, Provider, ServiceLine
from autograder.claims.render.locators import Target
from autograder.claims.render.sheet import Sheet
from autograder.claims.render.text import (
    address_lines,
    check,
    day,
    money,
    number,
    person_name,
    provider_name,
    show,
)

WIDTH, HEIGHT = 850, 985
LINES_PER_PAGE = 6
LEFT, MID, RIGHT, END = 25, 325, 525, 825
ROW = 34
INSURANCE_TYPES = ("Medicare", "Medicaid", "TRICARE", "CHAMPVA", "Group Health Plan", "FECA", "Other")
TAX_KIND = {"SSN": "[X] SSN", "EIN": "[X] EIN"}
RELATIONS = ("Self", "Spouse", "Child", "Other")
LETTERS = "ABCDEFGHIJKL"
# item 24 columns: key, label, x, width, alignment
COLUMNS = [
    ("24A", "From", 25, 70, "start"),
    ("24A-to", "To", 95, 70, "start"),
    ("24B", "B. POS", 165, 35, "middle"),
    ("24C", "C. EMG", 200, 30, "middle"),
    ("24D", "CPT/HCPCS", 230, 70, "start"),
    ("24D-mod", "MODIFIER", 300, 100, "start"),
    ("24E", "E. DX PTR", 400, 55, "middle"),
    ("24F", "F. $ CHARGES", 455, 85, "end"),
    ("24G", "G. UNITS", 540, 45, "end"),
    ("24H", "H. EPSDT", 585, 35, "middle"),
    ("24I", "I. ID QUAL", 620, 45, "middle"),
    ("24J", "J. RENDERING PROVIDER ID #", 665, 160, "start"),
]
HEADINGS = [("24. A. DATE(S) OF SERVICE", 27), ("D. PROCEDURES, SERVICES, OR SUPPLIES", 232)]


def _marked(options: tuple[str, ...], chosen: str | None) -> str:
    picked = show(chosen).upper()
    return " ".join(("[X]" if o.upper() == picked else "[ ]") + o for o in options)


def _provider_lines(provider: Provider | None) -> list[str]:
    if provider is None:
        return []
    return [provider_name(provider), *address_lines(provider.address)]


def _line_cells(sheet: Sheet, line: ServiceLine | None, number_: int, y: float) -> None:
    """One item 24 line: the shaded supplemental row (NDC, other ID) above the unshaded entries."""
    shaded, plain = 13, 23
    note = f"N4{show(line.ndc)}" if line is not None and show(line.ndc) else ""
    sheet.box(f"24shaded:{number_}", LEFT, y, 595, shaded, "", note, shaded=True)
    sheet.box(
        f"24I:{number_}",
        620,
        y,
        45,
        shaded + plain,
        "",
        [show(line.rendering_id_qualifier) if line else "", "NPI"],
        shaded=False,
        align="middle",
    )
    sheet.box(
        f"24J-other:{number_}",
        665,
        y,
        160,
        shaded,
        "",
        show(line.rendering_other_id) if line else "",
        shaded=True,
    )
    if line is None:
        values = dict.fromkeys(
            ("24A", "24A-to", "24B", "24C", "24D", "24D-mod", "24E", "24F", "24G", "24H", "24J"), ""
        )
    else:
        values = {
            "24A": day(line.service_from, short=True),
            "24A-to": day(line.service_to, short=True),
            "24B": show(line.place_of_service),
            "24C": "Y" if line.emg else "",
            "24D": show(line.procedure_code),
            "24D-mod": " ".join(show(m) for m in line.modifiers),
            "24E": "".join(show(p) for p in line.diagnosis_pointers),
            "24F": money(line.charges),
            "24G": number(line.units),
            "24H": show(line.epsdt),
            "24J": show(line.rendering_npi),
        }
    for key, _, x, w, align in COLUMNS:
        if key == "24I":
            continue
        sheet.box(f"{key}:{number_}", x, y + shaded, w, plain, "", values[key], align=align)
    sheet.note(LEFT - 14, y + shaded + 15, str((number_ - 1) % LINES_PER_PAGE + 1), size=10, weight="bold")


def _page(
    claim: ProfessionalClaim, lines: list[tuple[int, ServiceLine | None]], page: int, pages: int
) -> Sheet:
    sheet = Sheet(
        WIDTH,
        HEIGHT,
        "HEALTH INSURANCE CLAIM FORM",
        "CMS-1500 (02/12) layout, drawn for study: item numbers as on the form",
    )
    if pages > 1:
        sheet.note(360, 24, f"page {page} of {pages}", size=10, weight="bold")
    payer = claim.payer
    sheet.box(
        "carrier",
        500,
        10,
        325,
        80,
        "CARRIER",
        [show(payer.name) if payer else "", *(address_lines(payer.address) if payer else [])],
    )
    patient, insured, other = claim.patient, claim.insured, claim.other_insured
    y = 100
    sheet.box(
        "1",
        LEFT,
        y,
        500,
        ROW,
        "1. MEDICARE MEDICAID TRICARE CHAMPVA GROUP HEALTH PLAN FECA OTHER",
        _marked(INSURANCE_TYPES, claim.insurance_type),
        size=8,
    )
    sheet.box("1a", RIGHT, y, 300, ROW, "1a. INSURED'S I.D. NUMBER", show(insured and insured.insured_id))
    y += ROW
    sheet.box("2", LEFT, y, 300, ROW, "2. PATIENT'S NAME (Last, First, Middle Initial)", person_name(patient))
    sheet.box(
        "3",
        MID,
        y,
        200,
        ROW,
        "3. PATIENT'S BIRTH DATE   SEX",
        f"{day(patient.birth_date) if patient else ''}   {show(patient and patient.sex)}",
    )
    sheet.box(
        "4", RIGHT, y, 300, ROW, "4. INSURED'S NAME (Last, First, Middle Initial)", person_name(insured)
    )
    y += ROW
    sheet.box(
        "5",
        LEFT,
        y,
        300,
        2 * ROW,
        "5. PATIENT'S ADDRESS (No., Street) / TELEPHONE",
        [*address_lines(patient and patient.address), show(patient and patient.phone)],
    )
    sheet.box(
        "6",
        MID,
        y,
        200,
        ROW,
        "6. PATIENT RELATIONSHIP TO INSURED",
        _marked(RELATIONS, claim.patient_relationship_to_insured),
        size=8,
    )
    sheet.box(
        "7",
        RIGHT,
        y,
        300,
        2 * ROW,
        "7. INSURED'S ADDRESS (No., Street) / TELEPHONE",
        [*address_lines(insured and insured.address), show(insured and insured.phone)],
    )
    sheet.box("8", MID, y + ROW, 200, ROW, "8. RESERVED FOR NUCC USE")
    y += 2 * ROW
    sheet.box("9", LEFT, y, 300, ROW, "9. OTHER INSURED'S NAME", person_name(other))
    sheet.box("10", MID, y, 200, ROW, "10. IS PATIENT'S CONDITION RELATED TO:")
    sheet.box(
        "11",
        RIGHT,
        y,
        300,
        ROW,
        "11. INSURED'S POLICY GROUP OR FECA NUMBER",
        show(insured and insured.policy_group),
    )
    y += ROW
    sheet.box(
        "9a",
        LEFT,
        y,
        300,
        ROW,
        "a. OTHER INSURED'S POLICY OR GROUP NUMBER",
        show(other and (other.policy_group or other.insured_id)),
    )
    sheet.box(
        "10a", MID, y, 200, ROW, "a. EMPLOYMENT? (Current or Previous)", check(claim.employment_related)
    )
    sheet.box(
        "11a",
        RIGHT,
        y,
        300,
        ROW,
        "a. INSURED'S DATE OF BIRTH   SEX",
        f"{day(insured.birth_date) if insured else ''}   {show(insured and insured.sex)}",
    )
    y += ROW
    sheet.box("9b", LEFT, y, 300, ROW, "b. RESERVED FOR NUCC USE")
    sheet.box(
        "10b",
        MID,
        y,
        200,
        ROW,
        "b. AUTO ACCIDENT?   PLACE (State)",
        f"{check(claim.auto_accident)}  {show(claim.auto_accident_state)}",
    )
    sheet.box(
        "11b",
        RIGHT,
        y,
        300,
        ROW,
        "b. OTHER CLAIM ID (Designated by NUCC)",
        show(insured and insured.other_claim_id),
    )
    y += ROW
    sheet.box("9c", LEFT, y, 300, ROW, "c. RESERVED FOR NUCC USE")
    sheet.box("10c", MID, y, 200, ROW, "c. OTHER ACCIDENT?", check(claim.other_accident))
    sheet.box(
        "11c",
        RIGHT,
        y,
        300,
        ROW,
        "c. INSURANCE PLAN NAME OR PROGRAM NAME",
        show(insured and insured.plan_name),
    )
    y += ROW
    sheet.box(
        "9d", LEFT, y, 300, ROW, "d. INSURANCE PLAN NAME OR PROGRAM NAME", show(other and other.plan_name)
    )
    sheet.box("10d", MID, y, 200, ROW, "10d. CLAIM CODES (Designated by NUCC)", show(claim.claim_codes))
    sheet.box(
        "11d",
        RIGHT,
        y,
        300,
        ROW,
        "d. IS THERE ANOTHER HEALTH BENEFIT PLAN?",
        check(claim.has_other_health_plan),
    )
    y += ROW
    sheet.box(
        "12",
        LEFT,
        y,
        500,
        ROW,
        "12. PATIENT'S OR AUTHORIZED PERSON'S SIGNATURE",
        "SIGNATURE ON FILE" if claim.patient_signature_on_file else "",
    )
    sheet.box(
        "13",
        RIGHT,
        y,
        300,
        ROW,
        "13. INSURED'S OR AUTHORIZED PERSON'S SIGNATURE",
        "SIGNATURE ON FILE" if claim.insured_signature_on_file else "",
    )
    y += ROW
    sheet.box(
        "14",
        LEFT,
        y,
        300,
        ROW,
        "14. DATE OF CURRENT ILLNESS, INJURY, or PREGNANCY (LMP)   QUAL.",
        f"{day(claim.current_illness_date)}   {show(claim.current_illness_qualifier)}",
    )
    sheet.box(
        "15",
        MID,
        y,
        200,
        ROW,
        "15. OTHER DATE   QUAL.",
        f"{day(claim.other_date)}   {show(claim.other_date_qualifier)}",
    )
    sheet.box(
        "16",
        RIGHT,
        y,
        300,
        ROW,
        "16. DATES PATIENT UNABLE TO WORK  FROM / TO",
        f"{day(claim.unable_to_work_from)}  {day(claim.unable_to_work_to)}".strip(),
    )
    y += ROW
    referring = claim.referring_provider
    sheet.box(
        "17",
        LEFT,
        y,
        300,
        ROW,
        "17. NAME OF REFERRING PROVIDER OR OTHER SOURCE",
        f"{show(referring and referring.qualifier)}  {provider_name(referring)}".strip(),
    )
    sheet.box(
        "17a",
        MID,
        y,
        200,
        ROW / 2,
        "17a.",
        " ".join(
            p
            for p in (
                show(referring and referring.other_id_qualifier),
                show(referring and referring.other_id),
            )
            if p
        ),
        shaded=True,
    )
    sheet.box("17b", MID, y + ROW / 2, 200, ROW / 2, "17b. NPI", show(referring and referring.npi))
    sheet.box(
        "18",
        RIGHT,
        y,
        300,
        ROW,
        "18. HOSPITALIZATION DATES RELATED TO CURRENT SERVICES  FROM / TO",
        f"{day(claim.hospitalization_from)}  {day(claim.hospitalization_to)}".strip(),
    )
    y += ROW
    sheet.box(
        "19",
        LEFT,
        y,
        500,
        ROW,
        "19. ADDITIONAL CLAIM INFORMATION (Designated by NUCC)",
        show(claim.additional_claim_information),
    )
    sheet.box(
        "20",
        RIGHT,
        y,
        300,
        ROW,
        "20. OUTSIDE LAB?   $ CHARGES",
        f"{check(claim.outside_lab)}  {money(claim.outside_lab_charges)}",
    )
    y += ROW
    sheet.box(
        "21",
        LEFT,
        y,
        500,
        2 * ROW + 4,
        "21. DIAGNOSIS OR NATURE OF ILLNESS OR INJURY (relate A-L to line 24E)",
    )
    sheet.box("21ind", 430, y + 2, 90, 12, "ICD Ind.", show(claim.diagnosis_code_indicator), align="end")
    for i, letter in enumerate(LETTERS):
        code = claim.diagnoses[i] if i < len(claim.diagnoses) else None
        sheet.box(
            f"21{letter}",
            LEFT + 5 + (i % 4) * 123,
            y + 16 + (i // 4) * 18,
            118,
            17,
            f"{letter}.",
            show(code),
        )
    sheet.box(
        "22",
        RIGHT,
        y,
        300,
        ROW,
        "22. RESUBMISSION CODE   ORIGINAL REF. NO.",
        f"{show(claim.resubmission_code)}   {show(claim.original_reference_number)}".strip(),
    )
    sheet.box(
        "23",
        RIGHT,
        y + ROW,
        300,
        ROW + 4,
        "23. PRIOR AUTHORIZATION NUMBER",
        show(claim.prior_authorization_number),
    )
    y += 2 * ROW + 4
    sheet.box("24", LEFT, y, 800, 22, "")
    for text, x in HEADINGS:
        sheet.note(x, y + 8, text, size=6.5)
    for key, label, x, _, _ in COLUMNS:
        sheet.note(x + 2, y + 18 if key in {"24A", "24A-to", "24D", "24D-mod"} else y + 8, label, size=6.5)
    y += 22
    for number_, line in lines:
        _line_cells(sheet, line, number_, y)
        y += 36
    tax_kind = show(claim.federal_tax_id_type).upper()
    sheet.box(
        "25",
        LEFT,
        y,
        190,
        ROW,
        "25. FEDERAL TAX I.D. NUMBER   SSN EIN",
        f"{show(claim.federal_tax_id)}  {TAX_KIND.get(tax_kind, '')}",
    )
    sheet.box("26", 215, y, 150, ROW, "26. PATIENT'S ACCOUNT NO.", show(claim.patient_account_number))
    sheet.box("27", 365, y, 110, ROW, "27. ACCEPT ASSIGNMENT?", check(claim.accept_assignment)[:17])
    last_page = page == pages
    sheet.box(
        "28",
        475,
        y,
        130,
        ROW,
        "28. TOTAL CHARGE",
        money(claim.total_charge) if last_page else "CONTINUED",
        align="end",
    )
    sheet.box("29", 605, y, 110, ROW, "29. AMOUNT PAID", money(claim.amount_paid), align="end")
    sheet.box("30", 715, y, 110, ROW, "30. Rsvd for NUCC Use")
    y += ROW
    sheet.box(
        "31",
        LEFT,
        y,
        190,
        72,
        "31. SIGNATURE OF PHYSICIAN OR SUPPLIER",
        [show(claim.physician_signature), day(claim.physician_signature_date)],
    )
    facility, billing = claim.service_facility, claim.billing_provider
    sheet.box("32", 215, y, 260, 54, "32. SERVICE FACILITY LOCATION INFORMATION", _provider_lines(facility))
    sheet.box("32a", 215, y + 54, 130, 18, "a.", show(facility and facility.npi))
    sheet.box("32b", 345, y + 54, 130, 18, "b.", show(facility and facility.other_id), shaded=True)
    sheet.box(
        "33",
        475,
        y,
        350,
        54,
        "33. BILLING PROVIDER INFO & PH #   " + show(billing and billing.phone),
        _provider_lines(billing),
    )
    sheet.box("33a", 475, y + 54, 175, 18, "a.", show(billing and billing.npi))
    sheet.box(
        "33b",
        650,
        y + 54,
        175,
        18,
        "b.",
        f"{show(billing and billing.other_id_qualifier)}{show(billing and billing.other_id)}",
        shaded=True,
    )
    return sheet


def pages(claim: ProfessionalClaim) -> list[Sheet]:
    """One sheet per six service lines (at least one sheet)."""
    numbered: list[tuple[int, ServiceLine | None]] = list(enumerate(claim.service_lines, start=1))
    count = max(1, -(-len(numbered) // LINES_PER_PAGE))
    sheets = []
    for page in range(count):
        chunk = numbered[page * LINES_PER_PAGE : (page + 1) * LINES_PER_PAGE]
        start = page * LINES_PER_PAGE + len(chunk) + 1
        chunk += [(start + i, None) for i in range(LINES_PER_PAGE - len(chunk))]
        sheets.append(_page(claim, chunk, page + 1, count))
    return sheets


def keys_for(target: Target, keys: set[str]) -> set[str]:
    """The boxes a CMS-1500 target points at."""
    item, line, part = target.item, target.line, target.part
    if item == "24" and part == "shaded":
        item = "24shaded"
    if item.startswith("24") and item != "24":
        columns = (
            [item] + ([f"{item}-to"] if item == "24A" else []) + ([f"{item}-mod"] if item == "24D" else [])
        )
        if item == "24J":
            columns.append("24J-other")
        if line is not None:
            return {f"{c}:{line}" for c in columns} & keys
        return {k for k in keys if k.split(":")[0] in columns}
    if item == "24" and line is not None:
        return {k for k in keys if k.endswith(f":{line}")}
    if item == "21":
        if part == "ind":
            return {"21ind"}
        if part and len(part) == 1:
            return {f"21{part.upper()}"} & keys
        return {f"21{letter}" for letter in LETTERS}
    return {item} & keys
