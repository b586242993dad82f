"""Walking an index the way a coder does: main term, then subterm by subterm, following
"see" and "see also", skipping nonessential modifiers, and stopping where the index stops.

Works on any index-schema book in a release database (``alphabetic``, ``external``, ``drug``,
``neoplasm``, ``pcs``). Conventions followed (ICD-10-CM Official Guidelines: Section I.A.7 on
parentheses, the Section I.A conventions "see" and "see also", Section I.B.1 on the dash):

- a typed word that is one of the current term's nonessential modifiers is read and passed over;
- "see" sends the coder to another term: followed when the term has no code of its own;
- "see also" offers another term: followed when a typed subterm is not found under this one;
- a code printed with a trailing ``-`` needs more characters; so does one printed without it
  that the release lists only as a header (a 7th character the Tabular List asks for), and the
  result says so for both (``display`` adds the dash).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import date

from autograder.codes.normalize import normalize
from autograder.codes.official import terms
from autograder.codes.official.database import PATH_SEPARATOR, TERM_COLUMNS

MAX_REDIRECTS = 5
# what a term can point to, in the order a coder reads it
REFERENCES = (
    ("code", "code"),
    ("subcat", "subcategory"),
    ("seecat", "category"),
    ("codes", "partial code"),
    ("tab", "table"),
    ("reference_code", "see reference"),
)


@dataclass(frozen=True)
class Term:
    """One row of an index book."""

    id: int
    book: str
    parent: int
    level: int
    title: str
    nemod: str
    path: str
    code: str | None
    manif: str | None
    subcat: str | None
    seecat: str | None
    codes: str | None
    tab: str | None
    see: str | None
    see_also: str | None
    use: str | None
    reference_code: str | None
    note: str | None

    @property
    def path_titles(self) -> tuple[str, ...]:
        return tuple(self.path.split(PATH_SEPARATOR)) if self.path else ()

    def reference(self) -> tuple[str | None, str]:
        """(code as printed, what kind of reference it is) or (None, "")."""
        for column, kind in REFERENCES:
            value = getattr(self, column)
            if value:
                return value, kind
        return None, ""


@dataclass(frozen=True)
class Step:
    kind: str  # "term", "nonessential modifier", "see", "see also"
    text: str


@dataclass(frozen=True)
class IndexResult:
    """Where a walk ended, and what it found there."""

    query: str
    book: str
    path: tuple[str, ...]  # the index entry reached, main term down, as printed
    code: str | None  # as printed, without a trailing dash
    kind: str = ""  # "code", "subcategory", "category", "partial code", "table", "table cell"...
    manif: str | None = None  # a manifestation code printed with it (sequenced after it)
    complete: bool | None = None  # False: more characters needed; None: not in the release's list
    title: str | None = None  # the code's title in the release's order file
    steps: tuple[Step, ...] = ()
    unmatched: tuple[str, ...] = ()  # the typed words the index has no subterm for
    instructions: tuple[str, ...] = ()  # cross-references left for the coder to follow
    subterms: tuple[str, ...] = ()  # the choices where the walk stopped without a code
    note: str | None = None
    release: str = ""  # the release read ("icd10cm FY2026")
    column: str = ""  # drug and neoplasm tables: the column the code was read from
    term_id: int | None = None  # the index entry reached, in the release database
    release_start: date | None = None  # the first day of the release read (a date it covers)

    @property
    def found(self) -> bool:
        return self.code is not None and not self.unmatched

    @property
    def display(self) -> str:
        """The code as a coder writes it from the index: a dash when more characters are needed."""
        if self.code is None:
            return ""
        return f"{self.code}-" if self.complete is False and self.book != "pcs" else self.code

    def to_dict(self) -> dict:
        data = asdict(self)
        data.update(found=self.found, display=self.display)
        data["release_start"] = self.release_start.isoformat() if self.release_start else None
        return data

    def verify(self):
        """The code in the Tabular List of the release the index was read from, the second step of
        index-then-tabular: ``icd10cm.lookup`` (title, billable flag, notes, 7th characters); for
        the PCS Index, ``icd10pcs.build`` from the code or table it gives. ``None`` without a code."""
        if self.code is None:
            return None
        if self.book == "pcs":
            from autograder.codes import icd10pcs

            return icd10pcs.build(self.code, on=self.release_start)
        from autograder.codes import icd10cm

        return icd10cm.lookup(self.code, on=self.release_start)

    def describe(self) -> str:
        lines = [" > ".join(self.path) or f"(no main term for {self.query!r})"]
        if self.column:
            lines[0] += f"  [{self.column}]"
        if self.code:
            line = f"  -> {self.display}"
            if self.manif:
                line += f" [{self.manif}]"
            if self.title:
                line += f"  {self.title}"
            lines.append(line)
            if self.complete is False and self.book == "pcs":
                lines.append(f"     a partial code: complete it from table {self.code[:3]}")
            elif self.complete is False:
                lines.append(
                    "     more characters are needed: verify in the Tabular List and complete the code"
                )
            elif self.complete is None and self.book != "pcs":
                lines.append(f"     not in the {self.release} code list")
        for step in self.steps:
            if step.kind != "term":
                lines.append(f"  ({step.kind}: {step.text})")
        if self.unmatched:
            lines.append(f"  no subterm for: {', '.join(self.unmatched)}")
        lines += [f"  {text}" for text in self.instructions]
        if self.subterms and not self.code:
            more = " ..." if len(self.subterms) > 15 else ""
            lines.append(f"  choose a subterm: {'; '.join(self.subterms[:15])}{more}")
        if self.note:
            lines.append(f"  note: {self.note}")
        return "\n".join(lines)


def _term(row: tuple) -> Term:
    return Term(*row)


_SELECT = f"SELECT {', '.join(TERM_COLUMNS)} FROM terms"


def get(conn: sqlite3.Connection, term_id: int) -> Term:
    return _term(conn.execute(f"{_SELECT} WHERE id = ?", (term_id,)).fetchone())


def children(conn: sqlite3.Connection, term_id: int) -> list[Term]:
    return [_term(r) for r in conn.execute(f"{_SELECT} WHERE parent = ? ORDER BY id", (term_id,))]


def main_terms(conn: sqlite3.Connection, book: str) -> list[Term]:
    return [_term(r) for r in conn.execute(f"{_SELECT} WHERE book = ? AND parent = 0 ORDER BY id", (book,))]


def find_all(conn: sqlite3.Connection, book: str, parent: int, phrase: str) -> list[Term]:
    """The subterms of ``parent`` (0: the main terms) that ``phrase`` names: exact titles first,
    then titles it is one comma-separated alternative of."""
    found: dict[int, None] = {}
    for key in terms.query_keys(phrase):
        for (term_id,) in conn.execute(
            "SELECT term FROM term_keys WHERE book = ? AND parent = ? AND key = ? ORDER BY exact DESC, term",
            (book, parent, key),
        ):
            found.setdefault(term_id)
    return [get(conn, term_id) for term_id in found]


def has_cells(conn: sqlite3.Connection, term: Term) -> bool:
    return conn.execute("SELECT 1 FROM cells WHERE term = ? LIMIT 1", (term.id,)).fetchone() is not None


@dataclass
class _Walk:
    conn: sqlite3.Connection
    book: str
    node: Term | None = None
    steps: list[Step] = field(default_factory=list)
    redirects: int = 0

    def options(self, tokens: Sequence[str], start: int) -> list[tuple[Term, int]]:
        """Subterms the tokens from ``start`` can name, the longest run of tokens first."""
        parent = self.node.id if self.node else 0
        return [
            (term, size)
            for size in range(len(tokens) - start, 0, -1)
            for term in find_all(self.conn, self.book, parent, ", ".join(tokens[start : start + size]))
        ]

    def walk(self, tokens: Sequence[str]) -> list[str]:
        """Walk ``tokens`` from the current node; returns the tokens left unmatched. Where a word
        names more than one subterm ("off" alone, or within "from, off, out of"), the one under
        which the rest of the path is found wins; a word that is no subterm may be one of the
        term's nonessential modifiers, or lead through its "see also" / "see"."""
        i = 0
        while i < len(tokens):
            best = self.best_subterm(tokens, i)
            if best and not best[1]:
                self.take(best[0])
                return []
            if self.node and terms.squash(tokens[i]) in terms.nemod_words(self.node.nemod):
                self.steps.append(Step("nonessential modifier", tokens[i]))
                i += 1
            elif self.redirect(tokens[i:]):
                return []
            elif best:
                self.take(best[0])
                return best[1]
            else:
                return list(tokens[i:])
        return []

    def best_subterm(self, tokens: Sequence[str], start: int) -> tuple[_Walk, list[str]] | None:
        """The subterm walk from ``start`` that leaves the fewest tokens unmatched."""
        best = None
        for term, size in self.options(tokens, start):
            trial = replace(self, node=term, steps=[*self.steps, Step("term", term.title)])
            left = trial.walk(tokens[start + size :])
            if best is None or len(left) < len(best[1]):
                best = (trial, left)
            if not left:
                break
        return best

    def take(self, other: _Walk) -> None:
        self.node, self.steps, self.redirects = other.node, other.steps, other.redirects

    def redirect(self, rest: Sequence[str]) -> bool:
        """Follow the current term's "see also" (else "see") when the typed subterm is not under it."""
        if self.node is None or self.redirects >= MAX_REDIRECTS:
            return False
        for kind, target in (("see also", self.node.see_also), ("see", self.node.see)):
            if target and self.follow(kind, target, rest):
                return True
        return False

    def follow(self, kind: str, target: str, rest: Sequence[str] = ()) -> bool:
        """Go to the term a cross-reference names and on with ``rest``. Words of the target the
        index lacks (such as "by type of instrument") are passed over when typed subterms remain
        to choose with; otherwise the cross-reference is left for the coder."""
        trial = replace(
            self, node=None, steps=[*self.steps, Step(kind, target)], redirects=self.redirects + 1
        )
        target_tokens = terms.split_top(target)
        left = trial.walk(target_tokens)
        if trial.node is None or len(left) == len(target_tokens) or (left and not rest):
            return False
        if left:
            trial.steps.append(Step("choose", ", ".join(left)))
        if rest and trial.walk(rest):
            return False
        self.take(trial)
        return True


