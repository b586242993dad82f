"""Spaced repetition for missed items: a Leitner system of five boxes.

A missed item enters box 1 and is due at once. Each later right answer moves it up one box and
spaces the next review further out; a wrong answer sends it back to box 1. An item answered right in
box 5 has been learned and leaves the queue.
"""

from __future__ import annotations

DAY = 86_400.0
BOX_INTERVAL_DAYS = {1: 0, 2: 1, 3: 3, 4: 7, 5: 21}
LAST_BOX = max(BOX_INTERVAL_DAYS)


def next_box(box: int | None, correct: bool) -> int | None:
    """The box after an answer; ``None`` when the item leaves the queue (learned, or never missed)."""
    if not correct:
        return 1
    if box is None or box >= LAST_BOX:
        return None
    return box + 1


def due_at(box: int, now: float) -> float:
    """When an item in ``box`` is next due, ``now`` being seconds since the epoch."""
    return now + BOX_INTERVAL_DAYS[box] * DAY
