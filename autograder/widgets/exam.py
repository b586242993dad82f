"""``ExamWidget``: a timed CPC, CCA, CCS or RHIT practice exam in JupyterLab.

One question at a time, with option buttons or a code box (two boxes for a coding case), a running
clock, previous/next and a jump list, a flag for review, pause and submit. After submission it shows
the score, a bar per blueprint domain, progress over past attempts and every question with its key
and rationale. Every answer is saved as it is given (see :mod:`autograder.exam.store`), so a closed
tab or a restarted kernel loses nothing: ``ExamWidget(resume=True)`` opens the attempt again.

Outside a live kernel (a plain Python shell, a converted notebook) it prints a text view instead::

    from autograder.widgets import ExamWidget
    ExamWidget(exam="cpc", items=20)
"""

from __future__ import annotations

import html
import time
from collections.abc import Callable

from autograder.exam.blueprint import load_blueprints
from autograder.exam.engine import ExamError, ExamSession, plan_exam, plan_quiz, plan_review
from autograder.exam.items import LETTERS
from autograder.exam.store import ProgressStore


def _live_kernel() -> bool:
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    shell = get_ipython()
    return shell is not None and getattr(shell, "kernel", None) is not None


def _clock_text(seconds: float) -> str:
    seconds = max(0, int(seconds))
    return f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


def _bar(percent: float, colour: str = "#2b6cb0") -> str:
    width = max(0.0, min(100.0, percent))
    return (
        '<div style="background:#e2e8f0;width:240px;height:12px;display:inline-block">'
        f'<div style="background:{colour};width:{width:.0f}%;height:12px"></div></div>'
    )