def walk(
    conn: sqlite3.Connection, book: str, query: str | Sequence[str], start: Term | None = None
) -> IndexResult:
    """Walk ``query`` ("Bite, dog" or ``["Bite", "dog"]``) through ``book`` from ``start`` (a
    main term) or from the main terms."""
    if isinstance(query, str):
        tokens, text = terms.split_top(query), query
    else:
        pieces = query if isinstance(query, list | tuple) else ()
        tokens = [str(t).strip() for t in pieces if str(t).strip()]
        text = ", ".join(tokens)
    state = _Walk(conn, book, start)
    unmatched = state.walk(tokens)
    node = state.node
    if node and not unmatched and not _points_anywhere(conn, node) and node.see:
        state.follow("see", node.see)
        node = state.node
    if node is None:
        return IndexResult(text, book, (), None, unmatched=tuple(unmatched), steps=tuple(state.steps))
    code, kind = node.reference()
    subs = children(conn, node.id)
    cross_references = instructions(node, include_see=code is None)
    for sub in subs:
        if not sub.title:  # PCS: an untitled subterm is one more cross-reference of this term
            cross_references += instructions(sub, include_see=True, with_code=True)
    return IndexResult(
        query=text,
        book=book,
        path=node.path_titles,
        code=code.rstrip("-").rstrip(".") if code else None,
        kind=kind,
        manif=node.manif,
        complete=completeness(conn, book, code) if code else None,
        title=code_title(conn, code) if code else None,
        steps=tuple(state.steps),
        unmatched=tuple(unmatched),
        instructions=tuple(cross_references),
        subterms=tuple(s.title for s in subs if s.title),
        note=node.note,
        term_id=node.id,
    )


