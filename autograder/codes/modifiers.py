"""Modifiers: HCPCS Level II (CMS) and CPT (AMA) two-character modifiers, described in our own words.

Each entry says its kind, its group (anatomic, global surgery, telehealth...) and whether the CMS NCCI
Policy Manual (chapter I) lists it among the modifiers that may bypass a procedure-to-procedure edit when
the clinical facts support it. CPT modifiers appear by number only; their descriptions are ours.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from functools import cache

from autograder.codes.data import read_csv
from autograder.codes.normalize import normalize
from autograder.findings import Finding

SYSTEM = "modifiers"
LOCATOR = "modifier"
TABLE = "modifiers.csv"
KINDS = ("HCPCS Level II", "CPT")


@dataclass(frozen=True)
class Modifier:
    """One modifier: ``kind`` is HCPCS Level II or CPT; ``ncci`` marks an NCCI-associated modifier."""

    modifier: str
    kind: str
    group: str
    ncci: bool
    description: str

    @property
    def code(self) -> str:
        return self.modifier

    @property
    def title(self) -> str:
        return self.description

    def to_dict(self) -> dict[str, object]:
        return {**asdict(self), "code": self.modifier, "system": SYSTEM, "title": self.description}

    def describe(self) -> str:
        ncci = "; may bypass an NCCI PTP edit when the facts support it" if self.ncci else ""
        return f"{self.modifier}  {self.description}\n{self.kind} modifier, {self.group}{ncci}"


@cache
def _table() -> tuple[dict[str, str], dict[str, Modifier]]:
    meta, rows = read_csv(TABLE)
    table = {
        r["modifier"]: Modifier(r["modifier"], r["kind"], r["group"], r["ncci"] == "Y", r["description"])
        for r in rows
    }
    return meta, table


def source() -> dict[str, str]:
    """The table's metadata: source, effective date, what the NCCI flag means."""
    return dict(_table()[0])


def lookup(mod: object) -> Modifier | None:
    """A modifier by its two characters (any case, surrounding spaces and a leading hyphen ignored)."""
    return _table()[1].get(_key(mod))


def _key(mod: object) -> str:
    return normalize(mod).lstrip("-")


def validate(mod: object) -> list[Finding]:
    """Findings for one modifier: an error if malformed, a warning if not in the table. Never raises."""
    key = _key(mod)
    if not key:
        return [Finding("modifier.empty", LOCATOR, "error", "No modifier given: a modifier is 2 characters.")]
    if len(key) != 2 or not key.isascii() or not key.isalnum():
        return [Finding(
            "modifier.format", LOCATOR, "error",
            f"{key!r} is not a modifier: modifiers are exactly 2 letters or digits (like 25, LT or XS), "
            "reported after the procedure code.",
            key,
        )]
    if key not in _table()[1]:
        return [Finding(
            "modifier.not-in-table", LOCATOR, "warning",
            f"{key} is not in the modifier table: check for a typo; rarer HCPCS Level II modifiers are in "
            "the full CMS HCPCS file (himlab data fetch --set hcpcs).",
            key,
        )]
    return []


def all_modifiers(kind: str | None = None) -> list[Modifier]:
    """Every modifier in the table, in code order; ``kind`` keeps one kind (``HCPCS Level II`` or ``CPT``)."""
    return [m for _, m in sorted(_table()[1].items()) if kind is None or m.kind == kind]


def ncci_modifiers() -> list[Modifier]:
    """The NCCI-associated modifiers (those that may bypass a PTP edit with modifier indicator 1)."""
    return [m for m in all_modifiers() if m.ncci]
