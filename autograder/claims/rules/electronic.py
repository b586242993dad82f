"""Rules that keep every entry writable as an 837: characters the 837 can carry and lengths its
elements hold (:mod:`autograder.claims.x12.elements`, which the 837 writer checks too).

Authority: ASC X12 837P (005010X222A1) and 837I (005010X223A2): the basic character set (letters,
digits, spaces and punctuation; the interchange's delimiters, here ``* : ~ ^``, may not appear in
data) and each element's minimum and maximum length. Each finding names the form item the field
belongs to, after the crosswalk in :mod:`autograder.claims.x12.mapping`.
"""

from __future__ import annotations

import re
from functools import cache

from autograder.claims.rules.base import hit, rule
from autograder.claims.x12.elements import bad_characters, length_outside, limit_text, text_fields
from autograder.claims.x12.mapping import NOT_CARRIED, ROWS

FORMS = {"cms1500": ("837P", "CMS-1500 "), "ub04": ("837I", "UB-04 FL ")}
_INDEX = re.compile(r"\[\d+\]")


@cache
def _items(form: str) -> dict[str, str]:
    """Model field path (``service_lines[].charges``) -> its form item or locator number."""
    kind, _ = FORMS[form]
    items = {field: item for item, field, _ in ROWS[kind]}
    for item, fields, _ in NOT_CARRIED[kind]:
        for field in fields.split(", "):
            items.setdefault(field.split(" ")[0], item)
    return items


@cache
def form_locator(form: str, path: str) -> str:
    """The form locator a field belongs to: its own item, else the item of the nearest enclosing
    field the crosswalk lists (``referring_provider.address.city`` -> ``CMS-1500 17``)."""
    _, prefix = FORMS[form]
    items = _items(form)
    key = _INDEX.sub("[]", path)
    while key:
        for field in (key, key.removesuffix("[]")):
            if field in items:
                return _locator(prefix, items[field])
        inner = next((item for field, item in items.items() if field.startswith(key + ".")), None)
        if inner:
            return _locator(prefix, inner)
        key = key.rpartition(".")[0]
    return prefix.split(" ")[0]


def _locator(prefix: str, item: str) -> str:
    return prefix.split(" ")[0] if item == "-" else prefix + item


def _texts(claim, ctx) -> list[tuple[str, str]]:
    """Every (path, text) of the claim, kept in ``ctx.scratch`` for both rules."""
    if "texts" not in ctx.scratch:
        ctx.scratch["texts"] = text_fields(claim)
    return ctx.scratch["texts"]


@rule(
    "claim.x12-characters",
    "both",
    "CMS-1500 / UB-04 (any entry)",
    "error",
    "{field} holds {chars}, which an 837 cannot carry: it separates its data with * : ~ ^ and takes only "
    "plain ASCII letters, digits, spaces and punctuation; remove or replace each.",
)
def x12_characters(claim, ctx):
    for path, text in _texts(claim, ctx):
        bad = bad_characters(text)
        if bad:
            shown = ", ".join(repr(c) for c in bad)
            yield hit(None, None, form_locator(claim.form, path), field=path, chars=shown)


@rule(
    "claim.x12-length",
    "both",
    "CMS-1500 / UB-04 (any entry)",
    "error",
    "{field} has {size} characters: the 837 element that carries it holds {limit}; {fix}.",
)
def x12_length(claim, ctx):
    for path, text in _texts(claim, ctx):
        outside = length_outside(path, text)
        if outside:
            size, low, high = outside
            fix = "enter it in full" if size < low else "shorten it, abbreviating as the payer allows"
            limit = limit_text(low, high)
            yield hit(None, None, form_locator(claim.form, path), field=path, size=size, limit=limit, fix=fix)