def instructions(term: Term, include_see: bool, with_code: bool = False) -> list[str]:
    """A term's cross-references as a coder reads them ("see also Disease, kidney")."""
    ref = f" {term.reference_code}" if with_code and term.reference_code else ""
    found = [f"see {term.see}{ref}"] if term.see and include_see else []
    found += [f"see also {term.see_also}"] if term.see_also else []
    found += [f"use {term.use}{ref}"] if term.use else []
    return found


def _points_anywhere(conn: sqlite3.Connection, term: Term) -> bool:
    return term.reference()[0] is not None or has_cells(conn, term)


def _key(code: str) -> str:
    return normalize(code.rstrip("-"))


def code_title(conn: sqlite3.Connection, code: str) -> str | None:
    row = conn.execute("SELECT long FROM codes WHERE code = ?", (_key(code),)).fetchone()
    return row[0] if row else None


def completeness(conn: sqlite3.Connection, book: str, code: str) -> bool | None:
    """True: a code valid for a claim; False: more characters needed; None: not in the release."""
    if code.endswith("-"):
        return False
    row = conn.execute("SELECT billable FROM codes WHERE code = ?", (_key(code),)).fetchone()
    if row is None:
        return False if book == "pcs" and len(_key(code)) < 7 else None
    return bool(row[0])
