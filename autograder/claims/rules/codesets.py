"""Where claim rules ask the shared code sets about a code (``autograder.codes.<system>``).

:func:`code_findings` is the one place a claim's date of service reaches code validation
(``validate(code, on=date)``): the code set answers for the release that covers that date and adds
its release warning when none does. Answers are memoised per batch in the rule context.
"""

from __future__ import annotations

import importlib
from datetime import date
from types import ModuleType

from autograder.claims.rules.base import Context
from autograder.codes.normalize import normalize
from autograder.findings import Finding

_MODULES: dict[str, ModuleType] = {}


def code_set(system: str) -> ModuleType:
    """``autograder.codes.<system>``, imported on first use."""
    module = _MODULES.get(system)
    if module is None:
        module = _MODULES[system] = importlib.import_module(f"autograder.codes.{system}")
    return module


def code_findings(ctx: Context, system: str, code: str, on: date | None) -> list[Finding]:
    """The code set's findings for ``code`` on the claim's date of service ``on``."""
    key = ("validate", system, normalize(code), on)
    found = ctx.memo.get(key)
    if found is None:
        module = code_set(system)
        found = module.validate(code, on=on)
        ctx.memo[key] = found
    return found


def lookup(ctx: Context, system: str, code: str):
    """The code set's entry for ``code`` (``None`` when unknown), memoised."""
    key = ("lookup", system, normalize(code))
    if key not in ctx.memo:
        ctx.memo[key] = code_set(system).lookup(code)
    return ctx.memo[key]


def procedure_system(code: str) -> str | None:
    """``hcpcs`` for a HCPCS Level II code, ``cpt`` for a CPT code, ``None`` when it fits neither form."""
    key = normalize(code)
    if code_set("hcpcs").looks_like(key):
        return "hcpcs"
    if code_set("cpt").looks_like(key):
        return "cpt"
    return None


def errors_and_warnings(found: list[Finding]) -> tuple[list[Finding], list[Finding]]:
    return [f for f in found if f.severity == "error"], [f for f in found if f.severity != "error"]


SEVENTH_MISSING = "icd10cm.seventh-missing"


def diagnosis_errors(ctx: Context, code: str, on: date | None) -> list[Finding]:
    """ICD-10-CM errors for one claim diagnosis, except a missing 7th character (its own rule)."""
    return [
        f
        for f in code_findings(ctx, "icd10cm", code, on)
        if f.severity == "error" and f.rule != SEVENTH_MISSING
    ]
