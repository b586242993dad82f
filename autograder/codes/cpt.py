"""CPT, structure only: formats, Category I sections by code range, E/M families.

CPT descriptors are AMA copyright, so the project ships none (see the README's licence notes). Code
numbers are checked for form (Category I five digits, II ``nnnnF``, III ``nnnnT``, PLA ``nnnnU``, MAAA
``nnnnM``) and placed in their section and E/M family. A user with a CPT licence can load a
tab-separated ``code<TAB>descriptor`` file with :func:`load_licensed`; lookups and search then use it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

from autograder.codes.data import read_json
from autograder.codes.hit import Hit
from autograder.codes.normalize import normalize
from autograder.codes.release import Release
from autograder.findings import Finding

SYSTEM = "cpt"
LOCATOR = "CPT"
CY2026 = (date(2026, 1, 1), date(2026, 12, 31))
LICENCE_NOTE = (
    "CPT descriptors are AMA copyright and are not shipped: load a licensed code<TAB>descriptor file with "
    "autograder.codes.cpt.load_licensed(path) to see them."
)
WORD = re.compile(r"[a-z0-9]+")


class LicensedFileError(ValueError):
    """A licensed CPT file cannot be read; the message names the file, the line and the fix."""


@dataclass(frozen=True)
class CodeInfo:
    """A CPT code's structure, and its descriptor when a licensed file is loaded.

    ``billable`` is None when no licensed file is loaded (the code's existence cannot be checked).
    """

    code: str
    title: str
    billable: bool | None
    category: str
    section: str | None
    em_family: str | None
    notes: tuple[str, ...] = field(default=())
    system: str = SYSTEM

    def to_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["notes"] = list(self.notes)
        return data

    def describe(self) -> str:
        lines = [f"{self.code}  {self.title or '(descriptor not available)'}", f"CPT {self.category} code"]
        if self.section:
            lines.append(f"section: {self.section}")
        if self.em_family:
            lines.append(f"E/M family: {self.em_family}")
        lines += [f"note: {n}" for n in self.notes]
        return "\n".join(lines)



@cache
def structure() -> dict:
    """The packaged structure table (formats, section ranges, E/M families), with its source."""
    return read_json("cpt_structure.json")


@cache
def _formats() -> list[tuple[re.Pattern[str], dict]]:
    return [(re.compile(f["pattern"]), f) for f in structure()["formats"]]


_licensed: dict[str, str] = {}
_licensed_source: str = ""


def release() -> Release:
    source = "structure only (" + structure()["source"] + ")"
    if _licensed:
        source += f"; descriptors from the licensed file {_licensed_source}"
    return Release(SYSTEM, 2026, CY2026[0], CY2026[1], source)


def category(key: str) -> str | None:
    """``I``, ``II``, ``III``, ``PLA`` or ``MAAA`` by form; None when the form is not CPT."""
    for pattern, fmt in _formats():
        if pattern.match(key):
            return fmt["category"]
    return None


def _format_name(kind: str) -> str:
    return next(f["name"] for _, f in _formats() if f["category"] == kind)


def looks_like(key: str) -> bool:
    return category(key) is not None


def display(key: str) -> str:
    return key


def _within(key: str, bounds: list[str]) -> bool:
    return bounds[0] <= key <= bounds[1]


def section(key: str) -> str | None:
    """The Category I section a five-digit code falls in by range (PLA and MAAA: Pathology and Laboratory)."""
    kind = category(key)
    if kind in ("PLA", "MAAA"):
        return "Pathology and Laboratory"
    if kind != "I":
        return None
    for entry in structure()["sections"]:
        if any(_within(key, r) for r in entry["ranges"]):
            return entry["name"]
    return None


def em_family(key: str) -> str | None:
    """The E/M family of a code (``Office or other outpatient visit, established patient``...), if any."""
    for family in structure()["em_families"]:
        if _within(key, family["range"]) and key not in family.get("deleted", []):
            return family["family"]
    return None


def _range_notes(key: str) -> list[str]:
    notes = [n["note"] for n in structure()["notes_by_range"] if _within(key, n["range"])]
    for family in structure()["em_families"]:
        if key in family.get("deleted", []):
            notes.append(f"{key} was deleted from the {family['family'].lower()} family; use a current code.")
    return notes


def load_licensed(path: str | Path) -> int:
    """Load a licensed CPT file: one ``code<TAB>descriptor`` per line (blank and ``#`` lines skipped).

    Replaces any file loaded before and returns how many codes it holds. Raises
    :class:`LicensedFileError` naming the line for anything it cannot read.
    """
    global _licensed, _licensed_source
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise LicensedFileError(f"{path}: no such file; give the path of your licensed CPT file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise LicensedFileError(f"{path}: cannot be read as UTF-8 text ({exc}); save it as UTF-8") from None
    codes: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        code, tab, descriptor = line.partition("\t")
        key = normalize(code)
        where = f"{path} line {number}"
        if not tab:
            raise LicensedFileError(f"{where}: no tab; each line must be code<TAB>descriptor")
        if not looks_like(key):
            raise LicensedFileError(
                f"{where}: {code.strip()!r} is not a CPT code (5 digits, or 4 digits and F, T, U or M)"
            )
        if not descriptor.strip():
            raise LicensedFileError(f"{where}: {key} has no descriptor after the tab")
        if key in codes:
            raise LicensedFileError(f"{where}: {key} appears twice; keep one line per code")
        codes[key] = descriptor.strip()
    if not codes:
        raise LicensedFileError(f"{path}: no code lines found; expected code<TAB>descriptor lines")
    _licensed, _licensed_source = codes, str(path)
    return len(codes)


def unload_licensed() -> None:
    """Forget the licensed file (back to structure only)."""
    global _licensed, _licensed_source
    _licensed, _licensed_source = {}, ""


def licensed_loaded() -> bool:
    return bool(_licensed)


def lookup(code: object, on: date | None = None) -> CodeInfo | None:
    """Category, section and E/M family; the descriptor only from a licensed file. None if not CPT-shaped."""
    key = normalize(code)
    kind = category(key)
    if kind is None:
        return None
    notes = _range_notes(key)
    if _licensed:
        title = _licensed.get(key, "")
        billable: bool | None = key in _licensed
        if not billable:
            notes.append(f"Not in the licensed file loaded ({_licensed_source}).")
    else:
        title, billable = "", None
        notes.append(LICENCE_NOTE)
    return CodeInfo(key, title, billable, _format_name(kind), section(key), em_family(key), tuple(notes))


def validate(code: object, on: date | None = None) -> list[Finding]:
    """Form and section range; existence too once a licensed file is loaded. Never raises."""
    key = normalize(code)
    if not key:
        return [Finding("cpt.empty", LOCATOR, "error", "No CPT code given: enter 5 characters.")]
    kind = category(key)
    if kind is None:
        return [Finding(
            "cpt.format", LOCATOR, "error",
            f"{key!r} is not a CPT code: Category I codes are 5 digits (99213), Category II are 4 digits "
            "and F (3074F), Category III are 4 digits and T (0042T).",
            key,
        )]
    deleted = [f for f in structure()["em_families"] if key in f.get("deleted", [])]
    if deleted:
        return [Finding(
            "cpt.deleted", LOCATOR, "error",
            f"{key} has been deleted from CPT ({deleted[0]['family'].lower()} family is now "
            f"{deleted[0]['range'][0]}-{deleted[0]['range'][1]} without it): choose a current code.",
            key,
        )]
    if kind == "I" and section(key) is None:
        return [Finding(
            "cpt.no-section", LOCATOR, "error",
            f"{key} falls outside every CPT section range (anesthesia 00100-01999, surgery 10004-69990, "
            "radiology 70010-79999, pathology and laboratory 80047-89398, medicine 90281-99199 and "
            "99500-99607, E/M 99202-99499): check the digits.",
            key,
        )]
    if _licensed and key not in _licensed:
        return [Finding(
            "cpt.not-in-licensed-file", LOCATOR, "error",
            f"{key} has a valid CPT form but is not in the licensed file loaded ({_licensed_source}).",
            key,
        )]
    return []


def search(text: object, limit: int = 20, billable_only: bool = False) -> list[Hit]:
    """Search the licensed file's descriptors (every word as a word prefix); [] without a licensed file."""
    if not _licensed or not isinstance(text, str) or not isinstance(limit, int) or limit < 1:
        return []
    words = WORD.findall(text.lower())
    if not words:
        return []
    scored = []
    for code, descriptor in _licensed.items():
        vocabulary = set(WORD.findall(descriptor.lower()))
        if all(any(v.startswith(w) for v in vocabulary) for w in words):
            scored.append((-sum(w in vocabulary for w in words), len(descriptor), code))
    scored.sort()
    return [Hit(code, _licensed[code], True) for *_, code in scored[:limit]]


def all_codes(billable: bool = True) -> Iterator[str]:
    """Codes of the licensed file, in order; nothing without one (no CPT code table is shipped)."""
    yield from sorted(_licensed)
