"""Every code in every dataset is a valid FY2026 code (CY2026 for HCPCS Level II), billable where it is
an answer: checked with the code-set library and, when the official CDC/CMS files are present,
against those files themselves."""

from __future__ import annotations

import gzip
from datetime import date

import pytest
from dataset_files import read_csv, read_json

from autograder.codes import cpt, hcpcs, icd10cm, icd10pcs, modifiers, pos
from autograder.codes.normalize import normalize
from autograder.datasets.flaws import edits, institutional
from autograder.datasets.scenarios import SCENARIOS

pytest_plugins = ["dataset_fixtures"]

VALIDATORS = {
    "icd10cm": lambda code, on: icd10cm.validate(code, on=on),
    "icd10pcs": lambda code, on: icd10pcs.validate(code, on=on),
    "hcpcs": lambda code, on: hcpcs.validate(code, on=on),
    "cpt": lambda code, on: cpt.validate(code, on=on),
    "modifier": lambda code, on: modifiers.validate(code),
    "pos": lambda code, on: pos.validate(code, on=on),
}
# codes the flaw library adds to claims as valid codes (the mistake is elsewhere: sequence, pairing, count)
FLAW_CODES_ICD10CM = (
    "F17.210", "Z87.891", "F02.80", "G30.9", "D63.1", "D57.1", "D69.6", "K70.0", "F10.20", "Z00.129",
    "Z51.89", "G81.90", "W19.XXXA", "Y65.51", "R52", "R11.0", "R50.9", "R51.9",
    *edits.CHRONIC_CONDITIONS, *institutional.PLACE_CODES,
)  # fmt: skip
FLAW_CODES_ICD10PCS = ("0DV68DZ", "0TY00Z0", "10E0XZZ", "30233N1", *institutional.PCS_FOR.values())


def problems(system: str, code: str, on: date | None = None) -> list[str]:
    """Every finding (error or warning) the code set has for the code on the date."""
    return [f"{f.rule}: {f.message}" for f in VALIDATORS[system](code, on)]


def procedure_system(code: str) -> str:
    return "cpt" if code[0].isdigit() else "hcpcs"


def gold_codes(encounters) -> list[tuple[str, str, date]]:
    """(code set, code, date of service) for every code in every encounter's gold coding."""
    out = []
    for enc in encounters:
        coding = enc["coding"]
        on = date.fromisoformat(enc["end_date"] if enc["setting"] == "inpatient" else enc["start_date"])
        out += [("icd10cm", dx["code"], on) for dx in coding["icd10cm"]]
        if coding["admitting_diagnosis"]:
            out.append(("icd10cm", coding["admitting_diagnosis"], on))
        out += [("icd10cm", code, on) for code in coding["reasons_for_visit"]]
        out += [("icd10pcs", p["code"], on) for p in coding["icd10pcs"]]
        for line in coding["professional"] + coding["facility"]:
            day = date.fromisoformat(line["date"])
            if line["code"]:
                out.append((procedure_system(line["code"]), line["code"], day))
            out += [("modifier", m, day) for m in line["modifiers"]]
    return out


@pytest.fixture(scope="module")
def encounters(committed):
    return read_json(committed / "encounters.json")


def test_the_checker_rejects_invalid_codes():
    assert problems("icd10cm", "E11.6")  # a subcategory heading
    assert problems("icd10cm", "S72.031")  # missing its 7th character
    assert problems("icd10pcs", "0DTJ4ZY")
    assert problems("cpt", "99201")  # deleted
    assert problems("modifier", "5T")
    assert problems("pos", "98")
    assert problems("hcpcs", "J3301", date(2025, 12, 16))  # outside the 2026 table's year


def test_every_gold_code_is_valid_on_its_date(encounters):
    seen = set()
    for system, code, on in gold_codes(encounters):
        if (system, code, on) in seen:
            continue
        seen.add((system, code, on))
        assert not problems(system, code, on), f"{system} {code} on {on}: {problems(system, code, on)}"
    assert {s for s, _, _ in seen} == {"icd10cm", "icd10pcs", "cpt", "hcpcs", "modifier"}


def test_every_scenario_code_is_valid():
    on = date(2026, 3, 2)
    for s in SCENARIOS:
        codes = [("icd10cm", d.code) for d in s.diagnoses] + [("icd10pcs", p.code) for p in s.procedures]
        codes += [("icd10cm", c) for c in (*s.reasons_for_visit, s.admitting_diagnosis) if c]
        codes += [(procedure_system(x.code), x.code) for x in s.services]
        codes += [(procedure_system(r.hcpcs), r.hcpcs) for r in s.revenue if r.hcpcs]
        mods = {m for x in (*s.services, *s.revenue) for m in (*x.modifiers, *(x.medicare_modifiers or ()))}
        codes += [("modifier", m) for m in mods]
        for system, code in codes:
            assert not problems(system, code, on), f"{s.id}: {system} {code}: {problems(system, code, on)}"


