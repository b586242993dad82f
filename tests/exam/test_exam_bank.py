"""Content checks on the item bank: size and coverage, every code valid FY2026 through our validators,
answers reportable, keys well formed, rationales cited, no duplicate or near-duplicate stems."""

from __future__ import annotations

import difflib
import gzip
import os
import re
from collections import Counter
from functools import cache
from itertools import combinations
from pathlib import Path

import pytest

from autograder.codes import cpt, hcpcs, icd10cm, icd10pcs, modifiers
from autograder.exam.bank import load_bank, read_bank_file
from autograder.exam.blueprint import load_blueprints
from autograder.exam.items import LETTERS, BankError

BANK = load_bank()
MINIMUM = {"cpc": 80, "cca": 60, "ccs": 40, "rhit": 60}
VALIDATORS = {"icd10cm": icd10cm, "icd10pcs": icd10pcs, "hcpcs": hcpcs, "cpt": cpt, "modifier": modifiers}
# How codes are recognised in item text (ICD-10-CM always written with its dot, or as a 3-character code).
PATTERNS = {
    "icd10cm": re.compile(r"\b[A-Z][0-9][0-9A-Z]\.[0-9A-Z]{1,4}\b|(?<![\w.])[A-Z][0-9]{2}(?![\w.])"),
    "icd10pcs": re.compile(r"\b(?=[0-9A-Z]*\d[0-9A-Z]*\d)[0-9BCDFGHX][0-9A-HJ-NP-Z]{6}\b"),
    "hcpcs": re.compile(r"\b[A-V][0-9]{4}\b"),
    "cpt": re.compile(r"\b(?:[0-9]{5}|[0-9]{4}[FT])\b"),
}
NOT_CODES = {"X12"}  # the ASC X12 standard, not an ICD-10-CM category
# Appendix I of the ICD-10-CM Official Guidelines lists these categories among those exempt from POA.
POA_EXEMPT_PREFIXES = ("Z3A", "Z37")
AUTHORITY = re.compile(
    r"Official Guidelines|CFR|U\.S\.C\.|CPT|HCPCS|CMS|NCCI|NUBC|X12|UHDDS|AHIMA|OIG|Social Security Act|"
    r"Rules of Evidence|ICD-10-PCS|Deficit Reduction Act|ONC|HL7|MS-DRG|terminology|[Aa]natomy|statistics|"
    r"management|Data set|Cancer registry|Revenue cycle|improvement|Problem-oriented|Project|Descriptive|"
    r"presentation|Uniform"
)


def shared_data() -> Path:
    """The official CDC/CMS files: ``$HIMLAB_SHARED_DATA``, else ``../shared/cms-data`` beside the repo."""
    configured = os.environ.get("HIMLAB_SHARED_DATA")
    return (
        Path(configured) if configured else Path(__file__).resolve().parents[2].parent / "shared" / "cms-data"
    )


@cache
def official_hcpcs_modifiers() -> frozenset[str]:
    """Modifiers in the CMS January 2026 HCPCS file (record type 7, modifier in columns 4-5)."""
    path = shared_data() / "hcpcs" / "HCPC2026_JAN_ANWEB_01122026.txt.gz"
    if not path.is_file():
        pytest.skip(f"official HCPCS file not present: {path}")
    with gzip.open(path, "rt", encoding="latin-1") as f:
        return frozenset(line[3:5] for line in f if len(line) > 11 and line[10] == "7")


def modifier_valid(code: str) -> bool:
    """In our modifier table, or else in the official CMS HCPCS file (e.g. physical status P1-P6)."""
    return modifiers.validate(code) == [] or code in official_hcpcs_modifiers()


def texts(item) -> list[str]:
    out = [item.stem, item.rationale, *item.options, *item.references]
    if item.kind == "code":
        out += list(item.answer)
    elif item.kind == "case":
        out += [d.code for d in item.answer.diagnoses] + list(item.answer.procedures)
    return out


def test_bank_size_and_coverage():
    counts = Counter(i.exam for i in BANK)
    for exam, minimum in MINIMUM.items():
        assert counts[exam] >= minimum, f"{exam} has {counts[exam]} items, needs {minimum}"
    assert len(BANK) >= 240
    assert sum(1 for i in BANK if i.exam == "ccs" and i.kind == "case") >= 10
    for exam, plan in load_blueprints().items():
        domains = {i.domain for i in BANK if i.exam == exam}
        assert domains == set(plan.domain_ids), f"{exam}: domains without items or unknown domains"
    assert len(load_blueprints()["rhit"].domains) == 6


def test_every_item_has_a_cited_rationale_and_a_difficulty():
    for item in BANK:
        assert len(item.rationale) >= 60, item.id
        assert item.references and all(AUTHORITY.search(r) for r in item.references), item.id
    assert {i.difficulty for i in BANK} == {"easy", "medium", "hard"}


