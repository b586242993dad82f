"""An installed ICD-10-CM release's code list (its order file), read the way the validation rules
read the Tabular List: each code with its title, billable flag, parent and 7th character.

The order file lists every category, subcategory and code in tabular order, codes with a 7th
character (ICD-10-CM Official Guidelines I.A.5) one by one, filled with the placeholder X where
the code is shorter than six characters (I.A.4). It has no instructional notes, and it does not
mark which codes carry a 7th character; the Tabular List says which code families take one. For
FY2026 this view and the packaged Tabular List agree code for code.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from autograder.codes.icd10cm import seventh
from autograder.codes.icd10cm.info import ListedCode
from autograder.codes.icd10cm.table import CodeTree, Row
from autograder.codes.normalize import dotted_icd10cm
from autograder.codes.release import Release


def _extends(key: str, title: str, parent: str, parent_title: str, known: CodeTree) -> bool:
    """True when ``key`` is its parent with a 7th character: the parent filled with X to six
    characters, then one more. Whether the parent's family takes 7th characters is the Tabular
    List's to say (``known``, the packaged one), since a seven-character subdivision (C44.1021,
    T86.8401) looks the same in the order file; for a family it does not have, a code filled with X
    and titled as its parent plus the character's meaning does."""
    if len(key) != 7 or key[:6] != seventh.padded(parent):
        return False
    if parent in known.codes:
        return known.definer(parent) is not None
    return len(parent) < seventh.STEM_LENGTH and title.startswith(parent_title + ", ")


class CodeList(CodeTree):
    """The codes of one release's order file."""

    def __init__(self, release: Release, rows: Iterable[tuple[str, int, str]], known: CodeTree) -> None:
        """``rows``: (code without dot, 1 when billable, long title) in the file's order; ``known``:
        the Tabular List that says which code families take 7th characters."""
        self.release = release
        self.list_name = f"ICD-10-CM FY{release.year} code list"
        codes: dict[str, Row] = {}
        children: dict[str, list[str]] = {}
        for key, billable, title in rows:
            parent = next((key[:n] for n in range(len(key) - 1, 2, -1) if key[:n] in codes), None)
            char = key[6] if parent and _extends(key, title, parent, codes[parent][0], known) else None
            codes[key] = (title, bool(billable), parent, None, char)
            if parent is not None:
                children.setdefault(parent, []).append(key)
        self.codes = codes
        self.children = {key: tuple(kids) for key, kids in children.items()}
        # every code with a 7th character and every code above one
        self._family = {
            code for key, row in codes.items() if row[4] for code in (key, *self.ancestors(key))
        }

    def definer(self, key: str) -> str | None:
        """``key`` itself when it takes 7th characters or has codes below it that do: the order
        file lists the characters at each leaf, not where the Tabular List defines them."""
        return key if key in self._family else None

    def allowed_seventh(self, stem: str) -> str:
        return "".join(self.codes[kid][4] or "" for kid in self.children.get(stem, ()))

    def seventh_for(self, stem: str) -> tuple[tuple[str, str], ...]:
        """(character, meaning) for each 7th character of the leaf ``stem``; the meaning is what its
        codes' titles add to the leaf's title."""
        lead = self.codes[stem][0] + ", "
        pairs = []
        for kid in self.children.get(stem, ()):
            title, _, _, _, char = self.codes[kid]
            if char:
                pairs.append((char, title[len(lead) :] if title.startswith(lead) else title))
        return tuple(pairs)

    def lookup(self, key: str) -> ListedCode | None:
        row = self.codes.get(key)
        if row is None:
            return None
        title, billable, parent, _, char = row
        return ListedCode(
            code=dotted_icd10cm(key),
            title=title,
            billable=billable,
            parent=dotted_icd10cm(parent) if parent else None,
            children=tuple(map(dotted_icd10cm, self.children.get(key, ()))),
            seventh_characters=self.seventh_for(parent if char else key),
            release=self.release.label,
        )


_lists: dict[Path, CodeList] = {}


def code_list(installed) -> CodeList:
    """The code list of an installed release (an ``official.store.InstalledRelease``), read once."""
    from autograder.codes.icd10cm import index_table

    found = _lists.get(installed.database)
    if found is None:
        rows = installed.connect().execute("SELECT code, billable, long FROM codes ORDER BY ord")
        found = _lists[installed.database] = CodeList(installed.release, rows, index_table())
    return found
