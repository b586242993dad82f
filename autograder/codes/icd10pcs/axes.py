"""What each of the 7 characters of an ICD-10-PCS code means: axis names and value labels.

The packaged labels (``data/icd10pcs_axes.json``) come from the CMS FY2026 PCS tables: section names, axis
titles, body systems, and for each section and body system the values used in characters 3 to 7. A value
that means different things in different tables of one body system has no packaged label; the full
official tables say which (``himlab data fetch --set icd10pcs``). The label source is swappable with
:func:`use_labels`, so richer labels (whole tables) can take over without changing :func:`decode`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass
from functools import cache

from autograder.codes.data import read_json

SECTION_VALUES = "0123456789BCDFGHX"
ALLOWED = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # digits and letters except I and O


@dataclass(frozen=True)
class Axis:
    """One character of a PCS code: its position, axis name, value and what the value means."""

    position: int
    name: str
    value: str
    label: str | None
    definition: str | None = None
    note: str | None = None

    def to_dict(self) -> dict[str, object]:
        return asdict(self)

    def describe(self) -> str:
        meaning = self.label or (f"({self.note})" if self.note else "?")
        line = f"{self.position} {self.name:<17} {self.value}  {meaning}"
        return f"{line}\n    {self.definition}" if self.definition else line


LabelSource = Callable[[str], list[Axis]]


@cache
def packaged() -> dict:
    return read_json("icd10pcs_axes.json")


@cache
def root_operations() -> dict[str, dict[str, str]]:
    """Medical and Surgical root operations: value -> name and definition (in the project's words)."""
    return read_json("icd10pcs_root_operations.json")["operations"]


def section_name(value: str) -> str | None:
    section = packaged()["sections"].get(value)
    return section["name"] if section else None


def axis_names(section: str) -> list[str]:
    """The 7 axis titles of a section (``Body Part``, ``Approach``...), generic names if unknown."""
    found = packaged()["sections"].get(section)
    if found:
        return found["axes"]
    return ["Section", "Body System"] + [f"Character {n}" for n in range(3, 8)]


def body_systems(section: str) -> dict[str, str]:
    found = packaged()["sections"].get(section)
    return found["body_systems"] if found else {}


def values_used(section: str, body_system: str, position: int) -> dict[str, str | None]:
    """Values used at ``position`` (3-7) in a body system, each with its label (None: depends on table)."""
    return packaged()["body_systems"].get(section + body_system, {}).get(str(position), {})


def packaged_labels(code: str) -> list[Axis]:
    """Axes for as many characters of ``code`` (normalized) as are given, from the packaged labels."""
    names = axis_names(code[:1])
    axes: list[Axis] = []
    for index, value in enumerate(code[:7]):
        position = index + 1
        label = definition = note = None
        if position == 1:
            label = section_name(value)
            note = None if label else "not an ICD-10-PCS section"
        elif position == 2:
            label = body_systems(code[0]).get(value)
            note = None if label else "not a body system of this section"
        else:
            used = values_used(code[0], code[1], position)
            if value not in used:
                note = "not used in this body system"
            elif used[value] is None:
                note = "meaning depends on the table; see the official PCS tables"
            else:
                label = used[value]
            if position == 3 and code[0] == "0" and value in root_operations():
                definition = root_operations()[value]["definition"]
        axes.append(Axis(position, names[index], value, label, definition, note))
    return axes


_source: LabelSource = packaged_labels


def use_labels(source: LabelSource | None) -> None:
    """Decode with another label source (e.g. the official tables); ``None`` goes back to the packaged one."""
    global _source
    _source = source or packaged_labels


def decode(code: str) -> list[Axis]:
    """The characters of a normalized code with axis names and meanings, from the label source in use."""
    return _source(code)
