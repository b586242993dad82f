"""The HCPCS Level II alpha-numeric file (``HCPCyyyy_MMM_ANWEB*.txt``), read by its record layout.

CMS's record layout (``HCPCyyyy_recordlayout.txt``, "HCPCS Contractor Record", 320 bytes): the
code in columns 1-5 (a modifier in 4-5), a sequence number in 6-10, the record identification code
in 11 (3 = first line of a code, 4 = more of its long description, 7 and 8 the same for a
modifier), the long description in 12-91 (continued on the 4 and 8 lines), the short description
in 92-119, then pricing, coverage and payment indicators and the add, action-effective and
termination dates and action code. :data:`FIELDS` is that layout; :func:`check_layout` compares
it with the layout file shipped in the same zip, so a changed layout stops the install.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

# name, field name in the record layout, first column (1-based), width, occurrences
FIELDS: tuple[tuple[str, str, int, int, int], ...] = (
    ("long", "HCPCS Long Description", 12, 80, 1),
    ("short", "HCPCS Short Description", 92, 28, 1),
    ("pricing", "HCPCS Pricing Indicator Code", 120, 2, 4),
    ("multi_pricing", "HCPCS Multiple Pricing Indicator Code", 128, 1, 1),
    ("cim", "HCPCS Coverage Issues Manual Reference Section Number", 129, 6, 3),
    ("mcm", "HCPCS Medicare Carriers Manual Reference Section Number", 147, 8, 3),
    ("statute", "HCPCS Statute Number", 171, 10, 1),
    ("lab_cert", "HCPCS Lab Certification Code", 181, 3, 8),
    ("xref", "HCPCS Cross Reference Code", 205, 5, 5),
    ("coverage", "HCPCS Coverage Code", 230, 1, 1),
    ("asc_group", "HCPCS ASC Payment Group Code", 231, 2, 1),
    ("asc_effective", "HCPCS ASC Payment Group Effective Date", 233, 8, 1),
    ("processing_note", "HCPCS Processing Note Number", 253, 4, 1),
    ("betos", "HCPCS Berenson-Eggers Type Of Service Code", 257, 3, 1),
    ("tos", "HCPCS Type Of Service Code", 261, 1, 5),
    ("anesthesia_base_units", "HCPCS Anesthesia Base Unit Quantity", 266, 3, 1),
    ("added", "HCPCS Code Added Date", 269, 8, 1),
    ("action_effective", "HCPCS Action Effective Date", 277, 8, 1),
    ("terminated", "HCPCS Termination Date", 285, 8, 1),
    ("action", "HCPCS Action Code", 293, 1, 1),
)
DATES = {"asc_effective", "added", "action_effective", "terminated"}
FIRST_LINE = {"3": "code", "7": "modifier"}
CONTINUATION = {"4": "code", "8": "modifier"}


@dataclass
class HcpcsRecord:
    """One procedure/supply code or one modifier, its long description joined from all its lines."""

    kind: str  # "code" or "modifier"
    code: str
    long: str
    short: str
    values: dict[str, object] = field(default_factory=dict)  # the other FIELDS, decoded


def _slice(line: str, start: int, width: int) -> str:
    return line[start - 1 : start - 1 + width].strip()


def _date(text: str) -> date | None:
    if not text:
        return None
    return date(int(text[:4]), int(text[4:6]), int(text[6:8]))


def _values(line: str) -> dict[str, object]:
    values: dict[str, object] = {}
    for name, _, start, width, occurs in FIELDS[2:]:
        parts = [_slice(line, start + i * width, width) for i in range(occurs)]
        if occurs > 1:
            values[name] = tuple(p for p in parts if p)
        elif name in DATES:
            values[name] = _date(parts[0])
        elif name == "anesthesia_base_units":
            values[name] = int(parts[0]) if parts[0] else None
        else:
            values[name] = parts[0]
    return values


def parse(lines: Iterable[str]) -> Iterator[HcpcsRecord]:
    """Records in file order; a line that breaks the layout raises ``ValueError`` with its number."""
    current: HcpcsRecord | None = None
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        ric = line[10:11]
        code = line[0:5].strip()
        try:
            if ric in FIRST_LINE:
                if current:
                    yield current
                long = _slice(line, 12, 80)
                current = HcpcsRecord(FIRST_LINE[ric], code, long, _slice(line, 92, 28), _values(line))
            elif ric in CONTINUATION and current and current.code == code:
                current.long = f"{current.long} {_slice(line, 12, 80)}".strip()
            else:
                raise ValueError(f"record identification code {ric!r} for {code!r}")
        except ValueError as exc:
            raise ValueError(f"line {number} does not fit the HCPCS record layout: {exc}") from exc
    if current:
        yield current


_LAYOUT_FIELD = re.compile(
    r"^\s*\d+\.\s+(?P<name>[^\n]+?)(?:\s+(?:CHAR|NUM|GRP))?\s*\n\s*(?P<len>\d+)\s+(?P<beg>\d+)\s+(?P<end>\d+)",
    re.MULTILINE,
)


def layout_positions(text: str) -> dict[str, tuple[int, int]]:
    """Field name -> (first, last column) as the record layout file states them."""
    return {m["name"].strip(): (int(m["beg"]), int(m["end"])) for m in _LAYOUT_FIELD.finditer(text)}


def check_layout(text: str) -> list[str]:
    """Differences between :data:`FIELDS` and a record layout file (empty when they agree)."""
    stated = layout_positions(text.replace("\r", ""))
    problems = []
    for _, name, start, width, _ in FIELDS:
        if name not in stated:
            problems.append(f"{name} is not in the record layout")
        elif stated[name] != (start, start + width - 1):
            problems.append(
                f"{name} is at columns {stated[name][0]}-{stated[name][1]}, "
                f"expected {start}-{start + width - 1}"
            )
    return problems
