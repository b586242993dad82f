"""ICD-10-PCS definitions XML (``icd10pcs_definitions_YYYY.xml``): for each section, the axes
that carry definitions (root operations, approaches, body parts, devices, substances...), each
term with its definition, explanation and "includes" examples; then the device aggregation table
(which specific device values roll up to which general device value)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO


@dataclass(frozen=True, slots=True)
class Definition:
    section: str  # the section character
    pos: int  # the character position the axis defines
    axis: str  # the axis title in that section ("Operation", "Approach", "Body Part"...)
    term: str  # one value's label ("Bypass", "1st Toe, Left")
    definition: str
    explanation: str
    includes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DeviceAggregate:
    device: str  # the specific device
    operation: str
    body_systems: tuple[str, ...]
    parent_value: str  # the general device value it codes to
    parent_label: str


def _text(elem: ET.Element, tag: str) -> str:
    return " ".join((e.text or "").strip() for e in elem.findall(tag))


def parse(stream: BinaryIO) -> tuple[list[Definition], list[DeviceAggregate]]:
    """All definitions and device aggregates; a malformed file raises ``ValueError``.

    A ``terms`` entry may name several values (the left and right of a body part); each gets
    its own :class:`Definition` with the shared text."""
    try:
        root = ET.parse(stream).getroot()
    except ET.ParseError as exc:
        raise ValueError(f"not well-formed XML ({exc})") from exc
    return list(_definitions(root)), list(_aggregates(root))


def _definitions(root: ET.Element) -> Iterator[Definition]:
    for section in root.findall("section"):
        code = section.get("code", "")
        for axis in section.findall("axis"):
            pos = int(axis.get("pos", "0"))
            title = (axis.findtext("title") or "").strip()
            for terms in axis.findall("terms"):
                includes = tuple((e.text or "").strip() for e in terms.findall("includes"))
                for name in terms.findall("title"):
                    yield Definition(
                        code,
                        pos,
                        title,
                        (name.text or "").strip(),
                        _text(terms, "definition"),
                        _text(terms, "explanation"),
                        includes,
                    )


def _aggregates(root: ET.Element) -> Iterator[DeviceAggregate]:
    for agg in root.iterfind("deviceAggregation/aggregate"):
        parent = agg.find("parent")
        yield DeviceAggregate(
            (agg.findtext("device") or "").strip(),
            (agg.findtext("operation") or "").strip(),
            tuple((e.text or "").strip() for e in agg.findall("bodySys")),
            parent.get("value", "") if parent is not None else "",
            (parent.text or "").strip() if parent is not None else "",
        )
