"""ICD-10-PCS tables XML (``icd10pcs_tables_YYYY.xml``): each ``pcsTable`` fixes characters 1-3
(section, body system, root operation or type, with its definition); each ``pcsRow`` lists the
valid values for characters 4-7. Every combination a row allows is a valid code; nothing else is.
"""

from __future__ import annotations

import itertools
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO


@dataclass(frozen=True, slots=True)
class Axis:
    """One character position: its title in this table ("Body Part", "Approach"...) and its
    values as ``(character, label)`` pairs."""

    pos: int
    title: str
    values: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class PcsRow:
    axes: tuple[Axis, ...]  # positions 4 to 7
    codes: int  # the count the file states


@dataclass(frozen=True, slots=True)
class PcsTable:
    axes: tuple[Axis, ...]  # positions 1 to 3, one value each
    definition: str  # of the root operation (or type), when the file gives one
    rows: tuple[PcsRow, ...]

    @property
    def code(self) -> str:
        return "".join(axis.values[0][0] for axis in self.axes)


def _axis(elem: ET.Element) -> Axis:
    values = tuple((label.get("code", ""), (label.text or "").strip()) for label in elem.findall("label"))
    return Axis(int(elem.get("pos", "0")), (elem.findtext("title") or "").strip(), values)


def parse(stream: BinaryIO) -> Iterator[PcsTable]:
    """Tables one at a time, in file order; a malformed file raises ``ValueError``."""
    try:
        for _, elem in ET.iterparse(stream, events=("end",)):
            if elem.tag != "pcsTable":
                continue
            heads = tuple(_axis(a) for a in elem.findall("axis"))
            if [a.pos for a in heads] != [1, 2, 3] or any(len(a.values) != 1 for a in heads):
                raise ValueError(f"a pcsTable without one value for each of characters 1-3 ({heads})")
            rows = []
            for row in elem.findall("pcsRow"):
                axes = tuple(sorted((_axis(a) for a in row.findall("axis")), key=lambda a: a.pos))
                if [a.pos for a in axes] != [4, 5, 6, 7]:
                    raise ValueError(
                        f"a pcsRow in table {''.join(a.values[0][0] for a in heads)} lacks a position"
                    )
                rows.append(PcsRow(axes, int(row.get("codes", "0"))))
            definition = (elem.findtext("axis[@pos='3']/definition") or "").strip()
            yield PcsTable(heads, definition, tuple(rows))
            elem.clear()
    except ET.ParseError as exc:
        raise ValueError(f"not well-formed XML ({exc})") from exc


def expand_row(table: PcsTable, row: PcsRow) -> Iterator[str]:
    """Every code one row allows: the table's three characters and one value per position."""
    for combo in itertools.product(*([value for value, _ in axis.values] for axis in row.axes)):
        yield table.code + "".join(combo)


def expand(tables: Iterable[PcsTable]) -> Iterator[str]:
    """Every code the tables allow, table by table, row by row."""
    for table in tables:
        for row in table.rows:
            yield from expand_row(table, row)
