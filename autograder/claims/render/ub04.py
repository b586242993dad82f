"""The UB-04 (CMS-1450) drawn form locator by form locator: FL 1-17 across the top, condition,
occurrence and value codes (FL 18-41), the 22 revenue lines and the totals line (FL 42-49), payer
and insured (FL 50-65), diagnoses and procedures (FL 66-75) and providers (FL 76-81), laid out as on
the paper form (NUBC UB-04; CMS Pub 100-04 ch. 25). More than 22 revenue lines go on more pages."""

from __future__ import annotations

from autograder.claims.models import InstitutionalClaim, Provider, RevenueLine
from autograder.claims.render.locators import Target
from autograder.claims.render.sheet import Sheet
from autograder.claims.render.text import address_lines, day, money, number, person_name, provider_name, show

WIDTH, HEIGHT = 850, 1000
LINES_PER_PAGE = 22
LETTERS = "ABCDEFGHIJKLMNOPQ"  # FL 67A-Q
REVENUE_COLUMNS = [  # form locator, label, x, width, alignment
    (42, "42 REV. CD.", 20, 45, "start"),
    (43, "43 DESCRIPTION", 65, 245, "start"),
    (44, "44 HCPCS / RATE / HIPPS CODE", 310, 140, "start"),
    (45, "45 SERV. DATE", 450, 80, "start"),
    (46, "46 SERV. UNITS", 530, 70, "end"),
    (47, "47 TOTAL CHARGES", 600, 100, "end"),
    (48, "48 NON-COVERED CHARGES", 700, 100, "end"),
    (49, "49", 800, 30, "start"),
]
RANGES = {"cond": range(18, 29), "occ": range(31, 35), "span": range(35, 37), "val": range(39, 42)}


def _provider(sheet: Sheet, key: str, x: float, y: float, label: str, provider: Provider | None) -> None:
    if provider is None:
        sheet.box(key, x, y, 180, 28, label)
        return
    entry = f"{show(provider.qualifier)} NPI {show(provider.npi)}  {provider_name(provider)}".strip()
    sheet.box(key, x, y, 180, 28, label, entry, size=9)


def _top(sheet: Sheet, claim: InstitutionalClaim) -> None:
    billing, pay_to, patient = claim.billing_provider, claim.pay_to_provider, claim.patient
    sheet.box(
        "FL1",
        20,
        45,
        250,
        64,
        "1",
        [
            provider_name(billing),
            *address_lines(billing and billing.address),
            show(billing and billing.phone),
        ],
    )
    sheet.box(
        "FL2", 270, 45, 240, 64, "2", [provider_name(pay_to), *address_lines(pay_to and pay_to.address)]
    )
    sheet.box("FL3a", 510, 45, 230, 16, "3a PAT. CNTL #", show(claim.patient_control_number))
    sheet.box("FL3b", 510, 61, 230, 16, "b. MED. REC. #", show(claim.medical_record_number))
    sheet.box("FL4", 740, 45, 90, 32, "4 TYPE OF BILL", show(claim.type_of_bill))
    sheet.box("FL5", 510, 77, 110, 32, "5 FED. TAX NO.", show(claim.federal_tax_id))
    sheet.box(
        "FL6",
        620,
        77,
        160,
        32,
        "6 STATEMENT COVERS PERIOD",
        f"{day(claim.statement_from, True)} - {day(claim.statement_through, True)}",
    )
    sheet.box("FL7", 780, 77, 50, 32, "7")
    sheet.box("FL8", 20, 109, 250, 36, "8 PATIENT NAME", person_name(patient))
    sheet.box(
        "FL9", 270, 109, 560, 36, "9 PATIENT ADDRESS", "  ".join(address_lines(patient and patient.address))
    )
    y = 145
    for key, x, w, label, value in (
        ("FL10", 20, 80, "10 BIRTHDATE", day(patient.birth_date) if patient else ""),
        ("FL11", 100, 30, "11 SEX", show(patient and patient.sex)),
        ("FL12", 130, 70, "12 ADMISSION DATE", day(claim.admission_date, True)),
        ("FL13", 200, 30, "13 HR", show(claim.admission_hour)),
        ("FL14", 230, 30, "14 TYPE", show(claim.admission_type)),
        ("FL15", 260, 30, "15 SRC", show(claim.point_of_origin)),
        ("FL16", 290, 30, "16 DHR", show(claim.discharge_hour)),
        ("FL17", 320, 30, "17 STAT", show(claim.patient_discharge_status)),
    ):
        sheet.box(key, x, y, w, 32, label, value, align="middle" if w <= 30 else "start")
    for i in range(11):
        code = claim.condition_codes[i] if i < len(claim.condition_codes) else ""
        sheet.box(f"cond:{i + 1}", 350 + i * 36, y, 36, 32, f"{18 + i} COND", show(code), align="middle")
    sheet.box("FL29", 746, y, 44, 32, "29 ACDT STATE", show(claim.accident_state), align="middle")
    sheet.box("FL30", 790, y, 40, 32, "30")


