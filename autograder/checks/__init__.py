"""Checks for notebooks: self-checks in lessons and the assertions nbgrader test cells call.

Every message teaches and speaks only about the learner's own answer: it never names an expected code.
Answers are a code (``"E11.9"``) or a list of codes (``["I12.9", "N18.30"]``); any case, with or without
the dot, spaces around are ignored. A comma-separated text (``"I12.9, N18.30"``) counts as a list.
``...`` (the placeholder in a released notebook) is a blank answer. ``system`` is one of ``"icd10cm"``
(default), ``"icd10pcs"``, ``"hcpcs"``, ``"cpt"``.

In a lesson (``modules/``): self-checks
---------------------------------------
``SelfCheck(question, salt=..., answer=..., each=(...), group=..., sequence="any", system="icd10cm",
hint=None)``
    One question. The notebook holds only salted digests of the answer, never the answer.
    ``sequence``: ``"any"`` (order does not count), ``"principal"`` (the first-listed code must come
    first, the others in any order) or ``"exact"``. ``check(answer) -> Feedback`` (or call the
    object): ``Feedback`` is true when right, shows itself as text or HTML, and lists ``mistakes``
    (``.kinds``). Kinds of mistake, all found from the learner's codes: ``blank``, ``not-text``,
    ``not-a-code``, ``not-billable``, ``seventh-character-missing``, ``seventh-character-invalid``,
    ``placeholder-x``, ``duplicate``, ``one-code-asked``, ``excludes1-conflict``,
    ``wrong-sequence`` (right codes, wrong order) with its reason: ``external-cause-first``,
    ``manifestation-first``, ``note-order``, ``code-first-note`` or ``sequence-rule``;
    ``code-missing`` (a strict subset of the answer), ``extra-code`` (the answer plus more),
    ``partly-right``, ``none-right``, ``wrong-code``, and ``hint`` (the author's hint, shown with a
    wrong answer).

``make_self_check(question, answer, *, sequence="any", system="icd10cm", hint=None) -> SelfCheck``
    For authors: checks every expected code is valid and billable, then digests it. Paste
    ``make_self_check(...).source()`` into the lesson; the command line does the same::

        himlab self-check my-q1 K80.00 E11.9 --sequence principal --hint "Section II"

In an nbgrader assignment (``course/``): test cells
-----------------------------------------------------
Visible tests check form only; hidden tests check correctness. Failures raise ``AssertionError``.

``assert_valid_code(answer, system="icd10cm")``
    One code that can be reported in the release in use (exists, billable, complete with its 7th
    character). The message is the code set's own explanation (e.g. the 7th-character rule).
``assert_valid_codes(answer, system="icd10cm")``
    A list of reportable codes, none repeated.
``assert_code(answer, expected, system="icd10cm")``
    Exactly the expected code (all or nothing).
``assert_sequence(answer, expected, system="icd10cm", sequence="exact")``
    Exactly the expected codes in the expected order (``sequence="principal"``: the expected first
    code first, the rest in any order); a right set in the wrong order is told so, with the
    sequencing rule the learner's order breaks.
``score_code_set(answer, expected, points) -> float``
    Partial credit, order ignored: each expected code found earns ``points / len(expected)``, each
    code that does not belong takes one share away, the total is kept between 0 and ``points``
    (rounded to 2 decimals). Make it the last expression of the test cell: nbgrader reads the value
    as the cell's score. Prints one line ("2 of 3 codes right: 1.33 of 2 points").

These functions write nothing to stderr (nbgrader scores a test cell that does as 0) and never
raise anything but ``AssertionError`` for a learner's answer.
"""

from autograder.checks.assertions import (
    assert_code,
    assert_sequence,
    assert_valid_code,
    assert_valid_codes,
    score_code_set,
)
from autograder.checks.feedback import Feedback, Mistake
from autograder.checks.selfcheck import SelfCheck, make_self_check

__all__ = [
    "Feedback",
    "Mistake",
    "SelfCheck",
    "assert_code",
    "assert_sequence",
    "assert_valid_code",
    "assert_valid_codes",
    "make_self_check",
    "score_code_set",
]
