"""The checks nbgrader test cells call: form checks for visible tests, correctness for hidden ones.

Failures raise ``AssertionError`` with a message that teaches and names only the learner's own codes,
never an expected one. Scores are plain floats, the last expression of a test cell, which nbgrader
reads as partial credit. Nothing here writes to stderr (nbgrader gives 0 to a cell that does).
"""

from __future__ import annotations

from autograder.checks import diagnose
from autograder.checks.answers import canonical, read_answer


def _sentence(text: str) -> str:
    text = text.strip()
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


def _keys(answer: object) -> tuple[str, ...]:
    read = read_answer(answer)
    if read.problem:
        raise AssertionError(_sentence(f"Your answer cannot be read: {read.problem}"))
    if read.is_blank:
        raise AssertionError("No answer yet: replace ... with your answer, each code in quotes.")
    return read.keys


def _check_form(keys: tuple[str, ...], system: str) -> None:
    mistakes = diagnose.form_mistakes(keys, system)
    if mistakes:
        raise AssertionError(" ".join(_sentence(m.detail or m.message) for m in mistakes))


def assert_valid_code(answer: object, system: str = "icd10cm") -> None:
    """Pass when ``answer`` is one code that can be reported: it exists in the release in use and is
    billable (complete to its last character, 7th character included). Says what is wrong otherwise."""
    keys = _keys(answer)
    if len(keys) != 1:
        raise AssertionError(f"This question asks for one code; your answer has {len(keys)}.")
    _check_form(keys, system)


def assert_valid_codes(answer: object, system: str = "icd10cm") -> None:
    """Pass when ``answer`` is a list of reportable codes with none repeated; says what is wrong otherwise."""
    _check_form(_keys(answer), system)


def assert_code(answer: object, expected: str, system: str = "icd10cm") -> None:
    """Pass when ``answer`` is the expected code (any case, with or without the dot)."""
    assert_valid_code(answer, system)
    if read_answer(answer).keys != read_answer(expected).keys:
        raise AssertionError(_sentence(diagnose.wrong_code(system).message))


def assert_sequence(
    answer: object, expected: list[str] | tuple[str, ...], system: str = "icd10cm", sequence: str = "exact"
) -> None:
    """Pass when ``answer`` lists exactly the expected codes, in the expected order (``sequence="exact"``)
    or with the expected principal (first-listed) diagnosis first and the rest in any order
    (``sequence="principal"``)."""
    if sequence not in ("exact", "principal"):
        raise ValueError(f"assert_sequence: sequence must be 'exact' or 'principal', not {sequence!r}")
    keys = _keys(answer)
    _check_form(keys, system)
    want = read_answer(expected).keys
    if canonical(keys, sequence) == canonical(want, sequence):
        return
    if sorted(keys) == sorted(want):
        what = "the first-listed code" if sequence == "principal" else "the order"
        because = " ".join(_sentence(m.message) for m in diagnose.sequence_reasons(keys, system))
        raise AssertionError(f"Right codes, but {what} is not right. {because}")
    right = len(set(keys) & set(want))
    raise AssertionError(
        f"{right} of your {len(keys)} codes belong in the answer, which has {len(want)}: "
        "get the set of codes right first, then put the principal diagnosis first."
    )


def score_code_set(answer: object, expected: list[str] | tuple[str, ...], points: float) -> float:
    """Partial credit for a set of codes: each expected code found earns ``points / len(expected)``, each
    code that does not belong takes the same share away; the result lies between 0 and ``points``.

    Order does not count (use :func:`assert_sequence` for that). An unreadable or blank answer scores 0.
    Prints one line saying how many codes were right, without naming them.
    """
    want = set(read_answer(expected).keys)
    if not want:
        raise ValueError("score_code_set: expected must name at least one code")
    given = set(read_answer(answer).keys)
    share = points / len(want)
    right = len(given & want)
    extra = len(given - want)
    score = round(min(max(share * (right - extra), 0.0), float(points)), 2)
    extras = f", {extra} that {'does' if extra == 1 else 'do'} not belong" if extra else ""
    print(f"{right} of {len(want)} codes right{extras}: {score:g} of {points:g} points")
    return score