def _codes(sheet: Sheet, claim: InstitutionalClaim) -> None:
    y = 177
    for r in range(2):
        for c in range(4):
            i = r * 4 + c
            entry = claim.occurrence_codes[i] if i < len(claim.occurrence_codes) else None
            value = f"{show(entry.code)}  {day(entry.date, True)}" if entry else ""
            sheet.box(
                f"occ:{i + 1}", 20 + c * 100, y + r * 22, 100, 22, f"{31 + c}{'ab'[r]} OCCURRENCE", value
            )
        for c in range(2):
            i = r * 2 + c
            span = claim.occurrence_spans[i] if i < len(claim.occurrence_spans) else None
            value = (
                f"{show(span.code)}  {day(span.from_date, True)} {day(span.through_date, True)}"
                if span
                else ""
            )
            sheet.box(
                f"span:{i + 1}",
                420 + c * 170,
                y + r * 22,
                170,
                22,
                f"{35 + c}{'ab'[r]} OCCURRENCE SPAN",
                value,
            )
    sheet.box("FL37", 760, y, 70, 44, "37")
    y = 221
    sheet.box("FL38", 20, y, 300, 64, "38")
    for r in range(4):
        for c in range(3):
            i = r * 3 + c
            entry = claim.value_codes[i] if i < len(claim.value_codes) else None
            value = f"{show(entry.code)}  {money(entry.amount)}" if entry else ""
            sheet.box(
                f"val:{i + 1}", 320 + c * 170, y + r * 16, 170, 16, f"{39 + c}{'abcd'[r]} VALUE CODE", value
            )


def _revenue(
    sheet: Sheet, claim: InstitutionalClaim, lines: list[tuple[int, RevenueLine | None]], last: bool
) -> None:
    y = 285
    for locator, label, x, w, _ in REVENUE_COLUMNS:
        sheet.box(f"FL{locator}", x, y, w, 16, label)
    y += 16
    for number_, line in lines:
        values = {}
        if line is not None:
            values = {
                42: show(line.revenue_code),
                43: show(line.description),
                44: " ".join([show(line.hcpcs), *(show(m) for m in line.modifiers)]).strip(),
                45: day(line.service_date, True),
                46: number(line.units),
                47: money(line.total_charges),
                48: money(line.non_covered_charges),
            }
        for locator, _, x, w, align in REVENUE_COLUMNS:
            sheet.box(f"FL{locator}:{number_}", x, y, w, 15, "", values.get(locator, ""), align=align)
        sheet.note(8, y + 11, str((number_ - 1) % LINES_PER_PAGE + 1), size=7)
        y += 15
    totals = {
        42: "0001",
        43: "TOTALS",
        47: money(claim.total_charges) if last else "",
        48: money(claim.total_non_covered_charges) if last else "",
    }
    for locator, _, x, w, align in REVENUE_COLUMNS:
        sheet.box(
            f"FL{locator}:total", x, y, w, 15, "", totals.get(locator, ""), align=align, shaded=locator == 49
        )
    sheet.note(8, y + 11, "23", size=7)


