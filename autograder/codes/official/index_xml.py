"""Index-schema XML files, read as a stream: the ICD-10-CM Alphabetic Index and External Cause
Index, the Table of Drugs and Chemicals and the Neoplasm Table (which add ``cell`` columns under
an ``indexHeading``), and the ICD-10-PCS Index.

They share one layout: ``letter`` / ``mainTerm`` / ``term level="n"``, each term with a
``title`` (nonessential modifiers in ``nemod``), and a code (``code``, ``manif``, ``subcat``,
``seecat``; PCS ``codes`` for a partial code and ``tab`` for a table) or a cross-reference
(``see``, ``seeAlso``, ``use``; in PCS these can carry a ``codes`` or ``tab``).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

TERMS = ("mainTerm", "term")
CODE_TAGS = ("code", "manif", "subcat", "seecat", "codes", "tab")
REFERENCE_TAGS = ("see", "seeAlso", "use")
_CODE_SHAPE = re.compile(r"^[A-Z][0-9][0-9A-Z](\.[0-9A-Z-]*)?-?$")


@dataclass(slots=True)
class IndexEntry:
    """One main term (level 0) or subterm, as the file gives it."""

    id: int
    parent: int | None
    level: int
    letter: str
    title: str = ""  # as printed, nonessential modifiers in place
    essential: str = ""  # the title without its nonessential modifiers
    nemod: str = ""  # the nonessential modifiers, "(mellitus) (sugar)"
    path: tuple[str, ...] = ()  # titles from the main term down to this one
    code: str | None = None
    manif: str | None = None
    subcat: str | None = None
    seecat: str | None = None
    codes: str | None = None
    tab: str | None = None
    see: str | None = None
    see_also: str | None = None
    use: str | None = None
    reference_code: str | None = None  # a code or table given inside see / use (PCS)
    note: str | None = None  # text given where a code would be
    cells: dict[int, str] = field(default_factory=dict)


def _clean(text: str) -> str:
    return re.sub(r"\s+([,;:])", r"\1", re.sub(r"\s+", " ", text)).strip()


_SUFFIX = re.compile(r"^\(\w{1,3}\)$")  # "(s)", "(es)": part of the word before it


def _title_parts(elem: ET.Element) -> tuple[str, str, str]:
    """(as printed, essential words, nonessential modifiers) of a ``title`` element."""
    printed, essential, nemods = [elem.text or ""], [elem.text or ""], []
    for child in elem:
        if child.tag == "nemod":
            text = _clean(child.text or "")
            nemods.append(text)
            printed.append(text if _SUFFIX.match(text) else f" {text} ")
            essential.append(" ")
        else:
            printed.append(child.text or "")
            essential.append(child.text or "")
        printed.append(child.tail or "")
        essential.append(child.tail or "")
    return _clean("".join(printed)), _clean("".join(essential)), " ".join(nemods)


def _reference(elem: ET.Element) -> tuple[str, str | None]:
    """Text of a ``see``/``use`` and any code or table given inside it."""
    text = [elem.text or ""]
    code = None
    for child in elem:
        if child.tag in ("codes", "tab", "code"):
            code = _clean(child.text or "")
        else:
            text.append(child.text or "")
        text.append(child.tail or "")
    return _clean("".join(text)), code


class IndexReader:
    """Iterate to get :class:`IndexEntry` objects (a term after its subterms); ``version``,
    ``title`` and ``headings`` (column number -> heading, drug and neoplasm tables) fill in
    as the file is read. A malformed file raises ``ValueError``."""

    def __init__(self, stream: BinaryIO):
        self.stream = stream
        self.version = ""
        self.title = ""
        self.headings: dict[int, str] = {}

    def __iter__(self) -> Iterator[IndexEntry]:
        stack: list[IndexEntry] = []
        tags: list[str] = []
        letter = ""
        next_id = 1
        try:
            for event, elem in ET.iterparse(self.stream, events=("start", "end")):
                if event == "start":
                    tags.append(elem.tag)
                    if elem.tag in TERMS:
                        parent = stack[-1] if stack else None
                        level = 0 if elem.tag == "mainTerm" else int(elem.get("level", "1"))
                        stack.append(IndexEntry(next_id, parent.id if parent else None, level, letter))
                        next_id += 1
                    continue
                tags.pop()
                owner = tags[-1] if tags else ""
                if elem.tag in TERMS:
                    yield stack.pop()
                    elem.clear()
                elif owner in TERMS:
                    self._fill(stack, elem)
                elif elem.tag == "title" and owner == "letter":
                    letter = _clean(elem.text or "")
                elif elem.tag == "title" and len(tags) == 1:
                    self.title = _clean(elem.text or "")
                elif elem.tag == "version":
                    self.version = _clean(elem.text or "")
                elif elem.tag == "head":
                    self.headings[int(elem.get("col", "0"))] = _clean(elem.text or "")
                elif elem.tag == "letter":
                    elem.clear()
        except ET.ParseError as exc:
            raise ValueError(f"not well-formed XML ({exc})") from exc

    @staticmethod
    def _fill(stack: list[IndexEntry], elem: ET.Element) -> None:
        entry = stack[-1]
        tag = elem.tag
        if tag == "title":
            entry.title, entry.essential, entry.nemod = _title_parts(elem)
            parent_path = stack[-2].path if len(stack) > 1 else ()
            entry.path = (*parent_path, entry.title)
        elif tag == "cell":
            entry.cells[int(elem.get("col", "0"))] = _clean(elem.text or "")
        elif tag in REFERENCE_TAGS:
            text, code = _reference(elem)
            setattr(entry, "see_also" if tag == "seeAlso" else tag, text)
            entry.reference_code = code or entry.reference_code
        elif tag in CODE_TAGS:
            value = _clean(elem.text or "")
            if tag == "manif" and not _CODE_SHAPE.match(value):
                entry.note = value
            else:
                setattr(entry, tag, value)
