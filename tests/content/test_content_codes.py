"""Content lint: every code named in notebooks and item banks is a FY2026 code; every answer is reportable."""

import json

import codescan
import nbformat
import pytest

from autograder.codes import hcpcs, icd10cm, icd10pcs

# Codes that do not exist, used on purpose to prove the scanner catches them.
ABSENT = {"icd10cm": ["E11.99", "D99", "E1199"], "icd10pcs": ["0DTJ4Z1"], "hcpcs": ["J0099"]}


@pytest.fixture(scope="module", autouse=True)
def absent_codes_really_are_absent():
    for system, codes in ABSENT.items():
        for code in codes:
            assert not codescan.known(code, system), f"{code} exists in {system}: pick another absent code"


def write_notebook(path, cells):
    nb = nbformat.v4.new_notebook()
    nb.cells = cells
    nbformat.write(nb, path)
    return path


def problems_in(tmp_path, markdown="", source=""):
    cells = [nbformat.v4.new_markdown_cell(markdown), nbformat.v4.new_code_cell(source)]
    path = write_notebook(tmp_path / "lesson.ipynb", cells)
    return [(p.code, p.reason) for p in codescan.scan_notebook(path, tmp_path)]


@pytest.mark.parametrize(
    "text", ["E11.9", "T36.0X1A", "I10", "E08-E13", "code `S72.001`", "J1100", "0DTJ4ZZ", "vitamin B12"]
)
def test_codes_that_exist_pass(tmp_path, text):
    assert problems_in(tmp_path, markdown=f"The lesson names {text}.") == []


@pytest.mark.parametrize("text", ["E11.99", "D99", "J0099", "0DTJ4Z1", "E99-E11"])
def test_codes_that_do_not_exist_are_named(tmp_path, text):
    found = problems_in(tmp_path, markdown=f"The lesson names {text}.")
    assert found and all(reason == "not in the FY2026 code sets" for _, reason in found)


def test_words_and_numbers_are_not_taken_for_codes(tmp_path):
    text = "FY2026, CMS-1500, UB-04 FL 67, 837P 2400 SV107, HbA1c, Section I.C.9.a.3, 005010X222A1, H2O"
    assert problems_in(tmp_path, markdown=text) == []


def test_string_literals_in_code_cells(tmp_path):
    assert problems_in(tmp_path, source='icd10cm.lookup("E119")') == []
    found = problems_in(tmp_path, source='icd10cm.lookup("E1199")')
    assert found == [("E1199", "not in the FY2026 code sets")]
    assert problems_in(tmp_path, source='title = "diabetes"; seed = "2052517c81bd6e2c"') == []


@pytest.mark.parametrize(
    ("call", "bad"),
    [
        ('score_code_set(answer, ["E11.9", "N18.31"], points=2)', None),
        ('score_code_set(answer, ["E11", "N18.31"], points=2)', "E11"),
        ('assert_code(answer, "S72.001A")', None),
        ('assert_code(answer, expected="S72.001")', "S72.001"),
        ('assert_sequence(answer, ["I12.9", "N18.4"], sequence="principal")', None),
        ('assert_sequence(answer, ["I12", "N18.4"])', "I12"),
        ('assert_code(answer, "0DTJ4ZZ", system="icd10pcs")', None),
        ('assert_code(answer, "0DTJ4Z", "icd10pcs")', "0DTJ4Z"),
    ],
)
def test_answers_in_test_cells_must_be_reportable(tmp_path, call, bad):
    found = [code for code, reason in problems_in(tmp_path, source=call) if reason.startswith("an answer")]
    assert found == ([bad] if bad else [])


def test_cells_with_magics_are_still_read(tmp_path):
    source = '%load_ext autoreload\nscore_code_set(answer, ["E11"], points=1)'
    assert [code for code, _ in problems_in(tmp_path, source=source)] == ["E11"]


def write_bank(path, items):
    path.write_text(json.dumps({"exam": "cpc", "items": items}), encoding="utf-8")
    return path


def test_bank_answers_codes_and_text(tmp_path):
    good = {
        "id": "x-1", "kind": "code", "system": "icd10cm", "answer": ["S72.001A"],
        "stem": "A closed fracture of the neck of the right femur (S72.0).",
        "codes": [{"system": "icd10cm", "code": "S72.001A"}, {"system": "cpt", "code": "99213"}],
    }
    bad = {
        "id": "x-2", "kind": "code", "system": "icd10cm", "answer": ["S72.001"],
        "stem": "Named in passing: E11.99.", "codes": [{"system": "hcpcs", "code": "J0099"}],
    }
    case = {
        "id": "x-3", "kind": "case", "stem": "A case.",
        "answer": {"setting": "inpatient", "procedure_system": "icd10pcs",
                   "diagnoses": [{"code": "E11", "poa": "Y"}], "procedures": ["0DTJ4ZZ"]},
    }
    found = codescan.scan_bank(write_bank(tmp_path / "bank.json", [good, bad, case]), tmp_path)
    named = sorted((p.where.split(".")[0], p.code) for p in found)
    assert named == [
        ("item x-2", "E11.99"), ("item x-2", "J0099"), ("item x-2", "S72.001"), ("item x-3", "E11")
    ]


def test_every_notebook_names_only_fy2026_codes():
    problems = [str(p) for nb in codescan.notebooks() for p in codescan.scan_notebook(nb)]
    assert problems == [], "\n".join(problems)


def test_every_item_bank_names_only_fy2026_codes():
    problems = [str(p) for bank in codescan.banks() for p in codescan.scan_bank(bank)]
    assert problems == [], "\n".join(problems)


def test_the_scan_reaches_every_lesson():
    # guards against a pattern that silently finds nothing: each ICD-10-CM lesson names codes
    lessons = [nb for nb in codescan.notebooks() if nb.parent.name == "04-icd10cm"]
    assert len(lessons) >= 4
    for nb in lessons:
        cells = nbformat.read(nb, as_version=4).cells
        assert any(list(codescan.named_codes(c.source)) for c in cells), nb.name


def test_the_code_sets_the_scan_relies_on():
    assert icd10cm.looks_like("E119") and icd10pcs.looks_like("0DTJ4ZZ") and hcpcs.looks_like("J1100")
