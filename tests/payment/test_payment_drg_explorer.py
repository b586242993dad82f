"""DrgExplorer without a browser: its handlers, the boxes that call them, and its text form."""

from __future__ import annotations

import pytest

from autograder.widgets import DrgExplorer
from autograder.widgets import drg_explorer as module

CASE = {"pdx": "J18.9", "sdx": ["E11.9:Y"], "age": 70, "sex": "F", "discharge_status": "01"}


@pytest.fixture
def explorer(monkeypatch):
    monkeypatch.setattr(module, "_has_frontend", lambda: True)
    return DrgExplorer(CASE)


def test_without_a_frontend_it_prints_the_explained_drg(monkeypatch, capsys):
    monkeypatch.setattr(module, "_has_frontend", lambda: False)
    DrgExplorer({**CASE, "sdx": ["J96.01:Y"]})
    out = capsys.readouterr().out
    assert out.startswith("MS-DRG 193 Simple Pneumonia and Pleurisy with MCC")


def test_group_button_groups_the_inputs(explorer):
    assert explorer.result.drg == 195
    explorer.sdx.value = "J96.01:Y"
    explorer.group_button.click()
    assert explorer.result.drg == 193
    assert "Estimated IPPS payment" in explorer.output.value
    assert explorer.remove_box.options == ("", "J96.01")


def test_bad_input_shows_what_to_fix(explorer):
    explorer.pdx.value = "J18"
    assert explorer.run() is None
    assert "pdx" in explorer.text() and "himlab-drg-error" in explorer.output.value


def test_add_box_runs_a_what_if_and_keeps_the_new_case(explorer):
    explorer.add_box.value = "J96.01:Y"
    change = explorer.last_change
    assert (change.before.drg, change.after.drg) == (195, 193)
    assert "MS-DRG 195 -&gt; 193" in explorer.change_output.value
    assert explorer.result.drg == 193 and explorer.add_box.value == ""


def test_remove_and_status_boxes(explorer):
    explorer.add_box.value = "J96.01:Y"
    explorer.remove_box.value = "J96.01"
    assert explorer.result.drg == 195
    explorer.status_box.value = "20"
    assert explorer.last_change.after.case.discharge_status == "20"
    assert explorer.status.value == "20"


def test_a_change_that_does_not_fit_is_reported(explorer):
    assert explorer.change(remove_sdx=["N17.9"]) is None
    assert "remove_sdx" in explorer.change_output.value
