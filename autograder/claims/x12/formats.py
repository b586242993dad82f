"""How claim values are written in an 837 and read back: dates (``D8`` CCYYMMDD), amounts, codes,
identifiers. Writers take the model's text; readers return the text the models hold."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from autograder.claims.models import claim_date
from autograder.codes.normalize import dotted_icd10cm, normalize

_DECIMAL = re.compile(r"-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")


def clean(value: object) -> str:
    """Text as entered, without surrounding spaces; ``None`` -> ``""``."""
    return value.strip() if isinstance(value, str) else ""


def entered(value: object) -> object:
    """A field's value, ``None`` when it is blank text, so that ``or`` falls back to another field."""
    return (value.strip() or None) if isinstance(value, str) else value


def d8(text: str | None) -> str:
    """``2026-03-10`` (or any form the models read) -> ``20260310``; ``""`` when blank or not a date."""
    day = claim_date(text)
    return day.strftime("%Y%m%d") if day else ""


def read_d8(value: str) -> date | None:
    if len(value) != 8 or not value.isdigit():
        return None
    try:
        return date(int(value[:4]), int(value[4:6]), int(value[6:]))
    except ValueError:
        return None


def amount(value: Decimal | None) -> str:
    """A money or quantity element: no exponent, no trailing zeros after the point (``185``, ``45.5``)."""
    if value is None:
        return ""
    text = f"{value:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in {"", "-0"} else text


def read_amount(value: str) -> Decimal | None:
    """An X12 ``R`` element as a Decimal; ``None`` when it is not a plain decimal number."""
    text = value.strip()
    if not _DECIMAL.fullmatch(text):
        return None
    return Decimal(text)


def icd10(code: str | None) -> str:
    """ICD-10 codes travel without the dot (``E11.9`` -> ``E119``)."""
    return normalize(code)


def read_icd10cm(code: str) -> str:
    return dotted_icd10cm(code.strip().upper()) if code.strip() else ""


def digits(value: str | None) -> str:
    return "".join(c for c in clean(value) if c.isdigit())


def zip_code(value: str | None) -> str:
    """ZIP codes travel as 5 or 9 digits, no hyphen (837 N403)."""
    return digits(value)


def phone(value: str | None) -> str:
    """Telephone numbers travel as digits only (837 PER04)."""
    return digits(value)


def tax_id(value: str | None) -> str:
    return digits(value)


def read_tax_id(value: str, kind: str) -> str:
    """Nine digits shown as a coder writes them: EIN ``NN-NNNNNNN``, SSN ``NNN-NN-NNNN``."""
    if len(value) != 9 or not value.isdigit():
        return value
    return f"{value[:3]}-{value[3:5]}-{value[5:]}" if kind == "SSN" else f"{value[:2]}-{value[2:]}"


def hour(value: str | None) -> str:
    """An hour entered as ``7``, ``07`` or ``0700`` -> ``07``; ``""`` when it is not an hour 00-23."""
    text = digits(value)
    if len(text) in {1, 2} and int(text) < 24:
        return text.zfill(2)
    if len(text) == 4 and int(text[:2]) < 24 and int(text[2:]) < 60:
        return text[:2]
    return ""
