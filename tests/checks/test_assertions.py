"""The assertions nbgrader test cells call: pass on a right answer, teach on a wrong one."""

import nbformat
import pytest
from nbgrader.utils import determine_grade

from autograder.checks import (
    assert_code,
    assert_sequence,
    assert_valid_code,
    assert_valid_codes,
    score_code_set,
)


def test_valid_code_passes():
    assert_valid_code("E11.9")
    assert_valid_code(" s72.001a ")


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        (..., "No answer yet"),
        ("E11", "not a billable code"),
        ("S72.001", "needs a 7th character"),
        (["E11.9", "I10"], "asks for one code"),
        (12, "cannot be read"),
    ],
)
def test_invalid_code_fails_with_a_teaching_message(typed, words):
    with pytest.raises(AssertionError, match=words):
        assert_valid_code(typed)


def test_valid_codes_and_repeats():
    assert_valid_codes(["E11.22", "N18.31"])
    with pytest.raises(AssertionError, match="more than once"):
        assert_valid_codes(["E11.22", "e11.22"])
    with pytest.raises(AssertionError, match="7th character"):
        assert_valid_codes(["S72.001", "W11.XXXA"])


def test_other_code_sets_are_checked_by_their_own_rules():
    assert_valid_code("0DTJ4ZZ", system="icd10pcs")
    with pytest.raises(AssertionError):
        assert_valid_code("0DTJ4Z", system="icd10pcs")


def test_assert_code():
    assert_code("e119", "E11.9")
    with pytest.raises(AssertionError) as failure:
        assert_code("E10.9", "E11.9")
    assert "E11.9" not in str(failure.value)


def test_assert_sequence_exact_and_principal():
    assert_sequence(["I13.2", "I50.9", "N18.5"], ["I13.2", "I50.9", "N18.5"])
    assert_sequence(["I13.2", "N18.5", "I50.9"], ["I13.2", "I50.9", "N18.5"], sequence="principal")
    with pytest.raises(AssertionError, match="Right codes, but the order"):
        assert_sequence(["I13.2", "N18.5", "I50.9"], ["I13.2", "I50.9", "N18.5"])
    with pytest.raises(AssertionError, match="code first") as failure:
        assert_sequence(["N18.4", "I12.9"], ["I12.9", "N18.4"], sequence="principal")
    assert "Right codes, but the first-listed code" in str(failure.value)
    with pytest.raises(AssertionError, match="1 of your 2 codes") as failure:
        assert_sequence(["I12.9", "N18.5"], ["I12.9", "N18.4"])
    assert "N18.4" not in str(failure.value)


@pytest.mark.parametrize(
    ("typed", "score"),
    [
        (["A41.51", "R65.20", "N17.9"], 3.0),
        (["N17.9", "A41.51", "R65.20"], 3.0),
        (["A41.51", "R65.20"], 2.0),
        (["A41.51", "R65.20", "I10"], 1.0),
        (["A41.51", "I10", "E11.9"], 0.0),
        (["a4151"], 1.0),
        (..., 0.0),
        (None, 0.0),
        (7, 0.0),
    ],
)
def test_score_code_set_partial_credit(typed, score, capsys):
    assert score_code_set(typed, ["A41.51", "R65.20", "N17.9"], points=3) == score
    out = capsys.readouterr()
    assert out.err == ""
    assert "codes right" in out.out and "R65.20" not in out.out


def test_score_rounds_and_never_exceeds_the_points():
    assert score_code_set(["E11.22"], ["E11.22", "N18.31", "Z79.4"], points=2) == 0.67
    assert score_code_set(["E11.22", "N18.31", "Z79.4"], ["E11.22", "N18.31", "Z79.4"], points=2) == 2


def test_nbgrader_reads_the_score_as_partial_credit():
    score = score_code_set(["A41.51", "R65.20"], ["A41.51", "R65.20", "N17.9"], points=3)
    cell = nbformat.v4.new_code_cell(
        "score_code_set(answer, expected, points=3)",
        metadata={"nbgrader": {"grade": True, "grade_id": "q1", "points": 3, "solution": False}},
    )
    result = nbformat.v4.new_output("execute_result", data={"text/plain": repr(score)}, execution_count=1)
    cell.outputs = [result]
    assert determine_grade(cell) == (2.0, 3)
