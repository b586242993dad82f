"""Writing the files byte for byte the same on every run: sorted JSON keys, ``\\n`` line ends, CSV
columns in a fixed order, and X12 envelopes with a fixed creation time and numbered control numbers."""

from __future__ import annotations

import csv
import json
from datetime import datetime
from pathlib import Path

X12_CREATED = datetime(2026, 9, 30, 12, 0)  # the as-of day; no file carries the time it was generated
X12_CLAIMS_PER_FILE = 1000


class JsonArrayWriter:
    """A JSON list written one item per line (large sets never sit in memory whole; each line is one
    claim or encounter, easy to grep and to diff)."""

    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.file = path.open("w", encoding="utf-8", newline="\n")
        self.count = 0
        self.file.write("[")

    def write(self, item: dict) -> None:
        text = json.dumps(item, sort_keys=True, ensure_ascii=True)
        self.file.write(("," if self.count else "") + "\n" + text)
        self.count += 1

    def close(self) -> None:
        self.file.write("\n]\n" if self.count else "]\n")
        self.file.close()


class CsvWriter:
    def __init__(self, path: Path, fields: tuple[str, ...]):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.file = path.open("w", encoding="utf-8", newline="")
        self.writer = csv.DictWriter(self.file, fieldnames=list(fields), lineterminator="\n")
        self.writer.writeheader()
        self.count = 0

    def write(self, row: dict) -> None:
        self.writer.writerow({k: _cell(v) for k, v in row.items()})
        self.count += 1

    def close(self) -> None:
        self.file.close()


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.2f}"
    return value


class X12Writer:
    """837 interchanges of up to ``X12_CLAIMS_PER_FILE`` claims each: ``<prefix>_0001.x12`` ..."""

    def __init__(self, folder: Path, prefix: str, kind: str, first_control: int):
        self.folder = folder
        self.prefix = prefix
        self.kind = kind
        self.control = first_control
        self.batch: list[dict] = []
        self.files: list[Path] = []

    def write(self, claim: dict) -> None:
        self.batch.append(claim)
        if len(self.batch) == X12_CLAIMS_PER_FILE:
            self.flush()

    def flush(self) -> None:
        if not self.batch:
            return
        from autograder.claims.x12 import Envelope, to_x12

        envelope = Envelope(control_number=self.control, created=X12_CREATED)
        path = self.folder / f"{self.prefix}_{len(self.files) + 1:04d}.x12"
        path.parent.mkdir(parents=True, exist_ok=True)
        text = to_x12(self.batch, self.kind, envelope=envelope)
        path.write_text(text, encoding="ascii", newline="\n")
        self.files.append(path)
        self.control += 1
        self.batch = []

    def close(self) -> None:
        self.flush()
