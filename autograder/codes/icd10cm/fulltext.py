"""Find ICD-10-CM codes by words in their titles and inclusion terms.

Every typed word must match as a word prefix (after the tokenizer's stemming); abbreviations expand
to the tabular list's words (:mod:`.abbreviations`). When no code has every word, one word is
dropped: the one whose dropping still finds codes but the fewest. FTS5 finds the matches, the most
general first (its document order puts tabular codes before generated 7th-character codes, shorter
titles first); we then rank them: a title or inclusion term that says exactly what was typed
(parenthetical nonessential modifiers and "NOS" aside, Guidelines I.A.7 and I.A.6.b) first, then a
title that holds every word, few other words (the more general code), an unspecified code, a billable
one. A query that is itself a code returns that code and the codes below it.
"""

from __future__ import annotations

import itertools
import re
import unicodedata

from autograder.codes.icd10cm.abbreviations import ABBREVIATIONS
from autograder.codes.icd10cm.info import Hit
from autograder.codes.icd10cm.table import Table
from autograder.codes.normalize import dotted_icd10cm, normalize

STOPWORDS = frozenset({"a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to"})
# words that make a title less specific, not more: not counted against it
QUALIFIERS = frozenset({"unspecified", "nos", "not", "specified", "site", "elsewhere", "classified"})
MAX_WORDS = 16  # a longer query is cut here
CANDIDATES = 200  # matches ranked in Python, the most general first
EXACT = 60.0  # the score of a title or inclusion term that says exactly what was typed
NEAR = 5  # at most this many other words between the words an abbreviation stands for

_WORD = re.compile(r"[a-z0-9]+")
_ASIDE = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_CODE = re.compile(r"[A-Z][0-9][0-9A-Z]{1,5}")
_ROWS = (
    "SELECT c.key, c.title, c.billable, c.seq, c.rank_core, c.rank_words, c.rank_unspecified, c.rank_terms "
    "FROM code_text JOIN code c ON c.doc = code_text.rowid WHERE code_text MATCH ? {billable} "
    "ORDER BY code_text.rowid LIMIT ?"
)


def fold(text: str) -> str:
    """Lower case without accents (``Ménière`` -> ``meniere``), as the FTS5 tokenizer sees it."""
    if text.isascii():
        return text.lower()
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in text if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    """The words of a query, folded, without stopwords (``w/o`` and ``w/`` read as without and with)."""
    text = fold(text).replace("w/o", " without ").replace("w/", " with ")
    return [w for w in _WORD.findall(text) if w not in STOPWORDS]


def core(text: str) -> tuple[str, ...]:
    """The essential words of a title or term: no parenthetical modifiers, no NOS, no stopwords, no
    plural s (``Poisoning by penicillins NOS`` -> ``("poisoning", "penicillin")``)."""
    found = _WORD.findall(fold(_ASIDE.sub(" ", text)))
    return tuple(_singular(w) for w in found if w not in STOPWORDS and w != "nos")


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _term(word: str) -> str:
    """One word as an FTS5 phrase: a prefix for words, exact for numbers, letters and abbreviations."""
    return f'"{word}"' if len(word) == 1 or word.isdigit() or word in ABBREVIATIONS else f'"{word}"*'


def _expansion(phrase: str) -> str:
    """An abbreviation's words, close together in any order (``thrombosis of ... deep veins`` is a DVT)."""
    parts = phrase.split()
    if len(parts) == 1:
        return f'"{phrase}"'
    quoted = " ".join(f'"{part}"' for part in parts)
    return f"NEAR({quoted}, {NEAR})"


def fts_query(typed: list[str]) -> str:
    """The FTS5 query: every typed word (or what it abbreviates) must match."""
    groups = []
    for word in typed:
        alternatives = [_term(word), *map(_expansion, ABBREVIATIONS.get(word, ()))]
        groups.append(alternatives[0] if len(alternatives) == 1 else f"({' OR '.join(alternatives)})")
    return " AND ".join(groups)


def readings(typed: list[str]) -> set[tuple[str, ...]]:
    """The query spelled out every way its abbreviations allow (``htn`` -> ``hypertension`` ...)."""
    options = [[(w,), *(tuple(core(p)) for p in ABBREVIATIONS.get(w, ()))] for w in typed]
    spelled = {sum(combo, ()) for combo in itertools.islice(itertools.product(*options), 32)}
    return {tuple(_singular(w) for w in reading) for reading in spelled}


def search(table: Table, text: object, limit: int = 20, billable_only: bool = False) -> list[Hit]:
    if not isinstance(text, str) or isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        return []
    by_code = _code_hits(table, text, limit, billable_only)
    if by_code:
        return by_code
    typed = words(text)[:MAX_WORDS]
    if not typed:
        return []
    match = _best_match(table, typed)
    if match is None:
        return []
    scorer = _Scorer(table, typed)
    hits = scorer.rank(_candidates(table, match, False, limit), billable_only)
    if billable_only and len(hits) < limit:
        hits = scorer.rank(_candidates(table, match, True, limit), True, hits)
    ranked = sorted(hits.values(), key=lambda pair: (-pair[0].score, pair[1]))
    return [hit for hit, _ in ranked[:limit]]


def _count(table: Table, match: str) -> int:
    return table.query("SELECT count(*) FROM code_text WHERE code_text MATCH ?", (match,))[0][0]


