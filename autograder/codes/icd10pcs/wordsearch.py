"""Word search over the packaged PCS titles: every query word must start a word of the title."""

from __future__ import annotations

import bisect
import re
from functools import cache

from autograder.codes.icd10pcs import titles

WORD = re.compile(r"[a-z0-9]+")


@cache
def _index() -> tuple[tuple[str, ...], tuple[frozenset[int], ...], tuple[str, ...]]:
    """Sorted vocabulary, the codes (by position in ``sorted_codes``) holding each word, and the codes."""
    codes = titles.sorted_codes()
    postings: dict[str, set[int]] = {}
    for number, code in enumerate(codes):
        for word in set(WORD.findall(titles.titles()[code].lower())):
            postings.setdefault(word, set()).add(number)
    vocabulary = tuple(sorted(postings))
    return vocabulary, tuple(frozenset(postings[w]) for w in vocabulary), codes


def _matching(prefix: str) -> tuple[set[int], set[int]]:
    """Codes with a word starting with ``prefix``, and those with exactly that word."""
    vocabulary, postings, _ = _index()
    start = bisect.bisect_left(vocabulary, prefix)
    found: set[int] = set()
    exact: set[int] = set()
    for i in range(start, len(vocabulary)):
        if not vocabulary[i].startswith(prefix):
            break
        found |= postings[i]
        if vocabulary[i] == prefix:
            exact = set(postings[i])
    return found, exact


def find(text: str) -> list[str]:
    """Codes whose titles hold every word of ``text`` (as a word prefix), best first.

    Ranked by how many query words match whole words, then by shorter title (more general first).
    """
    words = WORD.findall(text.lower())
    if not words:
        return []
    matched: set[int] | None = None
    whole: dict[int, int] = {}
    for word in words:
        found, exact = _matching(word)
        matched = found if matched is None else matched & found
        for number in exact:
            whole[number] = whole.get(number, 0) + 1
        if not matched:
            return []
    codes = _index()[2]
    table = titles.titles()
    ranked = sorted(matched or (), key=lambda n: (-whole.get(n, 0), len(table[codes[n]]), codes[n]))
    return [codes[n] for n in ranked]
