"""Index entries in search: with the Alphabetic Index or the External Cause Index installed, the
codes their entries give rank alongside the codes found by title and inclusion term.

A coder starts in the index (ICD-10-CM Official Guidelines I.B.1), so an entry that holds every
typed word ranks below a title or inclusion term that says exactly what was typed and above titles
that merely hold the words: the best Alphabetic Index entry scores like an exact inclusion term,
the best External Cause Index entry half that (its codes are reported after the injury's, Section
I.C.20), each later entry a little less. A code an entry gives that is not billable brings its
billable codes one level down with it (the Tabular List step that follows, Guidelines I.B.1-3).
"""

from __future__ import annotations

from autograder.codes.icd10cm.fulltext import EXACT
from autograder.codes.icd10cm.info import Hit
from autograder.codes.icd10cm.table import Table
from autograder.codes.normalize import dotted_icd10cm, normalize

BOOKS = (("alphabetic", "index"), ("external", "eindex"))  # index name, file part
BEST = {"alphabetic": EXACT, "external": EXACT / 2}  # the score of each index's best entry
STEP = 0.5  # how much each later entry scores below the one before it


def installed_books() -> list[str]:
    """The indexes of the installed release in use (none when nothing is installed)."""
    from autograder.codes.official import store

    installed = store.installed_release("icd10cm")
    return [book for book, part in BOOKS if installed is not None and installed.has(part)]


def entry_scores(table: Table, text: str, limit: int, books: list[str]) -> dict[str, float]:
    """Code key -> score for the codes the best ``limit`` entries of each index give."""
    from autograder.codes.official import cm_index

    scores: dict[str, float] = {}
    for book in books:
        for position, entry in enumerate(cm_index.search(text, limit=limit, index=book)):
            key = normalize(entry.code.rstrip("-")) if entry.code else ""
            if key in table.codes:
                scores[key] = max(scores.get(key, float("-inf")), BEST[book] - STEP * position)
    return scores


def merge(table: Table, hits: list[Hit], text: object, limit: int, billable_only: bool) -> list[Hit]:
    """``hits`` (by title and inclusion term) with the codes index entries give, best first."""
    if not isinstance(text, str) or isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        return hits
    if normalize(text) in table.codes:  # a code typed: its own hits say it all
        return hits
    books = installed_books()
    if not books:
        return hits
    found = {hit.code: hit for hit in hits}
    for key, score in entry_scores(table, text, limit, books).items():
        title, billable, *_ = table.codes[key]
        if billable or not billable_only:
            _keep(found, Hit(dotted_icd10cm(key), title, billable, score))
        if not billable:
            kids = [kid for kid in table.children.get(key, ()) if table.codes[kid][1]]
            for position, kid in enumerate(kids, 1):
                _keep(found, Hit(dotted_icd10cm(kid), table.codes[kid][0], True, score - 1 - 0.01 * position))
    ranked = sorted(found.values(), key=lambda hit: -hit.score)  # stable: title order breaks ties
    return ranked[:limit]


def _keep(found: dict[str, Hit], hit: Hit) -> None:
    if hit.code not in found or found[hit.code].score < hit.score:
        found[hit.code] = hit
