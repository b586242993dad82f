"""Why a typed ICD-10-CM code is not a valid code to report, in plain words.

Each rule has a stable id. Messages say what is wrong and how to fix it using only what the tabular
list shows (the characters a category allows, the range of codes below a header); they never pick
the right code for the learner. Authorities: ICD-10-CM Official Guidelines I.A.4 (placeholder X),
I.A.5 (7th characters), I.B.1-3 (code to the highest specificity; only billable codes are reported).
"""

from __future__ import annotations

import re
from datetime import date, datetime

from autograder.codes.icd10cm import seventh
from autograder.codes.icd10cm.table import CodeTree
from autograder.codes.normalize import dotted_icd10cm
from autograder.findings import Finding

LOCATOR = "ICD-10-CM"
# a letter, a digit, then letters or digits: 3 to 8 characters (8 lets us explain an extra X)
_SHAPE = re.compile(r"[A-Z][0-9][0-9A-Z]{1,6}")


def _error(rule: str, message: str, code: str) -> Finding:
    return Finding(f"icd10cm.{rule}", LOCATOR, "error", message, code)


def _chars(chars: str) -> str:
    return ", ".join(chars)


def check_code(table: CodeTree, raw: object, key: str) -> list[Finding]:
    """Findings for one normalised code ``key`` (``raw`` is what was typed, for messages)."""
    row = table.codes.get(key)
    if row is not None:
        if row[1]:
            return []
        return [_header(table, key)]
    if raw is not None and not isinstance(raw, str):
        return [
            _error(
                "malformed",
                f"The code must be text, not a {type(raw).__name__}: give it as a string, in quotes.",
                None,
            )
        ]
    shown = (raw or "").strip()
    if not key:
        return [
            _error(
                "empty", "No ICD-10-CM code was given: enter the code you found in the tabular list.", None
            )
        ]
    if not _SHAPE.fullmatch(key):
        return [
            _error(
                "malformed",
                f"{shown!r} is not shaped like an ICD-10-CM code: a code has 3 to 7 characters, a letter, "
                "a digit, a digit or letter, then (after a dot) up to four more letters or digits.",
                shown,
            )
        ]
    return _seventh_findings(table, key, shown) or [_unknown(table, key, shown)]


def _header(table: CodeTree, key: str) -> Finding:
    """A category or subcategory: not billable. Names its billable range or the missing 7th character."""
    code = dotted_icd10cm(key)
    if _takes_seventh(table, key):
        return _seventh_missing(table, key, code, None)
    first, last, count = table.billable_range(key)
    level = "category" if len(key) == 3 else "subcategory"
    choice = (
        f"the billable code below it ({dotted_icd10cm(first)})"
        if count == 1
        else f"one of the {count} billable codes below it ({dotted_icd10cm(first)}-{dotted_icd10cm(last)}), "
        "the one that matches the documentation most specifically"
    )
    return _error("not-billable", f"{code} is a {level} heading, not a billable code: report {choice}.", code)


def _takes_seventh(table: CodeTree, key: str) -> bool:
    kids = table.children.get(key, ())
    return bool(kids) and table.codes[kids[0]][4] is not None


def _seventh_missing(table: CodeTree, leaf: str, shown: str, placeholder: str | None) -> Finding:
    """``placeholder``: what is wrong with the typed X ('' when nothing, None when not typed at all)."""
    if placeholder is None:
        placeholder = _placeholder_hint(leaf)
    return _error(
        "seventh-missing",
        f"{shown} needs a 7th character ({_chars(table.allowed_seventh(leaf))}) to be complete; {placeholder}"
        f"pick the character that fits the documentation from the list at "
        f"{dotted_icd10cm(table.definer(leaf) or leaf)}.",
        shown,
    )


def _placeholder_hint(stem: str) -> str:
    """How to fill a short tabular code with X before its 7th character (Guidelines I.A.4)."""
    if len(stem) >= seventh.STEM_LENGTH:
        return ""
    positions = f"positions {len(stem) + 1}-6" if len(stem) < seventh.STEM_LENGTH - 1 else "position 6"
    return f"the 7th character goes in the 7th position, so fill {positions} with the placeholder X first; "


