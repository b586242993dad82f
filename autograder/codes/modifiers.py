"""Modifiers: HCPCS Level II (CMS) and CPT (AMA) two-character modifiers, described in our own words.

Each entry says its kind, its group (anatomic, global surgery, telehealth...) and whether the CMS NCCI
Policy Manual (chapter I) lists it among the modifiers that may bypass a procedure-to-procedure edit when
the clinical facts support it. CPT modifiers appear by number only; their descriptions are ours.

With the CMS HCPCS file installed (``himlab data fetch --set hcpcs``), a Level II modifier this table
lacks is found there, with CMS's description: the file for the date of service ``on``, else 2026's.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime
from functools import cache
from pathlib import Path

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


def lookup(mod: object, on: date | None = None) -> Modifier | None:
    """A modifier by its two characters (any case, surrounding spaces and a leading hyphen ignored)."""
    key = _key(mod)
    return _table()[1].get(key) or _installed_modifiers(on).get(key)


def _key(mod: object) -> str:
    return normalize(mod).lstrip("-")


INSTALLED_YEAR = 2026  # the HCPCS file used without a date of service
_installed: dict[Path, dict[str, Modifier]] = {}


def _installed_modifiers(on: object) -> dict[str, Modifier]:
    """The Level II modifiers of the installed CMS HCPCS file for ``on`` (else 2026's); empty when
    none is installed."""
    from autograder.codes.official import store

    if isinstance(on, datetime):
        on = on.date()
    covering = store.installed_release("hcpcs", on) if isinstance(on, date) else None
    installed = covering or store.installed_year("hcpcs", INSTALLED_YEAR)
    if installed is None:
        return {}
    found = _installed.get(installed.database)
    if found is None:
        from autograder.codes.official import hcpcs_table

        group = f"CMS HCPCS file {installed.release.year}"
        entries = hcpcs_table.entries("modifier", on=installed.release.effective_from)
        found = _installed[installed.database] = {
            e.code: Modifier(e.code, "HCPCS Level II", group, False, e.long) for e in entries
        }
    return found


def validate(mod: object, on: date | None = None) -> list[Finding]:
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
    if key in _table()[1]:
        return []
    installed = _installed_modifiers(on)
    if key in installed:
        return []
    where = (
        "the modifier table nor in the CMS HCPCS file installed: check for a typo"
        if installed
        else "the modifier table: check for a typo; rarer HCPCS Level II modifiers are in "
        "the full CMS HCPCS file (himlab data fetch --set hcpcs)"
    )
    return [Finding("modifier.not-in-table", LOCATOR, "warning", f"{key} is not in {where}.", key)]


def all_modifiers(kind: str | None = None) -> list[Modifier]:
    """Every modifier in the table, in code order; ``kind`` keeps one kind (``HCPCS Level II`` or ``CPT``)."""
    return [m for _, m in sorted(_table()[1].items()) if kind is None or m.kind == kind]


def ncci_modifiers() -> list[Modifier]:
    """The NCCI-associated modifiers (those that may bypass a PTP edit with modifier indicator 1)."""
    return [m for m in all_modifiers() if m.ncci]
