"""Practice exams and quizzes: build one from a blueprint, take it under the clock, pause, resume,
submit, score by domain and review with rationales.

* :func:`plan_exam` draws items in the blueprint's proportions (largest-remainder apportionment);
  :func:`plan_quiz` draws from one domain; :func:`plan_review` takes the items due in the review queue.
* The time limit is the real exam's minutes per item times the number of items.
* :class:`ExamSession` saves every answer, flag and move at once (see :mod:`autograder.exam.store`),
  so an attempt survives a closed tab or a restarted kernel. The clock runs only while the session is
  open and not paused; once time is up the attempt is submitted and no answer is taken.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass

from autograder.exam.bank import get_item, items_for
from autograder.exam.blueprint import blueprint
from autograder.exam.items import Item
from autograder.exam.scoring import ScoreReport, credit, describe_response, score_attempt
from autograder.exam.store import ProgressStore


class ExamError(ValueError):
    """A request the engine cannot honour; the message says why and what to do instead."""


@dataclass(frozen=True)
class ExamPlan:
    exam: str
    mode: str  # "exam", "quiz" or "review"
    item_ids: tuple[str, ...]
    time_limit_s: float
    domain: str | None = None


def _exam_key(exam: str) -> str:
    try:
        return blueprint(exam).exam
    except KeyError as exc:
        raise ExamError(exc.args[0]) from None


def _check_count(n: int, available: int, what: str) -> None:
    if not isinstance(n, int) or isinstance(n, bool) or n < 1:
        raise ExamError("the number of items must be a whole number, 1 or more")
    if n > available:
        raise ExamError(f"{what} has {available} items; ask for {available} or fewer")


def plan_exam(exam: str, n_items: int, seed: int | None = None) -> ExamPlan:
    """A practice exam of ``n_items`` items in the blueprint's domain proportions.

    When a domain holds fewer items than its share, the shortfall goes to the domains with the
    largest unmet share that still have items, so the exam always has ``n_items`` items.
    """
    exam = _exam_key(exam)
    plan = blueprint(exam)
    pool = {d: items_for(exam, d) for d in plan.domain_ids}
    _check_count(n_items, sum(len(v) for v in pool.values()), f"the {exam.upper()} bank")
    counts = plan.allocate(n_items)
    short = 0
    for d, n in counts.items():
        if n > len(pool[d]):
            short += n - len(pool[d])
            counts[d] = len(pool[d])
    by_share = sorted(plan.domains, key=lambda d: d.weight, reverse=True)
    while short:
        for d in by_share:
            if short and counts[d.id] < len(pool[d.id]):
                counts[d.id] += 1
                short -= 1
    rng = random.Random(seed)
    chosen: list[Item] = []
    for d in plan.domain_ids:
        chosen.extend(rng.sample(pool[d], counts[d]))
    rng.shuffle(chosen)
    return ExamPlan(exam, "exam", tuple(i.id for i in chosen), plan.minutes_for(n_items) * 60)


def plan_quiz(exam: str, domain: str, n_items: int, seed: int | None = None) -> ExamPlan:
    """A short quiz on one blueprint domain, timed at the real exam's pace."""
    exam = _exam_key(exam)
    plan = blueprint(exam)
    try:
        plan.domain(domain)
    except KeyError as exc:
        raise ExamError(exc.args[0]) from None
    pool = items_for(exam, domain)
    _check_count(n_items, len(pool), f"domain {domain!r} of the {exam.upper()} bank")
    chosen = random.Random(seed).sample(pool, n_items)
    return ExamPlan(exam, "quiz", tuple(i.id for i in chosen), plan.minutes_for(n_items) * 60, domain)


def plan_review(
    store: ProgressStore, exam: str | None = None, limit: int = 20, now: float | None = None
) -> ExamPlan:
    """The items due in the review queue (missed before), timed at the real exam's pace."""
    key = _exam_key(exam) if exam else None
    due = store.due_items(time.time() if now is None else now, key, limit)
    if not due:
        raise ExamError("no items are due for review; missed items join the queue when an exam is submitted")
    exams = {get_item(i).exam for i in due}
    minutes = sum(blueprint(e).minutes_for(1) for e in (get_item(i).exam for i in due))
    return ExamPlan(key or (exams.pop() if len(exams) == 1 else "mixed"), "review", tuple(due), minutes * 60)


@dataclass(frozen=True)
class ReviewEntry:
    """One item after submission: what was asked, answered and expected, and why."""

    item: Item
    response: object
    credit: float

    @property
    def your_answer(self) -> str:
        return describe_response(self.item, self.response)