def test_codes_the_flaws_add_are_valid():
    on = date(2026, 3, 2)
    for code in FLAW_CODES_ICD10CM:
        assert not problems("icd10cm", code, on), code
    for code in FLAW_CODES_ICD10PCS:
        assert not problems("icd10pcs", code, on), code
    for code in ("0001U", "81105", "0002M"):
        assert not problems("cpt", code, on), code


def test_clean_claim_codes_are_valid(committed):
    for claim in read_json(committed / "claims" / "cms1500_clean.json"):
        on = date.fromisoformat(claim["service_lines"][0]["service_from"])
        for code in claim["diagnoses"]:
            assert not problems("icd10cm", code, on), (claim["claim_id"], code)
        for line in claim["service_lines"]:
            assert not problems("pos", line["place_of_service"], on)
            assert not problems(procedure_system(line["procedure_code"]), line["procedure_code"], on)
    for claim in read_json(committed / "claims" / "ub04_clean.json"):
        on = date.fromisoformat(claim["statement_through"])
        dx = [claim["principal_diagnosis"], *claim["other_diagnoses"], *claim["external_cause_diagnoses"]]
        codes = (
            [d["code"] for d in dx] + claim.get("reasons_for_visit", []) + [claim.get("admitting_diagnosis")]
        )
        for code in filter(None, codes):
            assert not problems("icd10cm", code, on), (claim["claim_id"], code)
        for proc in filter(None, [claim.get("principal_procedure"), *claim.get("other_procedures", [])]):
            assert not problems("icd10pcs", proc["code"], on), (claim["claim_id"], proc["code"])
        for line in claim["revenue_lines"]:
            assert len(line["revenue_code"]) == 4 and line["revenue_code"].isdigit()
            if line.get("hcpcs"):
                assert not problems(procedure_system(line["hcpcs"]), line["hcpcs"], on)


def test_extract_diagnoses_are_valid_except_the_planted_ones(committed):
    planted = {(d["record_id"], d["column"]) for d in read_csv(committed / "ehr" / "planted_defects.csv")}
    checked = 0
    for row in read_csv(committed / "ehr" / "extract.csv"):
        if (row["record_id"], "principal_dx") in planted:
            continue
        assert not problems("icd10cm", row["principal_dx"], date.fromisoformat(row["admit_date"])), row
        checked += 1
    assert checked


def _official_icd10cm(folder) -> set[str]:
    with gzip.open(folder / "icd10cm" / "icd10cm_codes_2026.txt.gz", "rt", encoding="latin-1") as f:
        return {line.split()[0] for line in f if line.strip()}


def _official_icd10pcs(folder) -> set[str]:
    with gzip.open(folder / "icd10pcs" / "icd10pcs_order_2026.txt.gz", "rt", encoding="latin-1") as f:
        return {line[6:13].strip() for line in f if line[14:15] == "1"}


def _official_hcpcs(folder) -> tuple[dict[str, str], set[str]]:
    """(procedure code -> termination date or "", modifier codes) from the CMS 2026 HCPCS file."""
    codes: dict[str, str] = {}
    mods: set[str] = set()
    with gzip.open(folder / "hcpcs" / "HCPC2026_JAN_ANWEB_01122026.txt.gz", "rt", encoding="latin-1") as f:
        for line in f:
            record = line[10:11]
            if record == "3":
                codes[line[0:5]] = line[284:292].strip()
            elif record == "7":
                mods.add(line[3:5])
    return codes, mods


def test_gold_codes_are_in_the_official_fy2026_files(encounters, official_files):
    cm, pcs = _official_icd10cm(official_files), _official_icd10pcs(official_files)
    level2, level2_modifiers = _official_hcpcs(official_files)
    for system, code, on in gold_codes(encounters):
        key = normalize(code)
        if system == "icd10cm":
            assert key in cm, f"{code} is not a billable FY2026 ICD-10-CM code"
        elif system == "icd10pcs":
            assert key in pcs, f"{code} is not a valid FY2026 ICD-10-PCS code"
        elif system == "hcpcs":
            assert key in level2, f"{code} is not in the 2026 HCPCS file"
            ends = level2[key]
            assert not ends or ends >= on.strftime("%Y%m%d"), f"{code} ends {ends}, before {on}"
        elif system == "modifier" and key[0].isalpha():
            assert key in level2_modifiers, f"modifier {code} is not in the 2026 HCPCS file"
    for code in FLAW_CODES_ICD10CM:
        assert normalize(code) in cm, code
    for code in FLAW_CODES_ICD10PCS:
        assert code in pcs, code