def _payer(sheet: Sheet, claim: InstitutionalClaim) -> None:
    payer, insured = claim.payer, claim.insured
    y = 650
    sheet.box("FL50", 20, y, 230, 54, "50 PAYER NAME", f"A  {show(payer and payer.name)}")
    sheet.box("FL51", 250, y, 150, 54, "51 HEALTH PLAN ID", show(payer and payer.payer_id))
    sheet.box("FL52", 400, y, 30, 54, "52 REL", show(claim.release_of_information), align="middle")
    sheet.box("FL53", 430, y, 30, 54, "53 ASG", show(claim.assignment_of_benefits), align="middle")
    sheet.box("FL54", 460, y, 110, 54, "54 PRIOR PAYMENTS", money(claim.prior_payments), align="end")
    sheet.box("FL55", 570, y, 110, 54, "55 EST. AMOUNT DUE", money(claim.estimated_amount_due), align="end")
    billing = claim.billing_provider
    sheet.box("FL56", 680, y, 150, 27, "56 NPI", show(billing and billing.npi))
    sheet.box("FL57", 680, y + 27, 150, 27, "57 OTHER PRV ID", show(claim.other_provider_id))
    y = 704
    sheet.box("FL58", 20, y, 230, 40, "58 INSURED'S NAME", f"A  {person_name(insured)}")
    sheet.box("FL59", 250, y, 30, 40, "59 P.REL", show(claim.patient_relationship_to_insured), align="middle")
    sheet.box("FL60", 280, y, 200, 40, "60 INSURED'S UNIQUE ID", show(insured and insured.insured_id))
    sheet.box("FL61", 480, y, 200, 40, "61 GROUP NAME", show(insured and insured.group_name))
    sheet.box("FL62", 680, y, 150, 40, "62 INSURANCE GROUP NO.", show(insured and insured.policy_group))
    y = 744
    sheet.box("FL63", 20, y, 330, 40, "63 TREATMENT AUTHORIZATION CODES", show(claim.treatment_authorization))
    sheet.box("FL64", 350, y, 240, 40, "64 DOCUMENT CONTROL NUMBER", show(claim.document_control_number))
    sheet.box("FL65", 590, y, 240, 40, "65 EMPLOYER NAME", show(claim.employer_name))


def _diagnoses(sheet: Sheet, claim: InstitutionalClaim) -> None:
    y = 784
    sheet.box("FL66", 20, y, 20, 50, "66", show(claim.diagnosis_code_indicator), align="middle")
    principal = claim.principal_diagnosis
    sheet.box(
        "FL67",
        40,
        y,
        110,
        25,
        "67",
        f"{show(principal and principal.code)} {show(principal and principal.poa)}".strip(),
    )
    others = claim.other_diagnoses
    for i, letter in enumerate(LETTERS):
        dx = others[i] if i < len(others) else None
        x, row = (150 + i * 85, y) if i < 8 else (40 + (i - 8) * 88, y + 25)
        sheet.box(
            f"FL67:{letter}",
            x,
            row,
            85 if i < 8 else 88,
            25,
            letter,
            f"{show(dx and dx.code)} {show(dx and dx.poa)}".strip(),
        )
    if len(others) > len(LETTERS):
        sheet.note(40, y + 58, f"+{len(others) - len(LETTERS)} more other diagnoses (837I only)")
    y = 836
    sheet.box("FL69", 20, y, 110, 26, "69 ADMIT DX", show(claim.admitting_diagnosis))
    for i in range(3):
        code = claim.reasons_for_visit[i] if i < len(claim.reasons_for_visit) else ""
        sheet.box(f"FL70:{'abc'[i]}", 130 + i * 80, y, 80, 26, f"70{'abc'[i]} REASON DX", show(code))
        cause = claim.external_cause_diagnoses[i] if i < len(claim.external_cause_diagnoses) else None
        sheet.box(
            f"FL72:{'abc'[i]}",
            440 + i * 110,
            y,
            110,
            26,
            f"72{'abc'[i]} ECI",
            f"{show(cause and cause.code)} {show(cause and cause.poa)}".strip(),
        )
    sheet.box("FL71", 370, y, 70, 26, "71 PPS CODE", show(claim.pps_code))
    sheet.box("FL73", 770, y, 60, 26, "73")
    y = 862
    procedure = claim.principal_procedure
    sheet.box(
        "FL74",
        20,
        y,
        200,
        28,
        "74 PRINCIPAL PROCEDURE  CODE  DATE",
        f"{show(procedure and procedure.code)}  {day(procedure.date, True) if procedure else ''}".strip(),
    )
    for i, letter in enumerate("abcde"):
        proc = claim.other_procedures[i] if i < len(claim.other_procedures) else None
        x, row = (220 + i * 200, y) if i < 2 else (20 + (i - 2) * 200, y + 28)
        sheet.box(
            f"FL74:{letter}",
            x,
            row,
            200,
            28,
            f"{letter}. OTHER PROCEDURE  CODE  DATE",
            f"{show(proc and proc.code)}  {day(proc.date, True) if proc else ''}".strip(),
        )
    sheet.box("FL75", 620, y, 30, 56, "75")


