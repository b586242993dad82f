"""Lesson notebooks: every self-check has a reportable FY2026 answer, and notebooks are committed clean.

A self-check keeps only salted digests of its answer, so its answer is recovered here by hashing every
billable code of its code set with its salt: each digest must belong to exactly one reportable code,
and the digests of the whole answer must agree with them. No answer key is kept anywhere.
"""

import ast
import functools
import itertools
import re

import codescan
import nbformat
import pytest

from autograder.checks import SelfCheck
from autograder.checks.answers import canonical
from autograder.checks.selfcheck import digest
from autograder.codes.normalize import normalize

MODULES = codescan.REPO / "modules"
LESSONS = sorted(p for p in MODULES.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)


def self_checks(path) -> dict[str, SelfCheck]:
    """``name = SelfCheck(...)`` assignments in a notebook's code cells, built from their literals."""
    found = {}
    for cell in nbformat.read(path, as_version=4).cells:
        if cell.cell_type != "code":
            continue
        for node in ast.walk(ast.parse(cell.source)):
            if isinstance(node, ast.Assign) and getattr(node.value, "func", None) is not None:
                call = node.value
                if getattr(call.func, "id", None) == "SelfCheck":
                    args = [ast.literal_eval(a) for a in call.args]
                    kwargs = {k.arg: ast.literal_eval(k.value) for k in call.keywords}
                    found[node.targets[0].id] = SelfCheck(*args, **kwargs)
    return found


ALL_CHECKS = [(path, name, check) for path in LESSONS for name, check in self_checks(path).items()]
CHECK_PARAMS = [pytest.param(path, name, check, id=check.question) for path, name, check in ALL_CHECKS]


@functools.cache
def billable_keys(system: str) -> tuple[str, ...]:
    return tuple(normalize(code) for code in codescan.code_set(system).all_codes(billable=True))


def recover(check: SelfCheck) -> list[str]:
    wanted = set(check.each) if check.each else {check.answer}
    return [key for key in billable_keys(check.system) if digest(check.salt, key) in wanted]


def test_the_module_has_at_least_twenty_self_checks():
    icd = [c for path, _, c in ALL_CHECKS if path.parent.name == "04-icd10cm"]
    assert len(icd) >= 20
    assert len({c.question for _, _, c in ALL_CHECKS}) == len(ALL_CHECKS), "question ids must be unique"


@pytest.mark.parametrize(("path", "name", "check"), CHECK_PARAMS)
def test_self_check_answer_is_reportable_and_consistent(path, name, check):
    keys = recover(check)
    expected = len(check.each) or 1
    assert len(keys) == expected, f"{path.name} {name}: {len(keys)} reportable codes match, not {expected}"
    if check.sequence == "any":
        assert digest(check.salt, canonical(keys)) == check.answer
        assert check.group is None
    else:
        orders = itertools.permutations(keys)
        assert any(digest(check.salt, canonical(o, check.sequence)) == check.answer for o in orders)
        assert check.group == digest(check.salt, canonical(keys))


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_every_self_check_is_asked_and_every_exercise_is_checked(path):
    checks = self_checks(path)
    used = set()
    for cell in nbformat.read(path, as_version=4).cells:
        if cell.cell_type == "code":
            used |= set(re.findall(r"\b(check_\d+)\(", cell.source))
    assert used == set(checks)


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_lessons_are_committed_without_outputs(path):
    nb = nbformat.read(path, as_version=4)
    for index, cell in enumerate(nb.cells, start=1):
        if cell.cell_type == "code":
            clean = cell.outputs == [] and cell.execution_count is None
            assert clean, f"{path.name} cell {index} has outputs"
