"""ICD-10-PCS validation: which character is wrong, and why (ICD-10-PCS Official Guidelines FY2026, A1-A11).

Form first (7 characters, digits and letters except I and O), then the whole code against the Medicare
Code Editor for the discharge date. An invalid code is then explained: a code from an earlier year is
named as no longer in effect; otherwise each character is checked against the FY2026 axis values of its
section and body system, and a code whose characters are all real is traced to the first character
where it leaves every known valid code.
"""

from __future__ import annotations

from datetime import date

from autograder.codes.icd10pcs import axes, titles, validity
from autograder.findings import Finding

LOCATOR = "ICD-10-PCS"
LOOKALIKES = {"I": "1", "O": "0"}


def _finding(rule: str, message: str, code: str) -> Finding:
    return Finding(rule, LOCATOR, "error", message, code or None)


def _listing(values: dict[str, str | None] | list[str], limit: int = 12) -> str:
    items = [f"{v} ({values[v]})" if isinstance(values, dict) and values[v] else v for v in values]
    shown = ", ".join(items[:limit])
    return shown + (f" and {len(items) - limit} more" if len(items) > limit else "")


def form(key: str) -> list[Finding]:
    """Length and alphabet: every PCS code has exactly 7 characters, digits and letters except I and O."""
    if not key:
        return [_finding("icd10pcs.empty", "No ICD-10-PCS code given: enter the 7-character code.", key)]
    found: list[Finding] = []
    if len(key) != 7:
        found.append(_finding(
            "icd10pcs.length",
            f"{key} has {len(key)} characters; an ICD-10-PCS code has exactly 7 (no dot, no spaces): "
            "check for a missing or extra character.",
            key,
        ))
    for position, char in enumerate(key[:7], start=1):
        if char in axes.ALLOWED:
            continue
        if char in LOOKALIKES:
            digit = LOOKALIKES[char]
            fix = f"the letter {char} is never used (it looks like {digit}); did you mean {digit}?"
        else:
            fix = "only digits 0-9 and the letters A-Z except I and O are used"
        found.append(_finding("icd10pcs.character", f"Character {position} of {key} is {char!r}: {fix}", key))
    return found


def characters(key: str) -> list[Finding]:
    """Each character against the FY2026 values of its section and body system."""
    section = key[0]
    if section not in axes.SECTION_VALUES:
        return [_finding(
            "icd10pcs.section",
            f"Character 1 (Section) of {key} is {section!r}, which is not an ICD-10-PCS section; "
            f"the sections are {', '.join(axes.SECTION_VALUES)}.",
            key,
        )]
    names = axes.axis_names(section)
    section_label = f"section {section} {axes.section_name(section)}"
    systems = axes.body_systems(section)
    if key[1] not in systems:
        return [_finding(
            "icd10pcs.body-system",
            f"Character 2 (Body System) of {key} is {key[1]!r}, which is not a body system of "
            f"{section_label}; use one of {_listing(systems, limit=40)}.",
            key,
        )]
    found = []
    for position in range(3, 8):
        used = axes.values_used(section, key[1], position)
        value = key[position - 1]
        if value not in used:
            found.append(_finding(
                "icd10pcs.value",
                f"Character {position} ({names[position - 1]}) of {key} is {value!r}, which body system "
                f"{section}{key[1]} {systems[key[1]]} never uses there; values used: {_listing(used)}.",
                key,
            ))
    return found


def first_break(key: str, on: date) -> tuple[int, list[str]] | None:
    """Where ``key`` leaves every valid code we know: the position, and the values allowed there."""
    for length in range(6, 0, -1):
        valid = [c for c in titles.with_prefix(key[:length]) if validity.is_valid(c, on)]
        if valid:
            return length + 1, sorted({c[length] for c in valid})
    return None


def retired(key: str, when: str) -> list[Finding]:
    """A code of an earlier year (it has a packaged title) that is not valid on the date asked."""
    if key not in titles.titles():
        return []
    return not_in_effect(key, titles.titles()[key], when)


def not_in_effect(key: str, title: str, when: str) -> list[Finding]:
    """A code some release lists that is not valid on the date asked."""
    return [_finding(
        "icd10pcs.not-in-effect",
        f"{key} ({title}) is not a valid code {when}: it was deleted or replaced by an "
        "update, or is not yet in effect. Look the procedure up again in the tables for that date.",
        key,
    )]


def combination(key: str, on: date, when: str) -> list[Finding]:
    """An invalid code whose characters are all real values: where the combination goes wrong."""
    where = first_break(key, on)
    if where is None:
        detail = "no valid code starts like it"
    else:
        position, allowed = where
        name = axes.axis_names(key[0])[position - 1]
        labels = axes.values_used(key[0], key[1], position) if position >= 3 else {}
        options = {v: labels.get(v) for v in allowed}
        detail = (
            f"after {key[:position - 1]}, character {position} ({name}) cannot be {key[position - 1]!r}; "
            f"valid codes continue with {_listing(options)}"
        )
    return [_finding(
        "icd10pcs.invalid-combination",
        f"{key} is not a valid code {when}: every character is a real value, but not in this "
        f"combination ({detail}). Build the code from one row of its table.",
        key,
    )]


def not_in_table(key: str, position: int, axis: str, allowed: list[tuple[str, str]], when: str) -> Finding:
    """The first character the official tables refuse after the ones before it (installed
    release), with the values they allow there."""
    values: dict[str, str | None] = dict(allowed)
    value = key[position - 1]
    if position == 1:
        return _finding(
            "icd10pcs.section",
            f"Character 1 (Section) of {key} is {value!r}, which is not an ICD-10-PCS section; "
            f"the sections are {_listing(values, limit=40)}.",
            key,
        )
    if position == 2:
        return _finding(
            "icd10pcs.body-system",
            f"Character 2 (Body System) of {key} is {value!r}, which is not a body system of section "
            f"{key[0]}; use one of {_listing(values, limit=40)}.",
            key,
        )
    if position == 3:
        return _finding(
            "icd10pcs.value",
            f"Character 3 ({axis}) of {key} is {value!r}, and body system {key[:2]} has no table for it "
            f"{when}; its tables are for {_listing(values, limit=40)}.",
            key,
        )
    return _finding(
        "icd10pcs.invalid-combination",
        f"{key} is not a valid code {when}: after {key[: position - 1]}, character {position} ({axis}) "
        f"cannot be {value!r}; table {key[:3]} allows {_listing(values)} there. Build the code from one "
        "row of its table.",
        key,
    )
