"""Reading a learner's answer: one code or several, as typed, into the keys the code tables use."""

from __future__ import annotations

import re
from dataclasses import dataclass

from autograder.codes.normalize import normalize

_SEPARATORS = re.compile(r"[,;\s]+")


@dataclass(frozen=True)
class Answer:
    """A learner's answer: ``keys`` in the order given (normalised), or ``problem`` when unreadable."""

    keys: tuple[str, ...] = ()
    problem: str | None = None

    @property
    def is_blank(self) -> bool:
        return not self.keys and self.problem is None


def read_answer(answer: object) -> Answer:
    """``"E11.9"``, ``"e119"``, ``["I12.9", "N18.30"]`` or ``"I12.9, N18.30"`` -> normalised keys.

    ``...``, ``None`` and empty text are blank answers. Anything that is not text, or a list or
    tuple of texts, gets a ``problem`` that says how to write the answer.
    """
    if answer is None or answer is Ellipsis:
        return Answer()
    if isinstance(answer, str):
        parts = [p for p in _SEPARATORS.split(answer) if p]
        return Answer(tuple(normalize(p) for p in parts))
    if isinstance(answer, (list, tuple)):
        keys = []
        for position, item in enumerate(answer, start=1):
            if not isinstance(item, str):
                return Answer(problem=(
                    f"item {position} of your list is {type(item).__name__}, not text: put every code in "
                    'quotes, like ["...", "..."]'
                ))
            keys.extend(normalize(p) for p in _SEPARATORS.split(item) if p)
        return Answer(tuple(keys))
    return Answer(problem=(
        f"your answer is {type(answer).__name__}, not text: write a code in quotes, or a list of codes "
        'in quotes, like ["...", "..."]'
    ))


SEQUENCES = ("any", "principal", "exact")


def canonical(keys: tuple[str, ...] | list[str], sequence: str = "any") -> str:
    """The text that is hashed for an answer.

    ``any``: order does not matter (keys sorted, joined by ``|``); ``principal``: the first-listed code
    matters, the rest in any order (``first>`` then the rest sorted); ``exact``: every position matters
    (keys joined by ``>``).
    """
    if sequence == "exact":
        return ">".join(keys)
    if sequence == "principal":
        return f"{keys[0]}>" + "|".join(sorted(keys[1:])) if keys else ""
    return "|".join(sorted(keys))
