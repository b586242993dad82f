"""Find every ICD-10-CM, ICD-10-PCS and HCPCS code named in course content, and what is wrong with it.

Content is every notebook under ``modules/`` and ``course/source/`` (the authored course; nbgrader's
release, submitted and feedback folders hold copies and learners' work) and every exam item bank
(``autograder/exam/bank/*.json``). A code is recognised by its form:

- ICD-10-CM with its dot (``E11.9``, ``T36.0X1A``) or a three-character category (``I10``, ``E11``);
- HCPCS Level II (``J1100``: a letter and four digits);
- ICD-10-PCS (``0DTJ4ZZ``: seven characters from the PCS alphabet, with a letter and a digit);
- in code cells, any string literal that is a whole code in one of these sets (``"E119"``).

A named code must exist in the FY2026 release of a code set its form fits. A code given as an answer
must also be reportable (billable): the expected codes in ``assert_code``, ``assert_sequence`` and
``score_code_set`` calls of notebook test cells, and the keys of ``code`` and ``case`` items in a bank.
Self-check answers are stored as digests; they are checked by brute force in
``test_content_self_checks.py``.
"""

from __future__ import annotations

import ast
import importlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import nbformat

from autograder.codes.normalize import normalize

REPO = Path(__file__).resolve().parents[2]
NOTEBOOK_DIRS = ("modules", "course/source")
BANK_GLOB = "autograder/exam/bank/*.json"
SYSTEMS = ("icd10cm", "icd10pcs", "hcpcs")
ANSWER_CALLS = ("assert_code", "assert_sequence", "score_code_set")  # answer, expected, ...

_CM_DOTTED = r"[A-Z]\d[0-9A-Z]\.[0-9A-Z]{1,4}"
_CM_CATEGORY = r"[A-Z]\d\d"
_HCPCS = r"[A-V]\d{4}"
_PCS = r"(?=[0-9A-Z]*[A-Z])(?=[0-9A-Z]*\d)[0-9BCDFGHX][0-9A-HJ-NP-Z]{6}"
TOKEN = re.compile(rf"(?<![\w.])({_CM_DOTTED}|{_PCS}|{_HCPCS}|{_CM_CATEGORY})(?![\w])")
# words that have the form of a category but name something else
NOT_CODES = {"B12": "vitamin B12"}


@dataclass(frozen=True)
class Problem:
    path: str
    where: str
    code: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path} ({self.where}): {self.code}: {self.reason}"


def code_set(system: str):
    return importlib.import_module(f"autograder.codes.{system}")


def readings(token: str) -> list[str]:
    """The code sets whose form fits ``token`` (dotted tokens are ICD-10-CM only)."""
    if "." in token:
        return ["icd10cm"]
    key = normalize(token)
    return [s for s in SYSTEMS if code_set(s).looks_like(key)]


def known(token: str, system: str) -> bool:
    """True when the code set in use has ``token`` (HCPCS describes well-formed unknown codes too,
    flagged ``in_table=False``)."""
    info = code_set(system).lookup(token)
    return info is not None and getattr(info, "in_table", True)


def exists(token: str) -> bool:
    """True when ``token`` is a code, category or subcategory in one of the code sets its form fits."""
    return any(known(token, s) for s in readings(token))


def reportable(code: str, system: str) -> list[str]:
    """The code set's error messages for ``code`` as an answer (empty when it can be reported)."""
    return [f.message for f in code_set(system).validate(code) if f.is_error]


def named_codes(text: str) -> Iterator[str]:
    for match in TOKEN.finditer(text):
        if match.group(1) not in NOT_CODES:
            yield match.group(1)


def literal_codes(source: str) -> Iterator[str]:
    """String literals in Python source that are a whole code in form (``"E119"``, ``"0DTJ4ZZ"``)."""
    tree = _parse(source)
    if tree is None:
        return
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = node.value.strip()
            if 3 <= len(text) <= 8 and re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9.]+", text) and readings(text):
                if any(c.isdigit() for c in text) and any(c.isalpha() for c in text):
                    yield text


