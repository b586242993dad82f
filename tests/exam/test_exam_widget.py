"""ExamWidget: answering, navigating, flagging, pausing, the clock, results with domain bars and
progress over time, and the text view outside a live kernel."""

from __future__ import annotations

import pytest

from autograder.widgets import ExamWidget


@pytest.fixture
def widget(store, clock):
    return ExamWidget(exam="ccs", items=5, seed=2, store=store, clock=clock)


def test_text_view_outside_a_kernel(widget, capsys):
    widget._ipython_display_()
    out = capsys.readouterr().out
    assert "CCS exam" in out and "question 1 of 5" in out and widget.session.current.stem in out


def test_answers_flags_and_navigation_are_saved(widget, store):
    ui = widget.widget
    assert ui.children and widget.tick.playing
    first = widget.session.current
    assert first.kind == "choice"
    widget.choice.value = first.answer
    assert store.responses(widget.session.id) == {first.id: first.answer}
    widget.flag_button.value = True
    assert store.flags(widget.session.id) == {first.id}
    widget.next_button.click()
    assert widget.session.position == 1
    assert widget.jump.options[0][0] == "1 ✓ ⚑"
    widget.jump.value = 4
    assert widget.session.position == 4
    widget.previous_button.click()
    assert widget.session.position == 3


def test_code_boxes_save_cases(widget, store):
    assert widget.widget.children
    case_index = next(n for n, i in enumerate(widget.session.items) if i.kind == "case")
    widget.jump.value = case_index
    assert widget.answer_box.children == (widget.dx, widget.px)
    widget.dx.value = "K35.30:Y"
    widget.px.value = "0DTJ4ZZ"
    saved = store.responses(widget.session.id)[widget.session.items[case_index].id]
    assert saved == {"diagnoses": "K35.30:Y", "procedures": "0DTJ4ZZ"}


def test_pause_blocks_answers_with_a_message(widget, clock):
    assert widget.widget.children
    widget.pause_button.value = True
    assert widget.session.status == "paused" and widget.pause_button.description == "Resume"
    widget.next_button.click()
    assert "paused" in widget.message.value and widget.session.position == 0
    widget.pause_button.value = False
    widget.next_button.click()
    assert widget.session.position == 1 and widget.message.value == ""


def test_the_clock_ticks_and_submits_when_time_is_up(widget, clock):
    assert widget.widget.children
    clock.advance(60)
    widget._on_tick()
    assert widget.timer.value.startswith("Time left 0:10:")
    clock.advance(widget.session.time_limit_s)
    widget._on_tick()
    assert widget.session.status == "submitted" and "Time is up" in widget.message.value
    assert widget.question_box.layout.display == "none" and not widget.tick.playing


def test_results_show_domains_progress_and_rationales(widget, store, clock):
    assert widget.widget.children
    first = widget.session.current
    widget.choice.value = first.answer
    widget.submit_button.click()
    html = widget.results.value
    assert "Score: 20.0% (1 of 5)" in html
    assert "Provider queries" in html and "Progress over time" in html
    assert all(item.id in html for item in widget.session.items)
    assert first.rationale.split(".")[0] in html.replace("&#x27;", "'")
    later = ExamWidget(exam="ccs", items=2, seed=3, store=store, clock=clock)
    assert later.widget.children
    later.submit_button.click()
    assert later.results.value.count("%</td></tr>") >= 2  # two attempts charted over time


def test_resume_reopens_the_same_attempt(store, clock, widget):
    assert widget.widget.children
    widget.choice.value = widget.session.current.answer
    again = ExamWidget(exam="ccs", resume=True, store=store, clock=clock)
    assert again.session.id == widget.session.id
    assert again.session.responses() == widget.session.responses()