def _seventh_findings(table: CodeTree, key: str, shown: str) -> list[Finding]:
    """Explain codes that go wrong around the 7th character or the placeholder X."""
    stems = table.stems
    leaf = stems.get(seventh.skeleton(key))
    if leaf is not None and len(key) <= seventh.STEM_LENGTH:
        # the whole code is a 7th-character stem: no 7th character, and X wrong or missing
        expected = seventh.padded(leaf)
        if key == expected:
            return [_seventh_missing(table, leaf, shown, "")]
        state = "is missing" if key.count("X") < expected.count("X") else "is out of place"
        return [_seventh_missing(table, leaf, shown, f"its placeholder X {state} ({_x_positions(leaf)}); ")]
    stem, char = key[:-1], key[-1]
    leaf = stems.get(seventh.skeleton(stem))
    if leaf is not None:
        found = []
        if stem != seventh.padded(leaf):
            found.append(_placeholder(leaf, stem, shown))
        allowed = table.allowed_seventh(leaf)
        if char not in allowed:
            found.append(_seventh_invalid(table, leaf, char, allowed, shown))
        return found
    return _extra_character(table, key, stem, shown)


def _extra_character(table: CodeTree, key: str, stem: str, shown: str) -> list[Finding]:
    """A 7th character (perhaps after X) on a code whose family takes none, or a character after a
    complete code."""
    base = stem.rstrip(seventh.PLACEHOLDER) if len(stem) > 3 else stem
    base = base if base in table.codes else stem
    row = table.codes.get(base)
    if row is None or table.definer(base) is not None:
        return []
    code = dotted_icd10cm(base)
    if len(key) > seventh.STEM_LENGTH:
        fix = (
            f"{code} is complete as it is: report it without them."
            if row[1]
            else f"choose one of the billable codes under {code} instead."
        )
        return [
            _error(
                "seventh-not-allowed",
                f"{shown}: codes in category {base[:3]} take no 7th character and no placeholder X; {fix}",
                shown,
            )
        ]
    if row[1]:
        return [
            _error(
                "unknown",
                f"{shown} is not in the {table.list_name}: {code} is already a complete, "
                "billable code with no subdivisions, so nothing follows it.",
                shown,
            )
        ]
    return []


def _x_positions(leaf: str) -> str:
    expected = seventh.padded(leaf)
    where = [str(i + 1) for i, c in enumerate(expected) if c == seventh.PLACEHOLDER and i >= 3]
    if not where:
        return f"{dotted_icd10cm(leaf)} has six characters already and takes no X"
    plural = "s" if len(where) > 1 else ""
    return f"{dotted_icd10cm(leaf)} takes X in position{plural} {', '.join(where)} only"


def _placeholder(leaf: str, stem: str, shown: str) -> Finding:
    expected = seventh.padded(leaf)
    missing = stem.count(seventh.PLACEHOLDER) < expected.count(seventh.PLACEHOLDER)
    rule = "placeholder-missing" if missing else "placeholder-misplaced"
    what = "is missing its placeholder X" if missing else "has the placeholder X in the wrong place"
    return _error(
        rule,
        f"{shown} {what}: the 7th character must sit in the 7th position, and {_x_positions(leaf)}.",
        shown,
    )


def _seventh_invalid(table: CodeTree, leaf: str, char: str, allowed: str, shown: str) -> Finding:
    limited = seventh.restriction_note(seventh.padded(leaf))
    why = f"; {limited}" if limited else ""
    return _error(
        "seventh-invalid",
        f"{shown}: {char!r} is not a 7th character for {dotted_icd10cm(leaf)}{why}. "
        f"Use {'one of ' if len(allowed) > 1 else ''}{_chars(allowed)} (the meanings are listed at "
        f"{dotted_icd10cm(table.definer(leaf) or leaf)}).",
        shown,
    )


def _unknown(table: CodeTree, key: str, shown: str) -> Finding:
    """Not in the tabular list; point at the nearest heading above it that exists, if any."""
    for length in range(len(key) - 1, 2, -1):
        near = table.codes.get(key[:length])
        if near is not None:
            return _error(
                "unknown",
                f"{shown} is not in the {table.list_name}. The nearest code above it is "
                f"{dotted_icd10cm(key[:length])} ({near[0]}): check its subdivisions in the tabular list.",
                shown,
            )
    return _error(
        "unknown",
        f"{shown} is not in the {table.list_name}: look the condition up in the alphabetic "
        "index and confirm the code in the tabular list.",
        shown,
    )


def service_date(on: object) -> date | None:
    """The date of service ``on`` gives: a date, a datetime's date or ISO text (``2026-03-15``);
    ``None`` when it is none of these."""
    if isinstance(on, datetime):
        return on.date()
    if isinstance(on, date):
        return on
    if isinstance(on, str):
        try:
            return date.fromisoformat(on.strip())
        except ValueError:
            return None
    return None


def bad_date(code: str | None) -> Finding:
    return Finding(
        "release.bad-date",
        LOCATOR,
        "error",
        "The date of service is not a date: give it as YYYY-MM-DD (for example 2026-03-15).",
        code,
    )
