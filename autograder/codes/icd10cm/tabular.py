"""Read the CDC ICD-10-CM tabular XML into plain records: chapters, blocks, codes, notes, 7th characters.

The XML nests ``chapter`` > ``section`` (a block such as E08-E13) > ``diag`` (category, subcategory,
code). Codes that take a 7th character are not listed one by one: a ``sevenChrDef`` on a category or
subcategory defines the characters, and every tabular leaf below it becomes one billable code per
character (Guidelines I.A.4-5). Generated titles are the leaf's title, a comma and the character's
meaning, as in the CMS order file.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from autograder.codes.icd10cm import seventh

# XML element -> our note kind (the tabular list's instructional notes; Guidelines I.A.10-13, I.A.17)
NOTE_KINDS = {
    "includes": "includes",
    "inclusionTerm": "inclusion_term",
    "excludes1": "excludes1",
    "excludes2": "excludes2",
    "codeFirst": "code_first",
    "useAdditionalCode": "use_additional_code",
    "codeAlso": "code_also",
    "notes": "note",
    "sevenChrNote": "seventh_character_note",
}

_RANGE_SUFFIX = re.compile(r"\s*\(([A-Z0-9.\-]+)\)\s*$")


@dataclass
class Chapter:
    number: str
    title: str
    range: str


@dataclass
class Block:
    id: str
    title: str
    chapter: str


@dataclass
class Code:
    key: str
    title: str
    billable: bool
    parent: str | None
    block: str
    seventh: str | None = None  # the 7th character of a generated code
    terms: list[str] = field(default_factory=list)  # own includes notes and inclusion terms, for search


@dataclass
class Tabular:
    chapters: list[Chapter] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    codes: list[Code] = field(default_factory=list)  # tabular order
    # (owner_type "chapter" | "block" | "code", owner, kind, text), in tabular order
    notes: list[tuple[str, str, str, str]] = field(default_factory=list)
    # (code that defines them, character, meaning, inclusion terms listed under the character)
    sevenths: list[tuple[str, str, str, str]] = field(default_factory=list)


def _text(el: ET.Element | None) -> str:
    return " ".join((el.text or "").split()) if el is not None else ""


def _split_range(desc: str) -> tuple[str, str]:
    m = _RANGE_SUFFIX.search(desc)
    return (desc[: m.start()], m.group(1)) if m else (desc, "")


class _Reader:
    def __init__(self) -> None:
        self.out = Tabular()
        self.meanings: dict[str, dict[str, str]] = {}  # code with a sevenChrDef -> {character: meaning}

    def notes(self, owner_type: str, owner: str, el: ET.Element) -> None:
        for child in el:
            kind = NOTE_KINDS.get(child.tag)
            if kind:
                for note in child.iter("note"):
                    text = _text(note)
                    if text:
                        self.out.notes.append((owner_type, owner, kind, text))

    def chapter(self, el: ET.Element) -> None:
        number = _text(el.find("name"))
        title, span = _split_range(_text(el.find("desc")))
        self.out.chapters.append(Chapter(number, title, span))
        self.notes("chapter", number, el)
        for section in el.iter("section"):
            self.block(section, number)

    def block(self, el: ET.Element, chapter: str) -> None:
        block_id = el.get("id", "")
        title, _ = _split_range(_text(el.find("desc")))
        self.out.blocks.append(Block(block_id, title, chapter))
        self.notes("block", block_id, el)
        for diag in el.findall("diag"):
            self.diag(diag, None, block_id, None)

    def diag(self, el: ET.Element, parent: str | None, block: str, definer: str | None) -> None:
        """One category, subcategory or code; ``definer`` is the nearest ancestor with a sevenChrDef."""
        key = _text(el.find("name")).replace(".", "")
        title = _text(el.find("desc"))
        definition = el.find("sevenChrDef")
        if definition is not None:
            self.seventh_definition(key, definition)
            definer = key
        children = el.findall("diag")
        terms = [
            _text(n) for tag in ("includes", "inclusionTerm") for t in el.findall(tag) for n in t.iter("note")
        ]
        self.out.codes.append(
            Code(key, title, not children and definer is None, parent=parent, block=block, terms=terms)
        )
        self.notes("code", key, el)
        for child in children:
            self.diag(child, key, block, definer)
        if not children and definer is not None:
            meanings = self.meanings[definer]
            stem = seventh.padded(key)
            for char in seventh.allowed(stem, "".join(meanings)):
                self.out.codes.append(Code(stem + char, f"{title}, {meanings[char]}", True, key, block, char))

    def seventh_definition(self, key: str, el: ET.Element) -> None:
        """Record a ``sevenChrDef``; a ``note`` inside it lists inclusion terms of the character before it."""
        rows: list[list[str]] = []
        for child in el:
            if child.tag == "extension":
                rows.append([child.get("char", ""), _text(child), ""])
            elif child.tag == "note" and rows:
                rows[-1][2] = "; ".join(filter(None, [rows[-1][2], _text(child)]))
        self.out.sevenths.extend((key, char, meaning, terms) for char, meaning, terms in rows)
        self.meanings[key] = {char: meaning for char, meaning, _ in rows}


def read(path: Path) -> Tabular:
    """Parse the tabular XML at ``path``."""
    reader = _Reader()
    root = ET.parse(path).getroot()
    for chapter in root.findall("chapter"):
        reader.chapter(chapter)
    return reader.out
