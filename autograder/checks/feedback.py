"""What a check says back: right or not, and the kinds of mistake found in the learner's own answer."""

from __future__ import annotations

import html
from dataclasses import dataclass


@dataclass(frozen=True)
class Mistake:
    """One kind of mistake (``kind`` is a stable id such as ``not-billable``) and what to do about it.

    ``detail`` is the code set's own, more specific explanation, when the mistake came from one.
    """

    kind: str
    message: str
    detail: str | None = None


@dataclass(frozen=True)
class Feedback:
    """The result of a self-check. True when the answer is right; shows itself as text or HTML."""

    question: str
    correct: bool
    mistakes: tuple[Mistake, ...] = ()

    def __bool__(self) -> bool:
        return self.correct

    @property
    def kinds(self) -> list[str]:
        return [m.kind for m in self.mistakes]

    @property
    def headline(self) -> str:
        if self.correct:
            return f"{self.question}: correct."
        if self.kinds == ["blank"]:
            return f"{self.question}: no answer yet."
        return f"{self.question}: not yet."

    def __str__(self) -> str:
        lines = [self.headline] + [f"  - {m.message}" for m in self.mistakes]
        return "\n".join(lines)

    def __repr__(self) -> str:
        return str(self)

    def _repr_html_(self) -> str:
        colour = "#1a7f37" if self.correct else "#9a6700"
        mark = "&#10004;" if self.correct else "&#9998;"
        items = "".join(f"<li>{html.escape(m.message)}</li>" for m in self.mistakes)
        body = f"<ul style='margin:4px 0 0 0'>{items}</ul>" if items else ""
        return (
            f"<div class='himlab-feedback' style='border-left:4px solid {colour};padding:4px 10px'>"
            f"<b style='color:{colour}'>{mark} {html.escape(self.headline)}</b>{body}</div>"
        )
