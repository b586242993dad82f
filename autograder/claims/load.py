"""Reading claims: from a model, a dict, JSON text or a file, bytes, X12 837 text, or a pandas row.

A claim that cannot be held at all (a charge of ``"abc"``, a misspelt field, a file that is not
JSON) raises :class:`ClaimLoadError`, whose message names the JSON path and says how to fix it;
everything else loads, and the rule catalogue reports what is wrong with it.
"""

from __future__ import annotations

import difflib
import json
import math
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from autograder.claims.models import Claim, InstitutionalClaim, ProfessionalClaim

FORMS = {
    "cms1500": ProfessionalClaim,
    "ub04": InstitutionalClaim,
}
FORM_NAMES = {
    "cms1500": "cms1500",
    "cms-1500": "cms1500",
    "1500": "cms1500",
    "837p": "cms1500",
    "professional": "cms1500",
    "ub04": "ub04",
    "ub-04": "ub04",
    "cms1450": "ub04",
    "cms-1450": "ub04",
    "837i": "ub04",
    "institutional": "ub04",
}
_PROFESSIONAL_KEYS = {"service_lines", "diagnoses", "total_charge", "insurance_type"}
_INSTITUTIONAL_KEYS = {"revenue_lines", "type_of_bill", "principal_diagnosis", "statement_from"}


class ClaimLoadError(ValueError):
    """Input that cannot be read as a claim; the message names where (JSON path, file) and the fix."""


def _json_path(loc: tuple) -> str:
    path = ""
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path or "(the claim)"


@cache
def _field_names() -> frozenset[str]:
    names: set[str] = set()
    pending: list[type[BaseModel]] = [ProfessionalClaim, InstitutionalClaim]
    seen: set[type] = set()
    while pending:
        model = pending.pop()
        if model in seen:
            continue
        seen.add(model)
        names.update(model.model_fields)
        for info in model.model_fields.values():
            for arg in _model_args(info.annotation):
                pending.append(arg)
    return frozenset(names)


def _model_args(annotation: Any):
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        yield from _model_args(arg)


def _explain(error: dict) -> str:
    path = _json_path(error["loc"])
    kind = error["type"]
    value = error.get("input")
    if kind == "extra_forbidden":
        name = str(error["loc"][-1]) if error["loc"] else ""
        near = difflib.get_close_matches(name, _field_names(), n=1)
        hint = f"; did you mean {near[0]!r}?" if near else "; remove it or check the spelling"
        return f"{path}: not a field of the claim{hint}"
    if kind.startswith("decimal") or kind in {"float_parsing", "int_parsing"}:
        return f"{path}: {value!r} is not a number; write an amount such as 125.00"
    if kind.startswith("bool"):
        return f"{path}: {value!r} is not yes/no; write true or false"
    if kind in {"list_type", "tuple_type"}:
        return f"{path}: expected a list [...], got {type(value).__name__}"
    if kind in {"model_type", "model_attributes_type", "dict_type"}:
        return f"{path}: expected an object {{...}} with named fields, got {type(value).__name__}"
    if kind == "string_type":
        return f"{path}: expected text, got {type(value).__name__}"
    if kind == "literal_error":
        return f'{path}: {value!r} is not a form this reads; use "cms1500" or "ub04"'
    return f"{path}: {error['msg']}"


def _form_of(data: dict) -> str:
    stated = data.get("form")
    if stated is not None:
        key = FORM_NAMES.get(str(stated).strip().lower())
        if key is None:
            raise ClaimLoadError(f'form: {stated!r} is not a claim form this reads; use "cms1500" or "ub04"')
        return key
    keys = set(data)
    if keys & _INSTITUTIONAL_KEYS and not keys & _PROFESSIONAL_KEYS:
        return "ub04"
    if keys & _PROFESSIONAL_KEYS and not keys & _INSTITUTIONAL_KEYS:
        return "cms1500"
    raise ClaimLoadError(
        'form: cannot tell which form this claim is; add "form": "cms1500" or "form": "ub04"'
    )


def from_dict(data: Any) -> Claim:
    """A claim model from a dict (``form`` says which; inferred from the fields when left out)."""
    if not isinstance(data, dict):
        raise ClaimLoadError(
            f"(the claim): expected an object {{...}} with named fields, got {type(data).__name__}"
        )
    key = _form_of(data)
    body = {**data, "form": key}
    try:
        return FORMS[key].model_validate(body)
    except ValidationError as exc:
        problems = [_explain(e) for e in exc.errors(include_url=False)]
        more = f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""
        raise ClaimLoadError("; ".join(problems[:3]) + more) from None
    except RecursionError:
        raise ClaimLoadError("(the claim): nested too deeply to be a claim") from None


def _nest(flat: dict) -> dict:
    """``{"patient.birth_date": x}`` -> ``{"patient": {"birth_date": x}}``; JSON text in a cell is parsed."""
    out: dict = {}
    for raw_key, value in flat.items():
        if _missing(value):
            continue
        if isinstance(value, str) and value.strip()[:1] in {"[", "{"}:
            try:
                value = json.loads(value)
            except json.JSONDecodeError:
                pass
        parts = str(raw_key).split(".")
        target = out
        for part in parts[:-1]:
            target = target.setdefault(part, {})
            if not isinstance(target, dict):
                raise ClaimLoadError(f"{raw_key}: {'.'.join(parts[:-1])} is both a value and an object")
        target[parts[-1]] = value
    return out


