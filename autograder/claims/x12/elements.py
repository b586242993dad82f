"""The text an 837 element can carry: no delimiter of the interchange, only printable ASCII, and no
more (or fewer) characters than the element that carries a free-text field allows.

Lengths are the minimum and maximum of each element in 005010X222A1 (837P) and 005010X223A2 (837I),
which agree for these fields: NM103 1-60, NM104 1-35, NM105 1-25, N301/N302 1-55, N401 2-30, SBR03
1-50, SBR04 1-60, CLM01 1-38, NTE02 1-80, REF02 1-50, NM109 2-80. The writer refuses a claim that
breaks them; the rule catalogue reports the same problems as findings.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from pydantic import BaseModel

from autograder.claims.x12.segments import DEFAULT

# free-text field (last part of its path) -> (fewest, most) characters of the element that carries it
LENGTHS = {
    "last_name": (1, 60), "name": (1, 60), "first_name": (1, 35), "middle_initial": (1, 25),
    "street": (1, 55), "street2": (1, 55), "city": (2, 30), "plan_name": (1, 60), "group_name": (1, 60),
    "patient_account_number": (1, 38), "patient_control_number": (1, 38),
    "additional_claim_information": (1, 80), "remarks": (1, 80), "physician_signature": (1, 60),
    "insured_id": (2, 80), "payer_id": (2, 80), "policy_group": (1, 50), "other_claim_id": (1, 50),
    "other_id": (1, 50), "rendering_other_id": (1, 50), "prior_authorization_number": (1, 50),
    "original_reference_number": (1, 50), "treatment_authorization": (1, 50),
    "document_control_number": (1, 50), "medical_record_number": (1, 50), "other_provider_id": (1, 50),
}  # fmt: skip


def text_fields(value: Any, path: str = "") -> list[tuple[str, str]]:
    """(path, text) for every string held anywhere in a claim (``service_lines[1].modifiers[0]``)."""
    found: list[tuple[str, str]] = []
    _collect(value, path, found)
    return found


def _collect(value: Any, path: str, found: list[tuple[str, str]]) -> None:
    if isinstance(value, str):
        found.append((path, value))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            if item is not None:
                _collect(item, f"{path}[{i}]", found)
    elif isinstance(value, BaseModel):
        dot = f"{path}." if path else ""
        for name, item in value.__dict__.items():
            kind = type(item)
            if kind is str:
                found.append((dot + name, item))
            elif kind is list or isinstance(item, BaseModel):
                _collect(item, dot + name, found)


@cache
def _unwritable(reserved: str) -> re.Pattern:
    return re.compile(f"[^ -~]|[{re.escape(reserved)}]")


def bad_characters(text: str, reserved: str = DEFAULT.reserved()) -> list[str]:
    """The characters of ``text`` an 837 cannot carry: its delimiters (by default the writer's
    ``* : ~ ^``) and anything outside printable ASCII (accented letters, tabs, line breaks), each once."""
    if not _unwritable(reserved).search(text):
        return []
    return sorted({c for c in text if c in reserved or not (" " <= c <= "~")})


@cache
def length_limits(path: str) -> tuple[int, int | None]:
    """(fewest, most) characters the element carrying the field at ``path`` holds; (1, None) when the
    field is a code or date whose own rules check its form."""
    name = path[path.rfind(".") + 1 :].partition("[")[0]
    return LENGTHS.get(name, (1, None))


def length_outside(path: str, text: str) -> tuple[int, int, int | None] | None:
    """(length, fewest, most) when the entered text (without surrounding spaces) does not fit its
    element; ``None`` when it fits or is blank."""
    low, high = length_limits(path)
    if high is None:
        return None
    size = len(text.strip())
    if size and (size < low or size > high):
        return size, low, high
    return None


def limit_text(low: int, high: int | None) -> str:
    return f"{low} to {high}" if low > 1 else f"at most {high}"