def answer_literals(source: str) -> Iterator[tuple[str, str]]:
    """(code set, code) for each code given as the expected answer in a call such as
    ``score_code_set(answer, ["E11.9"], 2)`` or ``assert_code(answer, "0DTJ4ZZ", system="icd10pcs")``."""
    tree = _parse(source)
    if tree is None:
        return
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
        if name not in ANSWER_CALLS:
            continue
        keywords = {k.arg: k.value for k in node.keywords}
        expected = node.args[1] if len(node.args) > 1 else keywords.get("expected")
        system = node.args[2] if len(node.args) > 2 and name != "score_code_set" else keywords.get("system")
        system = system.value if isinstance(system, ast.Constant) else "icd10cm"
        for const in ast.walk(expected) if expected is not None else ():
            if isinstance(const, ast.Constant) and isinstance(const.value, str):
                yield system, const.value


def _parse(source: str) -> ast.Module | None:
    # IPython magics and shell lines are not Python; blank them out before parsing
    lines = ["" if line.lstrip().startswith(("%", "!")) else line for line in source.splitlines()]
    try:
        return ast.parse("\n".join(lines))
    except SyntaxError:
        return None


def scan_notebook(path: Path, root: Path = REPO) -> list[Problem]:
    shown = str(path.relative_to(root)) if path.is_relative_to(root) else str(path)
    problems = []
    nb = nbformat.read(path, as_version=4)
    for index, cell in enumerate(nb.cells, start=1):
        where = f"cell {index}"
        found = set(named_codes(cell.source))
        if cell.cell_type == "code":
            found |= set(literal_codes(cell.source))
            for system, code in answer_literals(cell.source):
                problems.extend(Problem(shown, where, code, f"an answer that cannot be reported: {reason}")
                                for reason in reportable(code, system))
        problems.extend(Problem(shown, where, code, "not in the FY2026 code sets")
                        for code in sorted(found) if not exists(code))
    return problems


def _strings(node: object, trail: str) -> Iterator[tuple[str, str]]:
    if isinstance(node, str):
        yield trail, node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _strings(value, f"{trail}.{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _strings(value, f"{trail}[{index}]")


def bank_answers(item: dict) -> Iterator[tuple[str, str]]:
    """(code set, code) for every code an item gives as its answer key."""
    answer = item.get("answer")
    if item.get("kind") == "code" and isinstance(answer, list):
        for code in answer:
            yield item.get("system", "icd10cm"), code
    elif item.get("kind") == "case" and isinstance(answer, dict):
        for dx in answer.get("diagnoses", []):
            yield "icd10cm", dx.get("code", "")
        for px in answer.get("procedures", []):
            yield answer.get("procedure_system", "icd10pcs"), px


def scan_bank(path: Path, root: Path = REPO) -> list[Problem]:
    shown = str(path.relative_to(root)) if path.is_relative_to(root) else str(path)
    problems = []
    data = json.loads(path.read_text(encoding="utf-8"))
    for item in data.get("items", []):
        where = f"item {item.get('id', '?')}"
        text_fields = {key: value for key, value in item.items() if key != "codes"}  # codes: checked below
        for trail, text in _strings(text_fields, ""):
            problems.extend(Problem(shown, f"{where}{trail}", code, "not in the FY2026 code sets")
                            for code in named_codes(text) if not exists(code))
        for ref in item.get("codes", []):
            system = ref.get("system")
            if system in SYSTEMS and not known(ref.get("code"), system):
                problems.append(Problem(shown, f"{where}.codes", ref.get("code"), f"not a {system} code"))
        for system, code in bank_answers(item):
            if system in SYSTEMS:
                problems.extend(Problem(shown, f"{where}.answer", code, f"not reportable: {reason}")
                                for reason in reportable(code, system))
    return problems


def notebooks(root: Path = REPO) -> list[Path]:
    found = []
    for folder in NOTEBOOK_DIRS:
        found += [p for p in (root / folder).rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts]
    return sorted(found)


def banks(root: Path = REPO) -> list[Path]:
    return sorted(root.glob(BANK_GLOB))