def _missing(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return type(value).__name__ in {"NAType", "NaTType"}


def from_row(row: Any) -> Claim:
    """A claim from a pandas row (Series) or a flat mapping: dotted column names nest, empty cells are
    blank, JSON text in a cell (a list of service lines) is parsed."""
    items = row.to_dict() if hasattr(row, "to_dict") else dict(row)
    return from_dict(_nest(items))


def _parse_text(text: str, name: str) -> Any:
    stripped = text.lstrip("\ufeff \t\r\n")
    if stripped.startswith("ISA"):
        return _from_x12(stripped)
    try:
        return json.loads(stripped)
    except json.JSONDecodeError as exc:
        raise ClaimLoadError(
            f"{name}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}) and not an X12 837 "
            "(which starts with ISA)"
        ) from None
    except RecursionError:
        raise ClaimLoadError(f"{name}: nested too deeply to be a claim") from None


def _from_x12(text: str) -> list[Claim]:
    try:
        from autograder.claims.x12 import from_x12
    except ImportError:
        raise ClaimLoadError("X12 837 input cannot be read here: the X12 reader is not installed") from None
    try:
        return list(from_x12(text))
    except ValueError as exc:
        raise ClaimLoadError(f"X12: {exc}") from None


def _looks_like_content(text: str) -> bool:
    """JSON (starts with ``{`` or ``[``) or an X12 interchange (``ISA`` and its element separator)."""
    stripped = text.lstrip("\ufeff \t\r\n")
    return stripped[:1] in {"{", "["} or (
        stripped.startswith("ISA") and len(stripped) > 3 and not stripped[3].isalnum()
    )


def _read(source: str | Path | bytes) -> tuple[Any, str]:
    """(parsed JSON or claims from X12, name for messages) from a path, JSON/X12 text or bytes."""
    if isinstance(source, bytes):
        try:
            return _parse_text(source.decode("utf-8"), "input"), "input"
        except UnicodeDecodeError as exc:
            raise ClaimLoadError(
                f"input: not UTF-8 text (byte {exc.start}); save the file as UTF-8"
            ) from None
    if isinstance(source, Path) or (isinstance(source, str) and not _looks_like_content(source)):
        path = Path(source)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ClaimLoadError(f"{path}: cannot read the file ({exc.strerror or exc})") from None
        try:
            return _parse_text(data.decode("utf-8"), path.name), path.name
        except UnicodeDecodeError as exc:
            raise ClaimLoadError(
                f"{path.name}: not UTF-8 text (byte {exc.start}); save it as UTF-8"
            ) from None
    return _parse_text(source, "input"), "input"


def as_claim(item: Any) -> Claim:
    """A claim from a model (kept as is), a pandas row or a dict."""
    if isinstance(item, ProfessionalClaim | InstitutionalClaim):
        return item
    if hasattr(item, "to_dict") and not isinstance(item, dict):
        return from_row(item)
    return from_dict(item)


def load_claim(source: Any) -> Claim:
    """One claim from a model, dict, pandas row, JSON text, bytes, a path to a JSON or X12 file."""
    if isinstance(source, str | bytes | Path):
        data, name = _read(source)
        if isinstance(data, list):
            if len(data) != 1:
                raise ClaimLoadError(f"{name}: holds {len(data)} claims; use load_claims for a list")
            data = data[0]
        return as_claim(data)
    return as_claim(source)


def load_claims(source: Any) -> list[Claim]:
    """Every claim in a JSON list or X12 interchange (path, text, bytes), a list of dicts or models,
    or a pandas DataFrame (one claim per row). One bad claim stops the load with its index named;
    use :func:`autograder.claims.validator.validate_many` to report bad claims and check the rest."""
    if hasattr(source, "iterrows"):
        items = [row for _, row in source.iterrows()]
    elif isinstance(source, str | bytes | Path):
        data, _ = _read(source)
        items = data if isinstance(data, list) else [data]
    else:
        items = list(source)
    claims = []
    for i, item in enumerate(items):
        try:
            claims.append(as_claim(item))
        except ClaimLoadError as exc:
            raise ClaimLoadError(f"claim [{i}]: {exc}") from None
    return claims


@cache
def example_json(form: str) -> str:
    """The example claim file for ``cms1500`` or ``ub04``, as JSON text."""
    return resources.files("autograder.claims").joinpath(f"examples/{form}.json").read_text()


def example(form: str) -> Claim:
    """The complete, valid example claim for ``cms1500`` (an office visit) or ``ub04`` (an inpatient
    stay with a procedure)."""
    key = FORM_NAMES.get(form.strip().lower())
    if key is None:
        raise ClaimLoadError(f'form: {form!r} is not a claim form; use "cms1500" or "ub04"')
    return from_dict(json.loads(example_json(key)))
