"""What ``lookup`` and ``search`` return: ``CodeInfo`` and ``Hit``."""

from __future__ import annotations

from dataclasses import dataclass

from autograder.codes.icd10cm.table import Block, Chapter, Note

SYSTEM = "icd10cm"

# note kind -> how the tabular list labels it
LABELS = {
    "includes": "Includes",
    "inclusion_term": "Inclusion term",
    "excludes1": "Excludes1",
    "excludes2": "Excludes2",
    "code_first": "Code first",
    "use_additional_code": "Use additional code",
    "code_also": "Code also",
    "note": "Note",
    "seventh_character_note": "7th character note",
}


@dataclass(frozen=True, slots=True)
class CodeInfo:
    """One ICD-10-CM category, subcategory or code as the FY2026 tabular list gives it.

    ``notes`` holds every instructional note that applies, its own first, then those inherited
    from each ancestor, the block and the chapter; each note's ``source`` names where it is written.
    ``seventh_characters`` are the 7th characters this code (or its codes) take, from ``seventh_source``.
    """

    code: str
    title: str
    billable: bool
    block: Block
    parent: str | None
    children: tuple[str, ...]
    notes: tuple[Note, ...]
    seventh_characters: tuple[tuple[str, str], ...]
    seventh_source: str | None

    @property
    def system(self) -> str:
        return SYSTEM

    @property
    def chapter(self) -> Chapter:
        return self.block.chapter

    @property
    def release(self) -> str:
        """The release the information comes from (``icd10cm FY2026``)."""
        from autograder.codes.icd10cm.source import release

        return release().label

    def notes_of(self, kind: str) -> list[Note]:
        """The notes of one kind (``"excludes1"``, ``"code_first"`` ...)."""
        return [n for n in self.notes if n.kind == kind]

    def to_dict(self) -> dict:
        return {
            "code": self.code,
            "system": SYSTEM,
            "title": self.title,
            "billable": self.billable,
            "chapter": self.chapter.to_dict(),
            "block": self.block.to_dict(),
            "parent": self.parent,
            "children": list(self.children),
            "notes": [
                {"kind": n.kind, "text": n.text, "source": n.source, "inherited": n.source != self.code}
                for n in self.notes
            ],
            "seventh_characters": dict(self.seventh_characters),
            "seventh_source": self.seventh_source,
            "release": self.release,
        }

    def describe(self) -> str:
        """Several lines for a terminal: title, billable flag, place in the tabular list, notes."""
        lines = [
            f"{self.code}  {self.title}",
            f"  {'billable' if self.billable else 'not billable: code to a more specific child'}"
            f"  ({self.release})",
            f"  chapter {self.chapter.number} ({self.chapter.range}): {self.chapter.title}",
            f"  block {self.block.id}: {self.block.title}",
        ]
        if self.parent:
            lines.append(f"  parent: {self.parent}")
        if self.children:
            shown = ", ".join(self.children[:12]) + (" ..." if len(self.children) > 12 else "")
            lines.append(f"  children ({len(self.children)}): {shown}")
        for kind, label in LABELS.items():
            notes = self.notes_of(kind)
            sources = dict.fromkeys(n.source for n in notes)
            for source in sources:
                where = "" if source == self.code else f" (from {source})"
                lines.append(f"  {label}{where}:")
                lines.extend(f"    - {n.text}" for n in notes if n.source == source)
        if self.seventh_characters:
            where = "" if self.seventh_source == self.code else f" (from {self.seventh_source})"
            lines.append(f"  7th characters{where}:")
            lines.extend(f"    {char}  {meaning}" for char, meaning in self.seventh_characters)
        return "\n".join(lines)


@dataclass(frozen=True, slots=True)
class Hit:
    """One search result."""

    code: str
    title: str
    billable: bool
    score: float

    def to_dict(self) -> dict:
        return {"code": self.code, "title": self.title, "billable": self.billable}


@dataclass(frozen=True, slots=True)
class ListedCode:
    """A code as an installed release's order file lists it, for a date of service outside the
    packaged year: title, billable flag, place in the hierarchy and 7th characters. The order file
    carries no instructional notes; they are in that year's Tabular List."""

    code: str
    title: str
    billable: bool
    parent: str | None
    children: tuple[str, ...]
    seventh_characters: tuple[tuple[str, str], ...]
    release: str  # the release it comes from (``icd10cm FY2027``)
    notes: tuple[Note, ...] = ()

    @property
    def system(self) -> str:
        return SYSTEM

    def to_dict(self) -> dict:
        return {
            "code": self.code,
            "system": SYSTEM,
            "title": self.title,
            "billable": self.billable,
            "parent": self.parent,
            "children": list(self.children),
            "notes": [],
            "seventh_characters": dict(self.seventh_characters),
            "release": self.release,
        }

    def describe(self) -> str:
        lines = [
            f"{self.code}  {self.title}",
            f"  {'billable' if self.billable else 'not billable: code to a more specific child'}"
            f"  ({self.release}, order file)",
        ]
        if self.parent:
            lines.append(f"  parent: {self.parent}")
        if self.children:
            shown = ", ".join(self.children[:12]) + (" ..." if len(self.children) > 12 else "")
            lines.append(f"  children ({len(self.children)}): {shown}")
        if self.seventh_characters:
            lines.append("  7th characters:")
            lines.extend(f"    {char}  {meaning}" for char, meaning in self.seventh_characters)
        lines.append("  instructional notes are not in the order file: read them in the Tabular List")
        return "\n".join(lines)
