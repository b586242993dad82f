"""The kind of mistake in a learner's answer, worked out from the learner's own codes only.

Nothing here sees an expected answer: each function reads the codes the learner gave and says what
the classification itself rules out (ICD-10-CM Official Guidelines for Coding and Reporting FY2026):

- form: not a code, a heading that is not billable, a missing 7th character, a missing or misplaced
  placeholder X (Section I.A.3-5, I.B.2), the same code twice (I.B.12);
- pairs: an Excludes1 note at one code that names another of the learner's codes (I.A.12.a);
- order: an external cause code first (I.C.20), a manifestation code first (I.A.13), a code listed
  before the code its own "code first" note names, or after a code whose "use additional code" note
  names it (I.A.13); for a right set in the wrong order, failing those, a first-listed code that
  carries a "code first" note.
"""

from __future__ import annotations

import importlib
import re
from itertools import combinations

from autograder.checks.feedback import Mistake

WRONG_SEQUENCE = (
    "the principal (first-listed) diagnosis is the condition chiefly responsible for the encounter "
    "(Section II; Section IV for outpatient care); after it, follow the 'code first' and 'use additional "
    "code' notes"
)
MANIFESTATION_TITLE = re.compile(r"\bin (other )?diseases classified elsewhere", re.IGNORECASE)
EXTERNAL_CAUSE = tuple("VWXY")  # Chapter 20, V00-Y99

# rule id of the code set's validate() -> (kind of mistake, what to tell the learner about their code)
FORM_KINDS = {
    "empty": ("not-a-code", "{code} is empty: type a code in quotes"),
    "malformed": ("not-a-code", "{code} is not shaped like a {name} code"),
    "unknown": ("not-a-code", (
        "{code} is not in the {name} code set in use: find the term in the Alphabetic Index, then "
        "confirm the code in the Tabular List (Guideline I.B.1)"
    )),
    "not-billable": ("not-billable", (
        "{code} is a heading with codes below it, not a billable code: code to the highest level of "
        "detail the documentation supports (Guidelines I.A.3, I.B.2)"
    )),
    "seventh-missing": ("seventh-character-missing", (
        "{code} needs a 7th character to be complete, and a code without its 7th character is invalid "
        "(Guideline I.A.5); the 7th characters are listed at the category"
    )),
    "placeholder-missing": ("placeholder-x", (
        "{code} is missing its placeholder X: the 7th character must sit in the 7th position, so empty "
        "positions before it take an X (Guideline I.A.4)"
    )),
    "placeholder-misplaced": ("placeholder-x", (
        "{code} has a placeholder X where the tabular code has none: X only fills empty positions before "
        "the 7th character (Guideline I.A.4)"
    )),
    "seventh-invalid": ("seventh-character-invalid", (
        "{code} ends in a 7th character this code does not take: read the 7th characters listed at its "
        "category (Guideline I.A.5)"
    )),
    "seventh-not-allowed": ("seventh-character-invalid", (
        "{code} has a 7th character or placeholder X, but this code takes none: report the tabular code "
        "as it is"
    )),
}
NAMES = {"icd10cm": "ICD-10-CM", "icd10pcs": "ICD-10-PCS", "hcpcs": "HCPCS Level II", "cpt": "CPT"}


def code_set(system: str):
    """The code-set module (``autograder.codes.<system>``); a clear error for an unknown system."""
    if system not in NAMES:
        raise ValueError(f"unknown code set {system!r}: use one of {', '.join(NAMES)}")
    return importlib.import_module(f"autograder.codes.{system}")


def shown(system: str, key: str) -> str:
    return code_set(system).display(key) if key else "(empty)"


def form_mistakes(keys: tuple[str, ...], system: str) -> list[Mistake]:
    """What makes any of the learner's codes unreportable, one mistake per code, then any repeats."""
    codes = code_set(system)
    found = []
    for key in keys:
        errors = [f for f in codes.validate(key) if f.is_error]
        if not errors:
            continue
        rule = errors[0].rule.split(".", 1)[-1]
        kind, message = FORM_KINDS.get(rule, ("not-a-code", "{code}: " + errors[0].message.rstrip(".")))
        message = message.format(code=shown(system, key), name=NAMES[system])
        found.append(Mistake(kind, message, detail=errors[0].message))
    repeated = sorted({k for k in keys if keys.count(k) > 1})
    if repeated:
        listed = ", ".join(shown(system, k) for k in repeated)
        found.append(Mistake("duplicate", f"{listed} is listed more than once: report each code once"))
    return found


