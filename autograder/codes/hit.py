"""One search result, the same for every code set: the code, its title, whether it can be reported."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Hit:
    code: str
    title: str
    billable: bool
