"""What release of a code set is in use: code set, year, effective dates, source, file hashes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Release:
    """One release of one code set (ICD-10-CM FY2026, HCPCS 2026 Q1, ...)."""

    code_set: str
    year: int
    effective_from: date
    effective_to: date
    source: str
    files: dict[str, str] = field(default_factory=dict)  # file name -> sha256

    @property
    def label(self) -> str:
        kind = "CY" if self.code_set in {"hcpcs", "pos", "cpt"} else "FY"
        return f"{self.code_set} {kind}{self.year}"

    def covers(self, on: date) -> bool:
        return self.effective_from <= on <= self.effective_to
