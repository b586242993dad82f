"""CodeLookup without a browser: its handlers, the boxes that call them, and its text form."""

import pytest

from autograder.widgets import CodeLookup
from autograder.widgets import code_lookup as module


@pytest.fixture
def lookup(monkeypatch):
    monkeypatch.setattr(module, "_has_frontend", lambda: True)
    return CodeLookup()


def codes_listed(lookup):
    return [value for _, value in lookup.results.options]


def test_without_a_frontend_it_prints_its_results(monkeypatch, capsys):
    monkeypatch.setattr(module, "_has_frontend", lambda: False)
    CodeLookup(query="type 2 diabetes mellitus without complications")
    out = capsys.readouterr().out
    assert "E11.9  Type 2 diabetes mellitus without complications" in out


def test_inside_a_notebook_it_draws_instead_of_printing(lookup, capsys):
    CodeLookup(query="essential hypertension")
    assert capsys.readouterr().out == ""


def test_a_plain_python_run_has_no_frontend():
    assert module._has_frontend() is False


def test_typing_in_the_search_box_lists_ranked_results(lookup):
    lookup.search_box.value = "type 2 diabetes mellitus without complications"
    assert "E11.9" in codes_listed(lookup)
    label = dict((v, k) for k, v in lookup.results.options)["E11.9"]
    assert label.startswith("E11.9  ")


def test_headings_are_marked_not_billable(lookup):
    lookup.search("type 2 diabetes mellitus")
    labels = [label for label, _ in lookup.results.options]
    assert any(label.startswith("E11 *") for label in labels)
    assert "not billable" in lookup.text()


def test_no_match_says_so(lookup):
    assert lookup.search("qqqzzx") == []
    assert lookup.results.options == ()
    assert "No ICD-10-CM match" in lookup.detail.value


def test_picking_a_result_opens_its_notes_with_their_source(lookup):
    lookup.search_box.value = "type 2 diabetes mellitus without complications"
    lookup.results.value = "E11.9"
    assert lookup.info.code == "E11.9"
    detail = lookup.detail.value
    assert "Type 2 diabetes mellitus without complications" in detail
    assert "Excludes1" in detail and "(from E11)" in detail  # inherited from the category
    assert "Use additional code" in detail


def test_searching_a_code_opens_it(lookup):
    lookup.search_box.value = "s72.001a"
    assert lookup.info is not None and lookup.info.code == "S72.001A"
    assert "7th characters" in lookup.detail.value


def test_tree_shows_ancestors_siblings_and_children(lookup):
    lookup.show("S72.001")
    tree = lookup.tree_text().splitlines()
    assert tree[0].startswith("Chapter 19")
    assert any(line.strip().startswith("S72 *") for line in tree)
    opened = next(i for i, line in enumerate(tree) if line.lstrip().startswith("> S72.001 "))
    assert tree[opened + 1].strip().startswith("S72.001A")  # its children, one level deeper
    assert any(line.strip().startswith("S72.002 ") for line in tree)  # a sibling
    assert "<b>S72.001 " in lookup.tree.value


def test_tree_of_a_category_starts_at_its_block(lookup):
    lookup.show("I10")
    assert lookup.tree_text().splitlines()[1].strip().startswith("I10-I1A")


def test_validate_box_shows_the_findings_message(lookup):
    lookup.validate_box.value = "S72.001"
    assert "7th character" in lookup.verdict.value
    assert lookup.findings and lookup.findings[0].rule == "icd10cm.seventh-missing"


def test_validate_box_accepts_a_reportable_code(lookup):
    lookup.validate_box.value = "E11.9"
    assert lookup.findings == []
    assert "can be reported" in lookup.verdict.value


def test_clearing_the_validate_box_clears_the_verdict(lookup):
    lookup.check("E11")
    assert "not a billable code" in lookup.verdict_text()
    lookup.validate_box.value = "E11"
    lookup.validate_box.value = ""
    assert lookup.verdict.value == "" and lookup.findings is None


def test_opening_something_that_is_not_a_code_explains_why(lookup):
    assert lookup.show("hello") is None
    assert "not shaped like" in lookup.detail.value and lookup.tree.value == ""


def test_text_and_widget_forms(lookup):
    lookup.search("essential hypertension")
    bundle = lookup._repr_mimebundle_()
    assert "I10" in bundle["text/plain"]
    assert "application/vnd.jupyter.widget-view+json" in bundle


def test_each_pane_has_a_class_a_browser_can_find(lookup):
    panes = {
        "himlab-search": lookup.search_box,
        "himlab-results": lookup.results,
        "himlab-detail": lookup.detail,
        "himlab-tree": lookup.tree,
        "himlab-validate": lookup.validate_box,
        "himlab-verdict": lookup.verdict,
        "himlab-code-lookup": lookup.view,
    }
    for name, widget in panes.items():
        assert name in widget._dom_classes
