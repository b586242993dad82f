"""Small edits flaws make to a claim dict, keeping the rest of the claim consistent (CMS-1500 item 24E
pointers follow item 21 letters when codes are inserted or removed; totals are recomputed when a
flaw adds or changes lines, unless the total itself is the flaw).
"""

from __future__ import annotations

from datetime import date, timedelta

LETTERS = "ABCDEFGHIJKL"
EXTERNAL_CAUSE = ("V", "W", "X", "Y")
# real FY2026 codes for conditions a claim can carry alongside any of the scenarios, used when a
# flaw needs more codes on the claim (no Excludes1 pair among them or with the scenarios' codes)
CHRONIC_CONDITIONS = (
    "K21.9",
    "G47.33",
    "J30.9",
    "F41.1",
    "E03.9",
    "K59.00",
    "Z88.0",
    "H52.4",
    "L70.0",
    "G43.909",
    "M79.7",
    "H61.23",
    "L60.0",
    "B35.1",
    "K64.9",
    "H10.9",
    "D50.9",
    "R51.9",
    "H40.9",
    "M54.2",
    "K57.30",
    "L40.0",
    "E55.9",
    "M10.9",
    "I73.9",
    "H35.30",
    "M19.90",
    "K29.70",
    "J32.9",
    "L57.0",
)


def day(text: str) -> date:
    return date.fromisoformat(text)


def shift(text: str, days: int) -> str:
    return (day(text) + timedelta(days=days)).isoformat()


def year_typo(text: str) -> str:
    """2026-03-14 -> 2062-03-14: the last two digits of the year swapped, a common keying slip."""
    year = text[:4]
    return year[:2] + year[3] + year[2] + text[4:]


def impossible_date(text: str) -> str:
    """February 30 of the same year: a date that looks right and does not exist."""
    return f"{text[:4]}-02-30"


def wrong_check_digit(npi: str) -> str:
    return npi[:-1] + str((int(npi[-1]) + 1) % 10)


def money(value: float) -> float:
    return round(value + 0.0, 2)


# --- CMS-1500 ----------------------------------------------------------------------------------


def remap_pointers(claim: dict, mapping: dict[str, str | None]) -> None:
    for line in claim["service_lines"]:
        moved = [mapping.get(p, p) for p in line["diagnosis_pointers"]]
        line["diagnosis_pointers"] = [p for p in moved if p]


def insert_diagnoses(claim: dict, codes: list[str], at: int) -> None:
    """Insert codes at a 0-based position of item 21; pointers move with the codes they named."""
    old = claim["diagnoses"]
    mapping = {LETTERS[i]: LETTERS[i + len(codes)] for i in range(at, len(old)) if i + len(codes) < 12}
    claim["diagnoses"] = old[:at] + list(codes) + old[at:]
    remap_pointers(claim, mapping)


def remove_diagnosis(claim: dict, index: int) -> None:
    old = claim["diagnoses"]
    mapping: dict[str, str | None] = {LETTERS[index]: None}
    mapping.update({LETTERS[i]: LETTERS[i - 1] for i in range(index + 1, len(old))})
    claim["diagnoses"] = old[:index] + old[index + 1 :]
    remap_pointers(claim, mapping)


def add_missing(claim: dict, codes: list[str]) -> None:
    claim["diagnoses"] += [c for c in codes if c not in claim["diagnoses"]]


def fill_to(claim: dict, count: int) -> bool:
    extra = [c for c in CHRONIC_CONDITIONS if c not in claim["diagnoses"]]
    need = count - len(claim["diagnoses"])
    if need > len(extra):
        return False
    claim["diagnoses"] += extra[:need]
    return True


def professional_total(claim: dict) -> None:
    claim["total_charge"] = money(sum(line["charges"] for line in claim["service_lines"]))


# --- UB-04 -------------------------------------------------------------------------------------


def institutional_total(claim: dict) -> None:
    claim["total_charges"] = money(sum(line["total_charges"] for line in claim["revenue_lines"]))


def entry(code: str, poa: str | None) -> dict:
    return {"code": code, "poa": poa}


def inpatient(claim: dict) -> bool:
    return claim.get("type_of_bill") == "0111"


def stay_day(claim: dict, offset: int) -> str:
    return shift(claim["statement_from"], offset)