def _providers(sheet: Sheet, claim: InstitutionalClaim) -> None:
    _provider(sheet, "FL76", 650, 862, "76 ATTENDING", claim.attending_provider)
    _provider(sheet, "FL77", 650, 890, "77 OPERATING", claim.operating_provider)
    others = claim.other_providers
    _provider(sheet, "FL78", 650, 918, "78 OTHER", others[0] if others else None)
    _provider(sheet, "FL79", 650, 946, "79 OTHER", others[1] if len(others) > 1 else None)
    sheet.box("FL80", 20, 918, 330, 56, "80 REMARKS", show(claim.remarks))
    sheet.box("FL81", 350, 918, 300, 56, "81 CC")


def pages(claim: InstitutionalClaim) -> list[Sheet]:
    """One sheet per 22 revenue lines (at least one sheet); the totals line shows on the last."""
    numbered: list[tuple[int, RevenueLine | None]] = list(enumerate(claim.revenue_lines, start=1))
    count = max(1, -(-len(numbered) // LINES_PER_PAGE))
    sheets = []
    for page in range(count):
        chunk = numbered[page * LINES_PER_PAGE : (page + 1) * LINES_PER_PAGE]
        start = page * LINES_PER_PAGE + len(chunk) + 1
        chunk += [(start + i, None) for i in range(LINES_PER_PAGE - len(chunk))]
        sheet = Sheet(
            WIDTH, HEIGHT, "UB-04 (CMS-1450)", "layout drawn for study: form locators (FL) as on the form"
        )
        if count > 1:
            sheet.note(360, 24, f"page {page + 1} of {count}", size=10, weight="bold")
        _top(sheet, claim)
        _codes(sheet, claim)
        _revenue(sheet, claim, chunk, page == count - 1)
        _payer(sheet, claim)
        _diagnoses(sheet, claim)
        _providers(sheet, claim)
        sheets.append(sheet)
    return sheets


def keys_for(target: Target, keys: set[str], has_code: bool) -> set[str]:
    """The boxes a UB-04 target points at; FL 67 and 74 without a letter mean every diagnosis or
    procedure box when the finding names a code (the code then picks the box)."""
    item = target.item
    digits = int(item) if item.isdigit() else None
    part = target.part or ""
    entry = int(part.split()[1]) if part.startswith("entry ") else None
    if digits in range(42, 50):
        if target.line is not None:
            return {f"FL{digits}:{target.line}"} & keys
        if target.total:
            return {f"FL{digits}:total"}
        return {k for k in keys if k.startswith(f"FL{digits}:")}
    for prefix, span in RANGES.items():
        if digits in span:
            if entry is not None:
                return {f"{prefix}:{entry}"} & keys
            return {k for k in keys if k.startswith(f"{prefix}:")}
    if digits in (67, 70, 72, 74):
        letters = {k for k in keys if k.startswith(f"FL{digits}:")}
        if part == "others":
            return letters
        if len(part) == 1 and part.isalpha():
            return {f"FL{digits}:{part.upper() if digits == 67 else part.lower()}"} & keys
        whole = {f"FL{digits}"} & keys
        return whole | letters if (has_code or not whole) else whole
    if f"FL{item}" in keys:
        return {f"FL{item}"}
    base = "".join(c for c in item if c.isdigit())
    return {f"FL{base}"} & keys
