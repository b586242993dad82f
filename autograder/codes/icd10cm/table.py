"""The index in memory: the code table loaded in one read, notes and 7th characters loaded on first use.

Everything here is keyed by the undotted code (``E119``). Notes resolve up the tabular hierarchy:
a note under a category applies to every code below it, and the block's and chapter's notes apply to
every code in them (ICD-10-CM Official Guidelines I.A.10-13, I.A.17).
"""

from __future__ import annotations

import gc
import marshal
import sqlite3
import threading
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from autograder.codes.icd10cm import seventh
from autograder.codes.icd10cm.source import YEAR
from autograder.codes.normalize import dotted_icd10cm


@dataclass(frozen=True, slots=True)
class Chapter:
    number: str
    title: str
    range: str

    def to_dict(self) -> dict[str, str]:
        return {"number": self.number, "title": self.title, "range": self.range}


@dataclass(frozen=True, slots=True)
class Block:
    id: str
    title: str
    chapter: Chapter

    def to_dict(self) -> dict[str, str]:
        return {"id": self.id, "title": self.title}


@dataclass(frozen=True, slots=True)
class Note:
    """One instructional note; ``source`` is where the tabular list puts it (a code, a block, a chapter)."""

    kind: str
    text: str
    source: str


# row of the code table: (title, billable, parent key or None, block number, 7th character or None);
# the block number is None in a code list read from an order file, which has no blocks
Row = tuple[str, bool, "str | None", "int | None", "str | None"]


class CodeTree:
    """Codes in tabular order with their parents and children: what the validation rules read.

    ``codes`` maps a key to its :data:`Row`, ``children`` a key to its children's keys in tabular
    order; ``list_name`` is how messages name the list ("ICD-10-CM FY2026 tabular list").
    """

    codes: dict[str, Row]
    children: dict[str, tuple[str, ...]]
    list_name: str

    def definer(self, key: str) -> str | None:
        """The code at or above ``key`` whose 7th characters apply to it, if any."""
        raise NotImplementedError

    def allowed_seventh(self, stem: str) -> str:
        """The 7th characters a tabular leaf ``stem`` takes ('' when it takes none)."""
        raise NotImplementedError

    def ancestors(self, key: str) -> list[str]:
        """Parent, grandparent ... up to the category."""
        out = []
        parent = self.codes[key][2]
        while parent is not None:
            out.append(parent)
            parent = self.codes[parent][2]
        return out

    def billable_range(self, key: str) -> tuple[str, str, int]:
        """First and last billable code under ``key`` (tabular order) and how many there are."""
        first = last = ""
        count = 0
        stack = [key]
        while stack:
            node = stack.pop()
            kids = self.children.get(node, ())
            stack.extend(reversed(kids))
            if node != key and self.codes[node][1]:
                first = first or node
                last = node
                count += 1
        return first, last, count

    @cached_property
    def stems(self) -> dict[str, str]:
        """Skeleton (code without placeholders) -> tabular leaf, for every leaf that takes a 7th character."""
        return {seventh.skeleton(row[2]): row[2] for row in self.codes.values() if row[4] is not None}