class ExamSession:
    """One attempt, live. Every change is saved before the method returns."""

    def __init__(self, store: ProgressStore, attempt_id: int, clock: Callable[[], float] = time.time):
        row = store.attempt(attempt_id)
        if row is None:
            raise ExamError(f"no attempt {attempt_id} in {store.path}")
        self.store, self.id, self.clock = store, attempt_id, clock
        self.exam, self.mode, self.domain = row["exam"], row["mode"], row["domain"]
        self.items = [get_item(i) for i in row["item_ids"]]
        self.time_limit_s = row["time_limit_s"]
        self._elapsed = row["elapsed_s"]
        self.position = row["position"]
        self.status = row["status"]
        self.report: ScoreReport | None = None
        if row["report"]:
            self.report = score_attempt(self.items, store.responses(attempt_id))
        self._started = None
        if self.status != "submitted":
            self._start_clock()

    # opening --------------------------------------------------------------------------------------

    @classmethod
    def start(
        cls, store: ProgressStore, plan: ExamPlan, clock: Callable[[], float] = time.time
    ) -> ExamSession:
        attempt_id = store.create_attempt(
            plan.exam, plan.mode, list(plan.item_ids), plan.time_limit_s, plan.domain
        )
        return cls(store, attempt_id, clock)

    @classmethod
    def resume(
        cls,
        store: ProgressStore,
        attempt_id: int | None = None,
        exam: str | None = None,
        clock: Callable[[], float] = time.time,
    ) -> ExamSession:
        """Reopen an attempt (the newest unfinished one when no id is given); time away is not counted."""
        if attempt_id is None:
            open_ = store.open_attempts(_exam_key(exam) if exam else None)
            if not open_:
                raise ExamError("there is no unfinished attempt to resume; start a new exam")
            attempt_id = open_[0]["id"]
        session = cls(store, attempt_id, clock)
        if session.status == "submitted":
            raise ExamError(f"attempt {attempt_id} was already submitted; start a new exam or review it")
        return session

    # clock ----------------------------------------------------------------------------------------

    def _start_clock(self) -> None:
        self._started = self.clock()
        self.status = "active"
        self.store.update_attempt(self.id, status="active", clock_started=self._started)

    @property
    def elapsed_s(self) -> float:
        running = self.clock() - self._started if self._started is not None else 0.0
        return self._elapsed + max(0.0, running)

    @property
    def remaining_s(self) -> float:
        return max(0.0, self.time_limit_s - self.elapsed_s)

    @property
    def expired(self) -> bool:
        return self.remaining_s <= 0

    def _fold_clock(self) -> None:
        if self._started is not None:
            now = self.clock()
            self._elapsed += max(0.0, now - self._started)
            self._started = now

    def pause(self) -> None:
        """Stop the clock; the attempt waits, saved, until :meth:`resume_clock` or :meth:`resume`."""
        self._open()
        self._fold_clock()
        self._started = None
        self.status = "paused"
        self.store.update_attempt(self.id, status="paused", elapsed_s=self._elapsed, clock_started=None)

    def resume_clock(self) -> None:
        if self.status == "paused":
            self._start_clock()

    # answering ------------------------------------------------------------------------------------

    def _open(self) -> None:
        if self.status == "submitted":
            raise ExamError("this attempt is submitted; start a new exam to keep practising")
        if self.expired:
            self.submit()
            raise ExamError("time is up: the attempt was submitted with the answers given so far")
        if self.status == "paused":
            raise ExamError("the exam is paused; resume it to continue")

    @property
    def current(self) -> Item:
        return self.items[self.position]

    def responses(self) -> dict[str, object]:
        return self.store.responses(self.id)

    def flagged(self) -> set[str]:
        return self.store.flags(self.id)

    def answer(self, response: object, item_id: str | None = None) -> None:
        """Record an answer (a letter, codes, or a case dict) for the current or a given item."""
        self._open()
        item_id = item_id or self.current.id
        if item_id not in {i.id for i in self.items}:
            raise ExamError(f"item {item_id} is not part of this attempt")
        self._fold_clock()
        self.store.save_response(
            self.id,
            item_id,
            response,
            elapsed_s=self._elapsed,
            clock_started=self._started,
            position=self.position,
        )

    def flag(self, on: bool = True, item_id: str | None = None) -> None:
        self._open()
        self.store.set_flag(self.id, item_id or self.current.id, on)

    def goto(self, index: int) -> Item:
        self._open()
        if not 0 <= index < len(self.items):
            raise ExamError(f"there are {len(self.items)} questions; choose 1 to {len(self.items)}")
        self.position = index
        self._fold_clock()
        self.store.update_attempt(
            self.id, position=index, elapsed_s=self._elapsed, clock_started=self._started
        )
        return self.current

    def next(self) -> Item:
        return self.goto(min(self.position + 1, len(self.items) - 1))

    def previous(self) -> Item:
        return self.goto(max(self.position - 1, 0))

    def unanswered(self) -> list[int]:
        answered = self.responses()
        return [n for n, i in enumerate(self.items) if answered.get(i.id) in (None, "", {})]

    # finishing ------------------------------------------------------------------------------------

    def submit(self) -> ScoreReport:
        """Score the attempt, store the result and move missed items into the review queue."""
        if self.status == "submitted" and self.report is not None:
            return self.report
        self._fold_clock()
        elapsed = min(self._elapsed, self.time_limit_s)
        responses = self.responses()
        credits = {i.id: credit(i, responses.get(i.id)) for i in self.items}
        self.report = score_attempt(self.items, responses)
        self.store.finish_attempt(self.id, credits, self.report.to_dict(), elapsed)
        self.store.record_reviews([(i.id, i.exam, credits[i.id] == 1.0) for i in self.items], self.clock())
        self._elapsed, self._started, self.status = elapsed, None, "submitted"
        return self.report

    def review(self, only_missed: bool = False) -> list[ReviewEntry]:
        """Each item with the answer given, the credit won, the key and the rationale (after submission)."""
        if self.status != "submitted":
            raise ExamError("submit the attempt before reviewing it; rationales would give answers away")
        responses = self.responses()
        entries = [ReviewEntry(i, responses.get(i.id), credit(i, responses.get(i.id))) for i in self.items]
        return [e for e in entries if e.credit < 1] if only_missed else entries
