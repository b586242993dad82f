"""How a typed code becomes the form the tables use: no dot, upper case, no surrounding spaces."""

from __future__ import annotations


def normalize(code: object) -> str:
    """``" e11.9 "`` -> ``"E119"``. Anything that is not a string becomes ``""``."""
    if not isinstance(code, str):
        return ""
    return code.strip().replace(".", "").upper()


def dotted_icd10cm(code: str) -> str:
    """ICD-10-CM display form: a dot after the third character (``E119`` -> ``E11.9``)."""
    return code if len(code) <= 3 else f"{code[:3]}.{code[3:]}"
