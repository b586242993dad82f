"""The two ways X12 work can fail: input that cannot be read, and a claim the 837 cannot hold."""

from __future__ import annotations


class X12Error(ValueError):
    """X12 text that cannot be read as an 837; the message names the segment (counted from 1, ISA is
    segment 1) and says what is wrong. ``segment`` holds that number (0 when the text has none)."""

    def __init__(self, message: str, segment: int = 0):
        self.segment = segment
        where = f"segment {segment}: " if segment else ""
        super().__init__(where + message)


class X12WriteError(ValueError):
    """A claim that lacks data the 837 requires (or holds a character the 837 reserves); the message
    names each field and how to fix it."""
