"""A progress bar on stderr: redrawn in place on a terminal, one line per step in a log."""

from __future__ import annotations

import sys
import time
from typing import TextIO

WIDTH = 30


class ProgressBar:
    """``[#######.......] 12/40  student-id graded  00:35``."""

    def __init__(self, total: int, label: str, stream: TextIO | None = None):
        self.total, self.label, self.done = total, label, 0
        self.stream = stream or sys.stderr
        self.live = self.stream.isatty()
        self.started = time.monotonic()
        if self.live:
            self._draw("")

    def _line(self, note: str) -> str:
        filled = WIDTH * self.done // max(self.total, 1)
        minutes, seconds = divmod(int(time.monotonic() - self.started), 60)
        bar = "#" * filled + "." * (WIDTH - filled)
        return f"{self.label} [{bar}] {self.done}/{self.total}  {minutes:02d}:{seconds:02d}  {note}"

    def _draw(self, note: str) -> None:
        self.stream.write("\r\033[K" + self._line(note))
        self.stream.flush()

    def advance(self, note: str) -> None:
        self.done += 1
        if self.live:
            self._draw(note)
        else:
            self.stream.write(self._line(note) + "\n")
            self.stream.flush()

    def close(self) -> None:
        if self.live:
            self.stream.write("\n")
            self.stream.flush()