def _best_match(table: Table, typed: list[str]) -> str | None:
    """The FTS5 query: every word; else every word but one, dropping the one that leaves fewest matches."""
    match = fts_query(typed)
    if len(typed) == 1 or _count(table, match):
        return match
    fewer = [fts_query(typed[:i] + typed[i + 1 :]) for i in range(len(typed))]
    counted = [(n, m) for m in fewer if (n := _count(table, m))]
    return min(counted)[1] if counted else None


def _candidates(table: Table, match: str, billable_only: bool, limit: int) -> list[tuple]:
    """Up to CANDIDATES matches (or ``limit`` if more), the most general first."""
    sql = _ROWS.format(billable="AND c.billable = 1" if billable_only else "")
    return table.query(sql, (match, max(CANDIDATES, limit)))


class _Scorer:
    """Re-ranks full-text matches for one query."""

    def __init__(self, table: Table, typed: list[str]) -> None:
        self.table = table
        self.spelled = readings(typed)
        # per typed word, the prefixes that count as a match in a title
        self.alternatives = [(w, *(p.split()[0] for p in ABBREVIATIONS.get(w, ()))) for w in typed]
        expansions = (word for w in typed for p in ABBREVIATIONS.get(w, ()) for word in p.split())
        self.known = (*typed, *expansions)

    def rank(self, rows: list[tuple], billable_only: bool, hits: dict | None = None) -> dict:
        """code -> (hit, tabular position); with ``billable_only``, a 7th-character leaf gives its codes."""
        hits = {} if hits is None else hits
        for key, title, billable, seq, *text in rows:
            score = self.score(key, *text)
            if not billable_only:
                self._keep(hits, key, title, bool(billable), score + 0.5 * billable, seq)
            elif billable:
                self._keep(hits, key, title, True, score, seq)
            if billable:
                continue
            kids = self.table.children.get(key, ())
            if billable_only and kids and self.table.codes[kids[0]][4] is not None:
                for position, kid in enumerate(kids, 1):
                    kid_score = score - 0.5 * position
                    self._keep(hits, kid, self.table.codes[kid][0], True, kid_score, seq + position)
            elif score >= EXACT:
                self._keep_billable_children(hits, key, kids, score, seq)
        return hits

    def _keep_billable_children(self, hits: dict, key: str, kids: tuple[str, ...], score: float, seq: int):
        """A category that says exactly what was typed (``diabetes NOS`` is an inclusion term of E11)
        is not reportable itself (Guidelines I.B.1-3): its billable codes one level down rank just
        below it, the coder's next step in the tabular list."""
        billable_kids = [kid for kid in kids if self.table.codes[kid][1]]
        for position, kid in enumerate(billable_kids, 1):
            kid_score = score - 1.0 - 0.01 * position
            self._keep(hits, kid, self.table.codes[kid][0], True, kid_score, seq + position)

    @staticmethod
    def _keep(hits: dict, key: str, title: str, billable: bool, score: float, seq: int) -> None:
        if key not in hits or hits[key][0].score < score:
            hits[key] = (Hit(dotted_icd10cm(key), title, billable, round(score, 4)), seq)

    def score(self, key: str, title_core: str, words: str, unspecified: int, terms: str) -> float:
        """Higher is better. A generated 7th-character code is judged by its leaf's text (the index
        stores that), A before D before S."""
        score = 0.0
        row = self.table.codes[key]
        if row[4] is not None:
            score -= 0.5 * (self.table.children[row[2]].index(key) + 1)
        title_words = words.split()
        if tuple(title_core.split()) in self.spelled:
            score += 100.0
        elif terms and any(tuple(term.split()) in self.spelled for term in terms.split("\n")):
            score += EXACT
        if all(any(t.startswith(alts) for t in title_words) for alts in self.alternatives):
            score += 3.0
        score -= 0.6 * sum(1 for t in title_words if t not in QUALIFIERS and not t.startswith(self.known))
        if unspecified:
            score += 1.5
        return score


def features(title: str, terms: list[str]) -> tuple[str, str, int, str]:
    """What ranking needs from a code's text, worked out once when the index is built: the title's
    core, its essential words, whether it says unspecified, and each term's core (one a line)."""
    title_words = [w for w in _WORD.findall(fold(_ASIDE.sub(" ", title))) if w not in STOPWORDS]
    unspecified = "unspecified" in title_words or "not specified" in title.lower() or " NOS" in title
    term_cores = "\n".join(" ".join(core(term)) for term in terms)
    return " ".join(core(title)), " ".join(title_words), int(unspecified), term_cores


def _code_hits(table: Table, text: str, limit: int, billable_only: bool) -> list[Hit]:
    """A query that is a code (``E11.9``, ``s72.0``): that code, then the codes under it in tabular order."""
    key = normalize(text)
    if not _CODE.fullmatch(key) or key not in table.codes:
        return []
    sql = "SELECT key, title, billable FROM code WHERE key >= ? AND key < ? {} ORDER BY seq LIMIT ?"
    rows = table.query(sql.format("AND billable = 1" if billable_only else ""), (key, key + "\x7f", limit))
    return [Hit(dotted_icd10cm(k), title, bool(b), 0.0) for k, title, b in rows]