class Table(CodeTree):
    """One open index file and what has been loaded from it."""

    list_name = f"ICD-10-CM FY{YEAR} tabular list"

    def __init__(self, path: Path) -> None:
        self.path = path
        self.db = sqlite3.connect(f"{path.resolve().as_uri()}?immutable=1", uri=True, check_same_thread=False)
        self.lock = threading.Lock()
        (blob,) = self.db.execute("SELECT value FROM meta WHERE key = 'snapshot'").fetchone()
        self.codes: dict[str, Row]
        self.children: dict[str, tuple[str, ...]]  # key -> its children's keys, in tabular order
        collecting = gc.isenabled()
        gc.disable()  # a hundred thousand new tuples would trigger collections that find nothing
        try:
            self.codes, self.children, self._raw_notes = marshal.loads(blob)
        finally:
            if collecting:
                gc.enable()
        chapters = {
            number: Chapter(number, title, span)
            for number, title, span in self.db.execute("SELECT number, title, range FROM chapter")
        }
        self.blocks = [
            Block(block_id, title, chapters[chapter])
            for block_id, title, chapter in self.db.execute(
                "SELECT id, title, chapter FROM block ORDER BY seq"
            )
        ]
        self._notes_memo: dict[str, tuple[Note, ...]] = {}
        self._own_memo: dict[tuple[str, str], tuple[Note, ...]] = {}
        self._definer_memo: dict[str, str | None] = {}
        self._seventh_memo: dict[str, tuple[tuple[tuple[str, str], ...], str | None]] = {}

    def query(self, sql: str, params: tuple = ()) -> list[tuple]:
        with self.lock:
            return self.db.execute(sql, params).fetchall()

    def own_notes(self, owner_type: str, owner: str) -> tuple[Note, ...]:
        """The notes written at one chapter, block or code, in tabular order."""
        rows = self._raw_notes.get((owner_type, owner))
        if rows is None:
            return ()
        found = self._own_memo.get((owner_type, owner))
        if found is None:
            if owner_type == "code":
                source = dotted_icd10cm(owner)
            else:
                source = owner if owner_type == "block" else f"chapter {owner}"
            found = tuple(Note(kind, text, source) for kind, text in rows)
            self._own_memo[(owner_type, owner)] = found
        return found

    @cached_property
    def seventh_defs(self) -> dict[str, tuple[tuple[str, str, str], ...]]:
        """key of the code that defines 7th characters -> ((character, meaning, inclusion terms), ...)."""
        found: dict[str, list[tuple[str, str, str]]] = {}
        for code, char, meaning, terms in self.query(
            "SELECT code, char, meaning, terms FROM seventh ORDER BY seq"
        ):
            found.setdefault(code, []).append((char, meaning, terms))
        return {code: tuple(rows) for code, rows in found.items()}

    def notes(self, key: str) -> tuple[Note, ...]:
        """Every note that applies to ``key``: its own, then each ancestor's, block's and chapter's."""
        memo = self._notes_memo.get(key)
        if memo is not None:
            return memo
        row = self.codes[key]
        if row[4] is not None:  # a generated 7th-character code has no notes of its own
            return self.notes(row[2])
        if row[2] is not None:
            above = self.notes(row[2])
        else:
            block = self.blocks[row[3]]
            above = self.own_notes("block", block.id) + self.own_notes("chapter", block.chapter.number)
        own = self.own_notes("code", key)
        resolved = self._notes_memo[key] = own + above if own else above
        return resolved

    def definer(self, key: str) -> str | None:
        """The nearest code at or above ``key`` that defines 7th characters, if any."""
        if key in self._definer_memo:
            return self._definer_memo[key]
        if key in self.seventh_defs:
            found: str | None = key
        else:
            parent = self.codes[key][2]
            found = self.definer(parent) if parent is not None else None
        self._definer_memo[key] = found
        return found

    def allowed_seventh(self, stem: str) -> str:
        """The 7th characters a tabular leaf ``stem`` takes ('' when it takes none)."""
        definer = self.definer(stem)
        if definer is None:
            return ""
        return seventh.allowed(seventh.padded(stem), "".join(c for c, _, _ in self.seventh_defs[definer]))

    def seventh_for(self, stem: str) -> tuple[tuple[tuple[str, str], ...], str | None]:
        """The (character, meaning) pairs ``stem`` and the codes below it take, and where they are defined."""
        memo = self._seventh_memo.get(stem)
        if memo is None:
            definer = self.definer(stem)
            if definer is None:
                memo = ((), None)
            else:
                allowed = self.allowed_seventh(stem)
                pairs = tuple((c, meaning) for c, meaning, _ in self.seventh_defs[definer] if c in allowed)
                memo = (pairs, dotted_icd10cm(definer))
            self._seventh_memo[stem] = memo
        return memo

    @cached_property
    def seventh_terms(self) -> dict[tuple[str, str], tuple[Note, ...]]:
        """(dotted code that defines it, 7th character) -> inclusion terms listed under the character
        (a few eye codes have them)."""
        return {
            (dotted_icd10cm(code), char): (Note("inclusion_term", terms, dotted_icd10cm(code)),)
            for code, rows in self.seventh_defs.items()
            for char, _, terms in rows
            if terms
        }