def test_choice_keys_point_at_one_of_distinct_options():
    for item in BANK:
        if item.kind == "choice":
            assert item.answer in LETTERS[: len(item.options)], item.id
            assert len(set(item.options)) == len(item.options), f"{item.id}: repeated option"
    letters = Counter(i.answer for i in BANK if i.kind == "choice")
    assert all(letters[letter] >= 20 for letter in "ABCD"), f"keys bunch on some letters: {letters}"


def test_every_code_named_is_listed_with_its_code_set():
    for item in BANK:
        listed = {(c.system, c.code) for c in item.codes}
        for text in texts(item):
            for system, pattern in PATTERNS.items():
                for code in set(pattern.findall(text)) - NOT_CODES:
                    assert (system, code) in listed, f"{item.id}: {code} named but not listed as {system}"


@pytest.mark.parametrize("system", sorted(VALIDATORS))
def test_every_listed_code_is_valid_fy2026(system):
    listed = sorted({c.code for i in BANK for c in i.codes if c.system == system})
    assert listed, f"no {system} codes found: the check would prove nothing"
    for code in listed:
        findings = VALIDATORS[system].validate(code)
        if system == "modifier":
            assert modifier_valid(code), f"modifier {code} is in neither our table nor the CMS HCPCS file"
        elif system == "icd10cm":  # a category named in passing need not be billable, but must exist
            assert icd10cm.lookup(code) is not None, code
            assert not [f for f in findings if f.is_error and f.rule != "icd10cm.not-billable"], code
        else:
            assert findings == [], f"{system} {code}: {[f.message for f in findings]}"


def test_code_and_case_answers_are_reportable():
    checked = 0
    for item in BANK:
        pairs = []
        if item.kind == "code":
            pairs = [(item.system, code) for code in item.answer]
        elif item.kind == "case":
            key = item.answer
            pairs = [("icd10cm", d.code) for d in key.diagnoses] + [
                (key.procedure_system, p) for p in key.procedures
            ]
        for system, code in pairs:
            errors = [f.message for f in VALIDATORS[system].validate(code) if f.is_error]
            assert errors == [], f"{item.id}: {code}: {errors}"
            checked += 1
    assert checked >= 45


def test_case_keys_use_poa_as_appendix_i_says():
    for item in BANK:
        if item.kind != "case":
            continue
        for dx in item.answer.diagnoses:
            exempt = dx.code.replace(".", "").startswith(POA_EXEMPT_PREFIXES)
            if item.answer.setting == "outpatient" or exempt:
                assert dx.poa == "", f"{item.id}: {dx.code} takes no POA indicator"
            else:
                assert dx.poa in ("Y", "N", "U", "W"), f"{item.id}: {dx.code} needs a POA indicator"


def near_duplicate(a: str, b: str) -> bool:
    """True when two stems say nearly the same thing: text similarity 0.85+ or word overlap 0.7+."""
    ta = re.sub(r"[^a-z0-9 ]+", " ", a.lower()).split()
    tb = re.sub(r"[^a-z0-9 ]+", " ", b.lower()).split()
    if len(set(ta) & set(tb)) / len(set(ta) | set(tb)) >= 0.7:
        return True
    matcher = difflib.SequenceMatcher(None, " ".join(ta), " ".join(tb), autojunk=False)
    return matcher.real_quick_ratio() >= 0.85 and matcher.quick_ratio() >= 0.85 and matcher.ratio() >= 0.85


def test_modifier_check_both_ways():
    assert modifier_valid("QK") and modifier_valid("P3")
    assert not modifier_valid("Z9")


def test_near_duplicate_detector_both_ways():
    stem = "A patient has hypertension and chronic kidney disease stage 4. Which codes are reported?"
    assert near_duplicate(stem, stem.replace("stage 4", "stage 3"))
    assert near_duplicate(
        stem, "A patient has hypertension and chronic kidney disease, stage 4. Which codes apply?"
    )
    assert not near_duplicate(stem, "Which chart best shows how the monthly claim denial rate changed?")


def test_no_duplicate_or_near_duplicate_stems():
    pairs = [(a.id, b.id) for a, b in combinations(BANK, 2) if near_duplicate(a.stem, b.stem)]
    assert pairs == []


def test_a_malformed_bank_file_gets_a_clear_message(tmp_path):
    path = tmp_path / "bad.json"
    entry = '{"id": "cpc-x", "kind": "choice", "difficulty": "easy", "options": ["a", "b"], "answer": "A"}'
    path.write_text('{"exam": "cpc", "items": [' + entry + "]}")
    with pytest.raises(BankError, match=r"bad.json item 'cpc-x': field '\w+' is missing"):
        read_bank_file(path)
    path.write_text("not json")
    with pytest.raises(BankError, match="cannot be read as JSON"):
        read_bank_file(path)
