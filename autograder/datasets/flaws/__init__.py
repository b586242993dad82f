"""The flaw library: each entry turns a clean claim into a flawed one that must trip named rules of
the claim rule catalogue (``autograder.claims.catalogue()`` ids).

A flaw is data: an id, the kind of claim it applies to (CMS-1500, inpatient UB-04, outpatient UB-04),
the rule ids it trips, a description in plain words for the learner, and one small change. A
change returns False, leaving the claim as it was, when the claim lacks what the flaw needs (no
injury code to truncate, no procedure to misdate). ``FlawPlanner`` plants each flaw once, on the
first claim it fits, and then walks the library in order, so flaws repeat evenly.

Rules no claim can be made to trip are listed in ``NOT_PLANTED`` with the reason.
"""

from __future__ import annotations

import copy
import random
from collections.abc import Callable
from dataclasses import dataclass

PROFESSIONAL, INPATIENT, OUTPATIENT = "cms1500", "ub04-inpatient", "ub04-outpatient"
KINDS = (PROFESSIONAL, INPATIENT, OUTPATIENT)


@dataclass(frozen=True)
class FlawContext:
    rng: random.Random
    encounter: object  # encounters.Encounter the clean claim was billed for


@dataclass(frozen=True)
class Flaw:
    id: str
    kind: str
    rules: tuple[str, ...]
    description: str
    change: Callable[[dict, FlawContext], bool]


def flaw(id: str, kind: str, rules, description: str):
    """Decorator: register the decorated change as a library entry."""
    rules = (rules,) if isinstance(rules, str) else tuple(rules)

    def register(change: Callable[[dict, FlawContext], bool]) -> Callable[[dict, FlawContext], bool]:
        if any(f.id == id for f in FLAWS):
            raise ValueError(f"duplicate flaw id {id}")
        FLAWS.append(Flaw(id, kind, rules, description, change))
        return change

    return register


FLAWS: list[Flaw] = []

NOT_PLANTED = {
    "ncci.ptp-not-allowed": (
        "the bundled NCCI sample has no modifier-indicator-0 pair in effect in FY2026 (its two indicator-0 "
        "rows were deleted in 2018 and 2023), so no FY2026 claim can trip it without the full CMS files"
    ),
    "claim.unreadable": "reported when a claim cannot be loaded at all; a dataset's flawed claims must load",
}


def claim_kind(claim: dict) -> str:
    if claim["form"] == "cms1500":
        return PROFESSIONAL
    return INPATIENT if claim.get("type_of_bill") == "0111" else OUTPATIENT


class FlawPlanner:
    """Chooses the flaw for a claim. First pass: a claim gets a flaw the library has not planted yet,
    when one fits it. After that, the library is walked in order per kind of claim, skipping flaws
    the claim cannot carry, so flaws are planted evenly."""

    def __init__(self) -> None:
        self.by_kind = {kind: [f for f in library() if f.kind == kind] for kind in KINDS}
        self.position = dict.fromkeys(KINDS, 0)
        self.unused = {kind: [f.id for f in self.by_kind[kind]] for kind in KINDS}

    def plant_unused(self, claim: dict, context: FlawContext) -> tuple[dict, Flaw] | None:
        """A flaw not planted yet, when one fits the claim."""
        kind = claim_kind(claim)
        waiting = [f for f in self.by_kind[kind] if f.id in self.unused[kind]]
        return self._first_fitting(claim, context, waiting)

    def plant_next(self, claim: dict, context: FlawContext) -> tuple[dict, Flaw] | None:
        """The next flaw in library order that fits the claim."""
        kind = claim_kind(claim)
        library_ = self.by_kind[kind]
        start = self.position[kind]
        return self._first_fitting(claim, context, library_[start:] + library_[:start])

    def _first_fitting(self, claim: dict, context: FlawContext, candidates: list[Flaw]):
        kind = claim_kind(claim)
        for candidate in candidates:
            trial = copy.deepcopy(claim)
            if candidate.change(trial, context):
                self.position[kind] = (self.by_kind[kind].index(candidate) + 1) % len(self.by_kind[kind])
                if candidate.id in self.unused[kind]:
                    self.unused[kind].remove(candidate.id)
                return trial, candidate
        return None


def library() -> list[Flaw]:
    """Every flaw, in library order."""
    from autograder.datasets.flaws import institutional, medicare_code_editor, professional  # noqa: F401

    return list(FLAWS)
