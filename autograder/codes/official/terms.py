"""How index terms are matched: the keys a title is found by, and how a typed path splits.

A coder reads "Bite, bitten by" as the main term for "bite" and for "bitten by"; "Bite(s)" as
"bite" or "bites"; "animal NEC" as "animal"; and words in parentheses typed after a term as
nonessential modifiers, which never change the code (ICD-10-CM Official Guidelines, Section
I.A.7, "Parentheses"). A title's own full wording is an exact key; its comma-separated parts
and the other variants are looser keys, used when no exact key matches.
"""

from __future__ import annotations

import re

_SPACES = re.compile(r"\s+")
_PARENTHETICAL = re.compile(r"\s*\([^()]*\)")
_SUFFIX = re.compile(r"(\w)\((\w{1,3})\)")


def squash(text: str) -> str:
    """Lower case, single spaces, no space before a comma, no punctuation at the ends."""
    return _SPACES.sub(" ", text).replace(" ,", ",").strip(" ,.;:").lower()


def strip_parenthetical(text: str) -> str:
    """Text without its parenthesized words, nested ones too."""
    while True:
        stripped = _PARENTHETICAL.sub(" ", text)
        if stripped == text:
            return text
        text = stripped


def _variants(text: str) -> set[str]:
    forms = {squash(text), squash(strip_parenthetical(text)), squash(_SUFFIX.sub(r"\1\2", text))}
    forms |= {f[:-4] for f in forms if f.endswith(" nec")}
    return {f for f in forms if f}


def split_top(text: str) -> list[str]:
    """Split on commas that are not inside parentheses or brackets."""
    parts, depth, current = [], 0, []
    for char in text:
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        if char == "," and depth <= 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return [p.strip() for p in parts if p.strip()]


def title_keys(essential: str, printed: str = "") -> list[tuple[str, bool]]:
    """``(key, exact)`` pairs a title is found by: its wording, with or without its nonessential
    modifiers, exactly; its other forms and each comma-separated alternative loosely."""
    exact = {k for k in (squash(essential), squash(printed)) if k}
    loose = _variants(essential)
    parts = split_top(essential)
    if len(parts) > 1:
        for part in parts:
            loose |= _variants(part)
    return [(k, True) for k in sorted(exact)] + [(k, False) for k in sorted(loose - exact)]


def query_keys(phrase: str) -> list[str]:
    """Keys to try for what a user typed: the literal wording, without typed parentheses, then
    a plural read as its singular ("bites" finds "Bite")."""
    keys = [squash(phrase), squash(strip_parenthetical(phrase))]
    keys += [k[:-1] for k in keys if k.endswith("s") and not k.endswith("ss")]
    return [k for i, k in enumerate(keys) if k and k not in keys[:i]]


def nemod_words(nemod: str) -> set[str]:
    """The separate modifiers in "(adult) (child) (with intent to injure or kill)"."""
    return {squash(m) for m in re.findall(r"\(([^()]*)\)", nemod)} | {
        squash(w) for m in re.findall(r"\(([^()]*)\)", nemod) for w in split_top(m)
    }
