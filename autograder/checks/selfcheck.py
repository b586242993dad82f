"""Self-checks: instant feedback on a lesson question without the answer ever being in the notebook.

A self-check stores salted SHA-256 digests (DESIGN.md, "Feedback without leaking answers"):

- ``answer``: the expected codes in their canonical form (:func:`autograder.checks.answers.canonical`:
  sorted, or with the principal diagnosis first, or in exact order, as the question asks);
- ``group``: the codes sorted, for a question whose order matters (so "right codes, wrong order"
  can be told apart from "wrong codes");
- ``each``: one digest per expected code (so "2 of 3 right" can be said without naming which).

When the answer is wrong the feedback names the kind of mistake, worked out from the learner's own
codes only (see :mod:`autograder.checks.diagnose`); it never names an expected code.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from autograder.checks import diagnose
from autograder.checks.answers import SEQUENCES, canonical, read_answer
from autograder.checks.feedback import Feedback, Mistake

DIGEST_CHARS = 20


def digest(salt: str, text: str) -> str:
    """The first 20 hex characters of SHA-256 over ``salt:text``."""
    return hashlib.sha256(f"{salt}:{text}".encode()).hexdigest()[:DIGEST_CHARS]


@dataclass(frozen=True)
class SelfCheck:
    """One lesson question. Call :meth:`check` (or the object itself) with the learner's answer.

    ``sequence`` says whether order counts: ``any``, ``principal`` (the first-listed code must be
    first, the others in any order) or ``exact``. Write new ones with :func:`make_self_check`; its
    :meth:`source` is the line to paste into a lesson.
    """

    question: str
    salt: str
    answer: str
    each: tuple[str, ...] = ()
    group: str | None = None
    sequence: str = "any"
    system: str = "icd10cm"
    hint: str | None = None

    @property
    def expects_several(self) -> bool:
        return len(self.each) > 1

    def check(self, answer: object) -> Feedback:
        """Right or not, and what kind of mistake; never raises for anything a learner types."""
        read = read_answer(answer)
        if read.problem:
            return self._wrong(Mistake("not-text", read.problem))
        if read.is_blank:
            return self._wrong(Mistake("blank", "replace ... with your answer, each code in quotes"))
        keys = read.keys
        if digest(self.salt, canonical(keys, self.sequence)) == self.answer:
            return Feedback(self.question, True)
        return self._wrong(*self._diagnose(keys))

    __call__ = check

    def _wrong(self, *mistakes: Mistake) -> Feedback:
        return Feedback(self.question, False, tuple(mistakes))

    def _diagnose(self, keys: tuple[str, ...]) -> list[Mistake]:
        found = diagnose.form_mistakes(keys, self.system)
        if found:
            return found
        if len(keys) > 1 and not self.expects_several:
            return [Mistake("one-code-asked", "this question asks for one code; give only the one that fits")]
        ordered = self.sequence != "any"
        if ordered and self.group and digest(self.salt, canonical(keys)) == self.group:
            what = "the first-listed code" if self.sequence == "principal" else "the order"
            reasons = diagnose.sequence_reasons(keys, self.system)
            return [Mistake("wrong-sequence", f"right codes, but {what} is not right yet"), *reasons]
        found = diagnose.pair_mistakes(keys, self.system)
        if ordered:
            found += diagnose.order_mistakes(keys, self.system)
        found.append(self._count_mistake(keys) if self.expects_several else diagnose.wrong_code(self.system))
        if self.hint:
            found.append(Mistake("hint", f"Hint: {self.hint}"))
        return found

    def _count_mistake(self, keys: tuple[str, ...]) -> Mistake:
        expected = len(self.each)
        right = sum(digest(self.salt, key) in self.each for key in keys)
        if right == len(keys) < expected:
            missing = expected - right
            verb = "is" if missing == 1 else "are"
            return Mistake("code-missing", (
                f"every code you gave belongs in the answer, but {missing} more {verb} needed: "
                "re-read the case for a condition you have not coded"
            ))
        if right == expected < len(keys):
            extra = len(keys) - right
            verb = "does" if extra == 1 else "do"
            return Mistake("extra-code", (
                f"all the codes needed are there, plus {extra} that {verb} not belong: "
                "code only what the documentation supports"
            ))
        if right:
            verb = "is" if right == 1 else "are"
            return Mistake("partly-right", (
                f"{right} of your {len(keys)} codes {verb} right; the answer has {expected} codes"
            ))
        return Mistake("none-right", (
            f"none of your codes is in the answer (it has {expected} codes): start again from the Index"
        ))

    def source(self) -> str:
        """The Python line that recreates this self-check, to paste into a lesson notebook."""
        fields = [repr(self.question), f"salt={self.salt!r}", f"answer={self.answer!r}"]
        if self.each:
            fields.append(f"each={self.each!r}")
        if self.group:
            fields.append(f"group={self.group!r}")
        if self.sequence != "any":
            fields.append(f"sequence={self.sequence!r}")
        if self.system != "icd10cm":
            fields.append(f"system={self.system!r}")
        if self.hint:
            fields.append(f"hint={self.hint!r}")
        return f"SelfCheck({', '.join(fields)})"


def make_self_check(
    question: str,
    answer: str | list[str] | tuple[str, ...],
    *,
    sequence: str = "any",
    system: str = "icd10cm",
    hint: str | None = None,
    salt: str | None = None,
) -> SelfCheck:
    """Build a self-check from the expected answer (for authors; the answer itself is not kept).

    Every expected code must be a valid, billable code of ``system`` in the release in use; a mistake
    raises ``ValueError`` naming the code. ``sequence``: ``any``, ``principal`` or ``exact``.
    """
    if sequence not in SEQUENCES:
        raise ValueError(f"{question}: sequence must be one of {', '.join(SEQUENCES)}, not {sequence!r}")
    read = read_answer(answer)
    if read.problem or read.is_blank:
        raise ValueError(f"{question}: give the expected answer as a code or a list of codes")
    keys = read.keys
    problems = diagnose.form_mistakes(keys, system)
    if problems:
        raise ValueError(f"{question}: the expected answer is not usable: {problems[0].message}")
    salt = salt or secrets.token_hex(8)
    several = len(keys) > 1
    sequence = sequence if several else "any"
    return SelfCheck(
        question=question,
        salt=salt,
        answer=digest(salt, canonical(keys, sequence)),
        each=tuple(sorted(digest(salt, k) for k in keys)) if several else (),
        group=digest(salt, canonical(keys)) if sequence != "any" else None,
        sequence=sequence,
        system=system,
        hint=hint,
    )
