"""ICD-10-CM conventions applied across a claim's codes (CMS-1500 item 21; UB-04 FL 67-72).

Authorities: ICD-10-CM Official Guidelines for Coding and Reporting FY2026, I.A.6 (7th characters),
I.A.12.a (Excludes1: the two conditions are not coded together), I.A.13 (etiology/manifestation:
"code first", "in diseases classified elsewhere" codes are never first-listed), I.B.7 ("use
additional code"), I.C.20 (external cause codes are never principal or first-listed). The notes
come from the FY2026 tabular list through ``autograder.codes.icd10cm``.
"""

from __future__ import annotations

import re

from autograder.claims.rules.base import date_of_service, diagnosis_list, hit, rule
from autograder.claims.rules.codesets import SEVENTH_MISSING, code_findings, code_set, lookup
from autograder.codes.normalize import dotted_icd10cm, normalize

LOCATOR = "CMS-1500 21 / UB-04 FL 67-72"
MANIFESTATION_TITLE = "diseases classified elsewhere"  # "in (other) diseases classified elsewhere"
# a code reference in a note: "E11.9", "O24.4-", "E08-E13", "Z79.4"
_REFERENCE = re.compile(
    r"\b([A-Z]\d[0-9A-Z](?:\.[0-9A-Z]{1,4})?)-?(?:\s*-\s*([A-Z]\d[0-9A-Z](?:\.[0-9A-Z]{1,4})?))?"
)


def references(note_text: str) -> list[tuple[str, str]]:
    """The codes a note names, each as an inclusive ``(first, last)`` pair of undotted prefixes."""
    out = []
    for first, last in _REFERENCE.findall(note_text):
        a = normalize(first)
        out.append((a, normalize(last) if last else a))
    return out


def matches(code: str, refs: list[tuple[str, str]]) -> bool:
    """True when ``code`` (undotted) falls under one of the references (a prefix, or a range of them)."""
    for first, last in refs:
        if first == last:
            if code.startswith(first):
                return True
        elif first <= code[: len(first)] and code[: len(last)] <= last:
            return True
    return False


def _info(ctx, code):
    try:
        return lookup(ctx, "icd10cm", code)
    except ValueError:
        return None


_CODE_SOURCE = re.compile(r"[A-Z]\d[0-9A-Z](?:\.?[0-9A-Z]{1,4})?")


def _note_refs(info, kind: str) -> list[tuple[str, str]]:
    """Code references in the notes of ``kind`` written at the code or one of its categories (the
    broad block- and chapter-level reminders are left to the coder)."""
    refs: list[tuple[str, str]] = []
    for note in info.notes_of(kind):
        if _CODE_SOURCE.fullmatch(note.source):
            refs.extend(references(note.text))
    return refs


def _excluded_letters(ctx, code: str) -> frozenset[str]:
    """First letters of every code an Excludes1 note of ``code`` names (a quick necessary condition)."""
    key = ("excludes1-letters", code)
    if key not in ctx.memo:
        letters = set()
        for note in code_set("icd10cm").excludes1(code):
            for first, last in note.ranges:
                letters.update(chr(c) for c in range(ord(first[0]), ord(last[0]) + 1))
        ctx.memo[key] = frozenset(letters)
    return ctx.memo[key]


def _conflicts(ctx, code: str, other: str):
    """The Excludes1 notes of ``code`` that name ``other`` (``autograder.codes.icd10cm``)."""
    if other[:1] not in _excluded_letters(ctx, code):
        return []
    key = ("excludes1", code, other)
    if key not in ctx.memo:
        ctx.memo[key] = code_set("icd10cm").excludes1_conflicts(code, other)
    return ctx.memo[key]


@rule(
    "conventions.excludes1",
    "both",
    LOCATOR,
    "error",
    "{code} and {other} are an Excludes1 pair (the note at {source} says the two are not coded together): "
    "keep the one the record supports, unless the two conditions are unrelated.",
)
def excludes1(claim, ctx):
    codes = [(loc, at, normalize(c)) for loc, at, c in diagnosis_list(claim, ctx)]
    for i, (_, _, key) in enumerate(codes):
        for locator, other_at, other in codes[i + 1 :]:
            if other == key:
                continue
            found = _conflicts(ctx, key, other) or _conflicts(ctx, other, key)
            if found:
                yield hit(
                    other_at or None,
                    dotted_icd10cm(other),
                    locator,
                    code=dotted_icd10cm(key),
                    other=dotted_icd10cm(other),
                    source=found[0].source,
                )


@rule(
    "conventions.manifestation-first",
    "both",
    LOCATOR,
    "error",
    '{code} is a manifestation code ("in diseases classified elsewhere") and cannot be listed first: '
    "list the underlying condition first, then {code}.",
)
def manifestation_first(claim, ctx):
    codes = diagnosis_list(claim, ctx)
    if not codes:
        return
    locator, at, code = codes[0]
    info = _info(ctx, code)
    if info is not None and MANIFESTATION_TITLE in info.title.lower():
        yield hit(at or None, code, locator, code=code)


@rule(
    "conventions.external-cause-first",
    "both",
    LOCATOR,
    "error",
    "{code} is an external cause code (V00-Y99) and cannot be the first-listed or principal diagnosis: "
    "list the injury or condition first and the external cause after it.",
)
def external_cause_first(claim, ctx):
    codes = diagnosis_list(claim, ctx)
    if codes and normalize(codes[0][2])[:1] in {"V", "W", "X", "Y"}:
        locator, at, code = codes[0]
        yield hit(at or None, code, locator, code=code)


@rule("conventions.missing-seventh", "both", LOCATOR, "error", "{detail}")
def missing_seventh(claim, ctx):
    on = date_of_service(claim)
    for locator, at, code in diagnosis_list(claim, ctx):
        for f in code_findings(ctx, "icd10cm", code, on):
            if f.rule == SEVENTH_MISSING:
                yield hit(at or None, code, locator, detail=f.message)


@rule(
    "conventions.code-first",
    "both",
    LOCATOR,
    "warning",
    '{code} has a "code first" note ({refs}): if the record documents that condition, list it before {code}.',
)
def code_first(claim, ctx):
    codes = [(loc, at, normalize(c)) for loc, at, c in diagnosis_list(claim, ctx)]
    for i, (locator, at, key) in enumerate(codes):
        info = _info(ctx, key)
        if info is None:
            continue
        refs = _note_refs(info, "code_first")
        if refs and not any(matches(earlier, refs) for _, _, earlier in codes[:i]):
            yield hit(at or None, dotted_icd10cm(key), locator, code=dotted_icd10cm(key), refs=_shown(refs))


@rule(
    "conventions.use-additional",
    "both",
    LOCATOR,
    "warning",
    '{code} has a "use additional code" note ({refs}): add that code too if the record supports it.',
)
def use_additional(claim, ctx):
    codes = [(loc, at, normalize(c)) for loc, at, c in diagnosis_list(claim, ctx)]
    for locator, at, key in codes:
        info = _info(ctx, key)
        if info is None:
            continue
        refs = _note_refs(info, "use_additional_code")
        if refs and not any(matches(other, refs) for _, _, other in codes if other != key):
            yield hit(at or None, dotted_icd10cm(key), locator, code=dotted_icd10cm(key), refs=_shown(refs))


def _shown(refs: list[tuple[str, str]]) -> str:
    parts = [dotted_icd10cm(a) if a == b else f"{dotted_icd10cm(a)}-{dotted_icd10cm(b)}" for a, b in refs[:6]]
    return ", ".join(dict.fromkeys(parts)) + (" ..." if len(refs) > 6 else "")