class ExamWidget:
    """A practice exam (``items`` drawn by blueprint), a domain quiz (``domain``), a review of due
    missed items (``review=True``) or the newest unfinished attempt (``resume=True``)."""

    def __init__(
        self,
        exam: str = "cpc",
        items: int = 20,
        domain: str | None = None,
        review: bool = False,
        resume: bool = False,
        seed: int | None = None,
        store: ProgressStore | None = None,
        clock: Callable[[], float] = time.time,
    ):
        self.store = store or ProgressStore()
        if resume:
            self.session = ExamSession.resume(self.store, exam=exam, clock=clock)
        elif review:
            self.session = ExamSession.start(self.store, plan_review(self.store, exam, limit=items), clock)
        elif domain:
            self.session = ExamSession.start(self.store, plan_quiz(exam, domain, items, seed), clock)
        else:
            self.session = ExamSession.start(self.store, plan_exam(exam, items, seed), clock)
        self._names = {d.id: d.name for plan in load_blueprints().values() for d in plan.domains}
        self._ui = None
        self._loading = False

    # text view ------------------------------------------------------------------------------------

    def text(self) -> str:
        """The current question (or the results once submitted) as plain text."""
        s = self.session
        if s.status == "submitted":
            lines = [f"{s.exam.upper()} {s.mode} submitted: {s.report.percent:.1f}%"]
            for domain in s.report.by_domain:
                lines.append(f"  {self._names.get(domain, domain)}: {s.report.domain_percent(domain):.1f}%")
            return "\n".join(lines)
        item = s.current
        lines = [
            f"{s.exam.upper()} {s.mode} (attempt {s.id}), question {s.position + 1} of {len(s.items)}, "
            f"time left {_clock_text(s.remaining_s)}",
            item.stem,
        ]
        lines += [f"  {letter}. {option}" for letter, option in zip(LETTERS, item.options, strict=False)]
        lines.append("Open this notebook in JupyterLab to answer, or use `himlab exam` in a terminal.")
        return "\n".join(lines)

    def __repr__(self) -> str:
        return f"<ExamWidget {self.session.exam} attempt {self.session.id}: {self.session.status}>"

    def _ipython_display_(self) -> None:
        if _live_kernel():
            from IPython.display import display

            display(self.widget)
        else:
            print(self.text())

    # live widget ----------------------------------------------------------------------------------

    @property
    def widget(self):
        """The ipywidgets box (built on first use)."""
        if self._ui is None:
            self._build()
        return self._ui

    def _build(self) -> None:
        import ipywidgets as w

        full = w.Layout(width="100%")
        # long option labels wrap instead of running into each other
        self.style = w.HTML(
            "<style>.himlab-exam .widget-radio-box label {display: flex; flex-direction: row-reverse;"
            " justify-content: flex-end; align-items: flex-start; gap: 6px;"
            " white-space: normal; height: auto; line-height: 1.35; margin-bottom: 6px;}"
            " .himlab-exam .widget-radio-box input {flex: none; margin-top: 3px;}</style>"
        )
        self.header = w.HTML()
        self.timer = w.HTML()
        self.stem = w.HTML(layout=full)
        self.choice = w.RadioButtons(options=[], value=None, layout=full)
        self.code = w.Text(
            placeholder="codes, separated by commas (e.g. E11.22, N18.31)",
            layout=full,
            continuous_update=False,
        )
        self.dx = w.Text(
            placeholder="diagnoses as CODE:POA, in order (e.g. K35.30:Y, E11.9:Y)",
            layout=full,
            continuous_update=False,
        )
        self.px = w.Text(placeholder="procedures (e.g. 0DTJ4ZZ)", layout=full, continuous_update=False)
        self.previous_button = w.Button(description="Previous", icon="arrow-left")
        self.next_button = w.Button(description="Next", icon="arrow-right")
        self.flag_button = w.ToggleButton(description="Flag for review", icon="flag")
        self.pause_button = w.ToggleButton(description="Pause", icon="pause")
        self.submit_button = w.Button(description="Submit exam", button_style="danger", icon="check")
        self.jump = w.Dropdown(description="Go to", layout=w.Layout(width="220px"))
        self.message = w.HTML()
        self.results = w.HTML(layout=full)
        self.tick = w.Play(
            interval=1000, min=0, max=10**9, value=0, playing=True, layout=w.Layout(display="none")
        )
        self.answer_box = w.VBox()
        self.question_box = w.VBox(
            [
                self.stem,
                self.answer_box,
                w.HBox([self.previous_button, self.next_button, self.flag_button, self.jump]),
                w.HBox([self.pause_button, self.submit_button]),
                self.message,
            ]
        )
        self._ui = w.VBox(
            [self.style, w.HBox([self.header, self.timer]), self.question_box, self.results, self.tick]
        )
        self._ui.add_class("himlab-exam")

        self.choice.observe(self._on_choice, names="value")
        for box in (self.code, self.dx, self.px):
            box.observe(self._on_text, names="value")
        self.previous_button.on_click(lambda _: self._move(self.session.position - 1))
        self.next_button.on_click(lambda _: self._move(self.session.position + 1))
        self.flag_button.observe(self._on_flag, names="value")
        self.pause_button.observe(self._on_pause, names="value")
        self.submit_button.on_click(lambda _: self._submit())
        self.jump.observe(self._on_jump, names="value")
        self.tick.observe(self._on_tick, names="value")
        self._render()

    # rendering ------------------------------------------------------------------------------------

    def _render(self) -> None:
        s = self.session
        title = f"{s.exam.upper()} {s.mode}" + (
            f" · {self._names.get(s.domain, s.domain)}" if s.domain else ""
        )
        self.header.value = f"<b>{html.escape(title)}</b> · attempt {s.id} &nbsp;"
        if s.status == "submitted":
            self.question_box.layout.display = "none"
            self.timer.value = ""
            self.tick.playing = False
            self.results.value = self._results_html()
            return
        self._loading = True
        item = s.current
        responses, flags = s.responses(), s.flagged()
        self.timer.value = f"Time left {_clock_text(s.remaining_s)}" + (
            " (paused)" if s.status == "paused" else ""
        )
        self.stem.value = (
            f"<p><b>Question {s.position + 1} of {len(s.items)}</b> "
            f"<small>({html.escape(self._names.get(item.domain, item.domain))})</small></p>"
            f"<p>{html.escape(item.stem)}</p>"
        )
        given = responses.get(item.id)
        if item.kind == "choice":
            self.choice.options = [
                (f"{letter}. {text}", letter) for letter, text in zip(LETTERS, item.options, strict=False)
            ]
            letters = [value for _, value in self.choice.options]
            self.choice.value = given if given in letters else None
            self.answer_box.children = [self.choice]
        elif item.kind == "code":
            self.code.value = given or ""
            self.answer_box.children = [self.code]
        else:
            self.dx.value = (given or {}).get("diagnoses", "")
            self.px.value = (given or {}).get("procedures", "")
            self.answer_box.children = [self.dx, self.px]
        self.flag_button.value = item.id in flags
        self.pause_button.value = s.status == "paused"
        self.pause_button.description = "Resume" if s.status == "paused" else "Pause"
        self.previous_button.disabled = s.position == 0
        self.next_button.disabled = s.position == len(s.items) - 1
        marks = []
        for n, i in enumerate(s.items):
            mark = (" ✓" if responses.get(i.id) not in (None, "", {}) else "") + (
                " ⚑" if i.id in flags else ""
            )
            marks.append((f"{n + 1}{mark}", n))
        self.jump.options = marks
        self.jump.value = s.position
        self._loading = False

    def _results_html(self) -> str:
        s, report = self.session, self.session.report
        parts = [
            f"<h3>Score: {report.percent:.1f}% ({report.earned:g} of {report.possible})</h3>",
            "<p>Score by domain</p><table>",
        ]
        for domain, (earned, possible) in report.by_domain.items():
            pct = report.domain_percent(domain)
            colour = "#2f855a" if pct >= 70 else "#c05621"
            parts.append(
                f"<tr><td>{html.escape(self._names.get(domain, domain))}</td><td>{_bar(pct, colour)}</td>"
                f"<td>{pct:.0f}% ({earned:g}/{possible})</td></tr>"
            )
        parts.append("</table>")
        history = [h for h in self.store.history(s.exam) if h["percent"] is not None]
        if history:
            parts.append("<p>Progress over time</p><table>")
            for h in history[-12:]:
                when = html.escape((h["submitted_at"] or "")[:16].replace("T", " "))
                parts.append(
                    f"<tr><td>{when} {h['mode']}</td><td>{_bar(h['percent'])}</td>"
                    f"<td>{h['percent']:.0f}%</td></tr>"
                )
            parts.append("</table>")
        parts.append("<p>Review (missed questions are now in your review queue)</p>")
        for entry in s.review():
            item = entry.item
            mark = "✓" if entry.credit == 1 else f"{entry.credit:.2f}" if entry.credit else "✗"
            parts.append(
                f"<details><summary>{mark} {html.escape(item.id)}: {html.escape(item.stem[:90])}…</summary>"
                f"<p>{html.escape(item.stem)}</p>"
                f"<p><b>Your answer:</b> {html.escape(entry.your_answer)}<br>"
                f"<b>Key:</b> {html.escape(item.answer_text())}</p>"
                f"<p>{html.escape(item.rationale)}</p>"
                f"<p><small>{html.escape('; '.join(item.references))}</small></p></details>"
            )
        return "".join(parts)

    # events ---------------------------------------------------------------------------------------

    def _guard(self, action: Callable[[], None]) -> None:
        try:
            action()
            self.message.value = ""
        except ExamError as exc:
            self.message.value = f"<span style='color:#c53030'>{html.escape(str(exc))}</span>"
        self._render()

    def _on_choice(self, change) -> None:
        if not self._loading and change["new"] is not None:
            self._guard(lambda: self.session.answer(change["new"]))

    def _on_text(self, change) -> None:
        if self._loading:
            return
        item = self.session.current
        if item.kind == "code":
            self._guard(lambda: self.session.answer(self.code.value))
        elif item.kind == "case":
            self._guard(
                lambda: self.session.answer({"diagnoses": self.dx.value, "procedures": self.px.value})
            )

    def _move(self, index: int) -> None:
        if 0 <= index < len(self.session.items):
            self._guard(lambda: self.session.goto(index))

    def _on_jump(self, change) -> None:
        if not self._loading and change["new"] is not None and change["new"] != self.session.position:
            self._move(change["new"])

    def _on_flag(self, change) -> None:
        if not self._loading:
            self._guard(lambda: self.session.flag(change["new"]))

    def _on_pause(self, change) -> None:
        if self._loading:
            return
        self._guard(self.session.pause if change["new"] else self.session.resume_clock)

    def _submit(self) -> None:
        self._guard(self.session.submit)

    def _on_tick(self, _change=None) -> None:
        s = self.session
        if s.status != "active":
            return
        if s.expired:
            s.submit()
            self.message.value = "Time is up: the exam was submitted."
            self._render()
        else:
            self.timer.value = f"Time left {_clock_text(s.remaining_s)}"