def wrong_code(system: str) -> Mistake:
    return Mistake("wrong-code", (
        f"that is a valid {NAMES[system]} code, but not the one this case needs: re-read the documentation, "
        "find the main term in the Index, and check the notes in the Tabular List"
    ))


# --- codes named in "code first" and "use additional code" notes: "(I12.-, I13.-)", "(N18.1-N18.6)"
_CODE = r"[A-Z]\d[0-9A-Z](?:\.[0-9A-Z]{0,4})?"
_REFERENCE = re.compile(rf"({_CODE})(?:\.?-(?!\s*[A-Z]\d))?(?:\s*-\s*({_CODE})\.?-?)?")
_PARENS = re.compile(r"\(([^()]*)\)")


def references(note: str) -> list[tuple[str, str]]:
    """The code ranges a note names in parentheses, as (low, high) undotted prefixes."""
    found = []
    for group in _PARENS.findall(note):
        for low, high in _REFERENCE.findall(group):
            low = low.replace(".", "")
            found.append((low, (high or low).replace(".", "")))
    return found


def covers(ranges: list[tuple[str, str]], key: str) -> bool:
    """True when ``key`` falls in one of ``ranges`` (a prefix range: E08-E13 covers E11.9)."""
    return any(low <= key[: len(low)] and key[: len(high)] <= high for low, high in ranges)


def _notes(key: str, kind: str) -> list:
    info = code_set("icd10cm").lookup(key)
    return info.notes_of(kind) if info is not None else []


def _named_by(key: str, kind: str, other: str):
    """The first note of ``kind`` applying to ``key`` that names ``other``, if any."""
    return next((n for n in _notes(key, kind) if covers(references(n.text), other)), None)


def pair_mistakes(keys: tuple[str, ...], system: str) -> list[Mistake]:
    """Excludes1 conflicts between two of the learner's codes (ICD-10-CM only)."""
    if system != "icd10cm":
        return []
    found = []
    for a, b in combinations(dict.fromkeys(keys), 2):
        conflicts = code_set(system).excludes1_conflicts(a, b)
        if conflicts:
            note = conflicts[0]
            found.append(Mistake("excludes1-conflict", (
                f"{shown(system, a)} and {shown(system, b)} cannot be reported together: an Excludes1 note "
                f"at {note.source} ({note.text}) means 'not coded here' (Guideline I.A.12.a); keep the one "
                "the documentation supports"
            )))
    return found


def order_mistakes(keys: tuple[str, ...], system: str) -> list[Mistake]:
    """Sequencing rules the learner's own order breaks (ICD-10-CM only)."""
    if system != "icd10cm" or not keys:
        return []
    codes = code_set(system)
    found = []
    first = keys[0]
    info = codes.lookup(first)
    if first.startswith(EXTERNAL_CAUSE):
        found.append(Mistake("external-cause-first", (
            f"{shown(system, first)} is an external cause code (Chapter 20): it tells how an injury happened "
            "and is never the first-listed diagnosis (Guideline I.C.20); list the injury or condition first"
        )))
    elif info is not None and MANIFESTATION_TITLE.search(info.title):
        found.append(Mistake("manifestation-first", (
            f"{shown(system, first)} is a manifestation code ('in ... diseases classified elsewhere' in its "
            "title): it is never listed first; the underlying condition goes before it (Guideline I.A.13)"
        )))
    for i, j in combinations(range(len(keys)), 2):
        early, late = shown(system, keys[i]), shown(system, keys[j])
        if _named_by(keys[i], "code_first", keys[j]):
            which = f"{early} has a 'code first' note naming {late}"
        elif _named_by(keys[j], "use_additional_code", keys[i]):
            which = f"{late} has a 'use additional code' note naming {early}"
        else:
            continue
        found.append(Mistake("note-order", f"{which}, so {late} goes before {early} (Guideline I.A.13)"))
    return found


def sequence_reasons(keys: tuple[str, ...], system: str) -> list[Mistake]:
    """Why a right set of codes is in the wrong order: the rules broken, else the first code's own
    'code first' note, else the definition of the principal diagnosis."""
    found = order_mistakes(keys, system)
    if found:
        return found
    info = code_set(system).lookup(keys[0]) if system == "icd10cm" else None
    if info is not None and any(not n.source.startswith("chapter") for n in info.notes_of("code_first")):
        return [Mistake("code-first-note", (
            f"{info.code} carries a 'code first' note: when the condition it names is present, that "
            "condition is coded before it (Guideline I.A.13)"
        ))]
    return [Mistake("sequence-rule", WRONG_SEQUENCE)]
