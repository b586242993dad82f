"""Reading a finding's locator (``CMS-1500 24E line 2``, ``UB-04 FL 67A-Q``, ``CMS-1500 21 / UB-04
FL 67-72``) into the form items it points at, so the drawing can highlight them."""

from __future__ import annotations

import re
from dataclasses import dataclass

PREFIX = {"cms1500": "CMS-1500", "ub04": "UB-04"}
_LINE = re.compile(r"\s*\bline (\d+)( \(0001\))?")
_CMS_ITEM = re.compile(r"^(\d{1,2})([a-dA-J]?)$")
_UB_ITEM = re.compile(r"^(\d{1,2})([a-zA-Z]?)(?:-(\d{1,2}|[a-zA-Z]))?$")
_ENTRY = re.compile(r"\bentry (\d+)")


@dataclass(frozen=True)
class Target:
    """One form item a finding points at: ``item`` as printed on the form (``24E``, ``17b``, ``67``,
    ``3a``), the service or revenue ``line`` (1-based), the ``part`` within the item (an item 21 or
    FL 67 letter, ``ind``, ``shaded``, ``others`` for FL 67A-Q / 74a-e, ``entry 2``), and ``total``
    for the UB-04 totals line (line 23, revenue code 0001)."""

    item: str
    line: int | None = None
    part: str | None = None
    total: bool = False


def _lines(locator: str, form: str) -> tuple[int | None, bool, str]:
    """(the line the finding is on, whether it names the UB-04 totals line, the locator without lines)."""
    matches = list(_LINE.finditer(locator))
    line, total = None, False
    for i, m in enumerate(matches):
        if form == "ub04" and m.group(1) == "23" and (m.group(2) or i < len(matches) - 1):
            total = True
        else:
            line = int(m.group(1))
    return line, total, _LINE.sub("", locator)


def _part(extra: str) -> str | None:
    extra = extra.strip()
    entry = _ENTRY.search(extra)
    if entry:
        return f"entry {entry.group(1)}"
    if extra.startswith("ICD Ind"):
        return "ind"
    if extra == "shaded":
        return "shaded"
    word = extra.split(" ", 1)[0] if extra else ""
    return word if len(word) == 1 and word.isalpha() else None


def _cms_items(token: str) -> list[tuple[str, str | None]]:
    out = []
    for piece in token.split("/"):
        if _CMS_ITEM.match(piece):
            out.append((piece, None))
    return out


def _ub_items(token: str) -> list[tuple[str, str | None]]:
    out: list[tuple[str, str | None]] = []
    for piece in token.split("/"):
        m = _UB_ITEM.match(piece)
        if not m:
            continue
        number, suffix, until = m.groups()
        if until and until.isdigit():
            out.extend((str(n), None) for n in range(int(number), int(until) + 1))
        elif until:
            out.append((number, "others"))
        else:
            out.append((number + suffix, None))
    return out


def targets(locator: str, form: str) -> list[Target]:
    """The items of ``form`` (``cms1500`` or ``ub04``) a locator points at; ``[]`` when none (a
    locator about the whole claim, or about the other form)."""
    prefix = PREFIX[form]
    line, total, rest = _lines(locator or "", form)
    found: list[Target] = []
    for chunk in rest.split(" / "):
        chunk = chunk.strip()
        if not chunk.startswith(prefix):
            continue
        body = chunk[len(prefix) :].strip()
        if form == "ub04":
            if not body.startswith("FL"):
                continue
            body = body[2:].strip()
        token, _, extra = body.partition(" ")
        items = _ub_items(token) if form == "ub04" else _cms_items(token)
        part = _part(extra)
        for item, kind in items:
            found.append(Target(item, line, kind or part, total))
    return found
