"""Taking an exam: saved after every answer, survives a restart, pausable, timed, scored, reviewed,
and missed items come back through the Leitner review queue."""

from __future__ import annotations

import sqlite3

import pytest

from autograder.exam import review
from autograder.exam.engine import ExamError, ExamSession, plan_exam, plan_review
from autograder.exam.store import ProgressStore, himlab_home


def start(store, clock, exam="cpc", n=5, seed=11):
    """Start a CPC practice exam of ``n`` items (a fixed draw for a given seed)."""
    return ExamSession.start(store, plan_exam(exam, n, seed), clock)


def test_home_follows_the_environment(home):
    assert himlab_home() == home
    with ProgressStore() as store:
        assert store.path == home / "progress.sqlite3" and store.path.is_file()
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_every_answer_is_on_disk_before_the_call_returns(store, clock):
    session = start(store, clock)
    session.answer("A")
    # a second, independent connection (another kernel, a crashed one's successor) sees it at once
    other = sqlite3.connect(store.path)
    rows = other.execute(
        "SELECT item_id, response FROM responses WHERE attempt_id = ?", (session.id,)
    ).fetchall()
    assert rows == [(session.current.id, '"A"')]


def test_an_interrupted_exam_resumes_where_it_stopped(home, clock):
    first = ProgressStore()
    session = start(first, clock, n=6)
    session.answer("B")
    session.goto(3)
    session.answer("C")
    session.flag(True)
    clock.advance(300)
    session.answer("D")  # saves the clock too
    first.db.close()  # the kernel dies: no pause, no submit

    clock.advance(3600)  # an hour away is not counted
    with ProgressStore() as second:
        again = ExamSession.resume(second, clock=clock)
        assert again.id == session.id and again.position == 3
        assert again.responses() == {session.items[0].id: "B", session.items[3].id: "D"}
        assert again.flagged() == {session.items[3].id}
        assert again.elapsed_s == pytest.approx(300)


def test_pause_stops_the_clock_and_blocks_answers(store, clock):
    session = start(store, clock)
    clock.advance(60)
    session.pause()
    clock.advance(600)
    assert session.elapsed_s == pytest.approx(60)
    with pytest.raises(ExamError, match="paused"):
        session.answer("A")
    session.resume_clock()
    clock.advance(30)
    assert session.elapsed_s == pytest.approx(90)
    session.answer("A")


def test_time_up_submits_and_refuses_more_answers(store, clock):
    session = start(store, clock, n=5)  # 5 CPC items: 12 minutes
    assert session.time_limit_s == pytest.approx(12 * 60)
    session.answer(session.current.answer if session.current.kind == "choice" else "x")
    clock.advance(12 * 60 + 1)
    assert session.expired and session.remaining_s == 0
    with pytest.raises(ExamError, match="time is up"):
        session.answer("A")
    assert session.status == "submitted"
    assert store.attempt(session.id)["elapsed_s"] == pytest.approx(12 * 60)


def test_submit_scores_by_domain_and_review_shows_rationales(store, clock):
    session = start(store, clock, n=4)
    with pytest.raises(ExamError, match="submit the attempt before reviewing"):
        session.review()
    first = session.items[0]
    session.answer(first.answer if first.kind == "choice" else list(first.answer)[0], item_id=first.id)
    report = session.submit()
    assert report.possible == 4 and store.attempt(session.id)["status"] == "submitted"
    entries = session.review()
    assert [e.item.id for e in entries] == [i.id for i in session.items]
    assert all(e.item.rationale and e.item.references for e in entries)
    assert {e.item.id for e in session.review(only_missed=True)} >= {i.id for i in session.items[1:]}
    assert store.history("cpc")[-1]["percent"] == report.percent
    with pytest.raises(ExamError, match="already submitted"):
        ExamSession.resume(store, session.id, clock=clock)


def test_missed_items_enter_the_review_queue_and_move_up_the_boxes(store, clock):
    session = start(store, clock, n=3)
    right = session.items[0]
    session.answer(right.answer if right.kind == "choice" else ", ".join(right.answer), item_id=right.id)
    session.submit()
    queued = {row["item_id"]: row for row in store.review_queue()}
    assert right.id not in queued  # answered right: not queued
    assert set(queued) == {i.id for i in session.items[1:]}
    assert all(row["box"] == 1 and row["due_at"] == clock.now for row in queued.values())

    due = plan_review(store, "cpc", now=clock.now)
    assert set(due.item_ids) == set(queued) and due.mode == "review"
    again = ExamSession.start(store, due, clock)
    target = next(i for i in again.items if i.kind == "choice")
    again.answer(target.answer, item_id=target.id)
    again.submit()
    rows = {row["item_id"]: row for row in store.review_queue()}
    assert rows[target.id]["box"] == 2 and rows[target.id]["due_at"] == clock.now + review.DAY
    assert all(rows[i.id]["box"] == 1 and rows[i.id]["lapses"] == 2 for i in again.items if i is not target)


def test_leitner_boxes():
    assert review.next_box(None, False) == 1
    assert review.next_box(None, True) is None
    assert review.next_box(3, True) == 4
    assert review.next_box(4, False) == 1
    assert review.next_box(review.LAST_BOX, True) is None
    assert review.due_at(3, 1000.0) == 1000.0 + 3 * review.DAY


def test_nothing_due_and_nothing_to_resume_are_explained(store, clock):
    with pytest.raises(ExamError, match="no items are due for review"):
        plan_review(store, "cca")
    with pytest.raises(ExamError, match="no unfinished attempt"):
        ExamSession.resume(store, clock=clock)


def test_navigation_bounds(store, clock):
    session = start(store, clock, n=3)
    assert session.previous() is session.items[0]
    session.goto(2)
    assert session.next() is session.items[2]
    with pytest.raises(ExamError, match="choose 1 to 3"):
        session.goto(3)
    with pytest.raises(ExamError, match="not part of this attempt"):
        session.answer("A", item_id="rhit-001")
    assert session.unanswered() == [0, 1, 2]
