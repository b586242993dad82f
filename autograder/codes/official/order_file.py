"""ICD-10-CM and ICD-10-PCS order files: fixed width, one code a line, headers and codes in order.

Layout (CMS/CDC "Code Descriptions in Tabular Order" and the PCS order file): order number in
columns 1-5, code in 7-13 (no dot), 1 in column 15 when the code is valid for a claim (0 for a
header), short title in 17-76, long title from column 78.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class OrderRecord:
    order: int
    code: str
    billable: bool
    short: str
    long: str


def parse(lines: Iterable[str]) -> Iterator[OrderRecord]:
    """Records from the file's lines; a line that breaks the layout raises ``ValueError``
    naming its line number."""
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        flag = line[14:15]
        order = line[0:5]
        code = line[6:13].strip()
        if flag not in ("0", "1") or not order.strip().isdigit() or not code.isalnum():
            raise ValueError(f"line {number} does not fit the order-file layout: {line[:40]!r}")
        yield OrderRecord(int(order), code, flag == "1", line[16:76].strip(), line[77:].strip())
