"""Helpers the dataset tests share: reading the files, the datasets' as-of day, the official files."""

from __future__ import annotations

import csv
import json
import os
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
COMMITTED = REPO / "datasets"
AS_OF = date(2026, 9, 30)  # the datasets' "today": validate with it, not with the machine's clock


def read_csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def read_json(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))


def shared_data() -> Path | None:
    """The official CDC/CMS files: ``$HIMLAB_SHARED_DATA``, else ``../shared/cms-data`` beside the repo."""
    candidates = [os.environ.get("HIMLAB_SHARED_DATA"), REPO.parent / "shared" / "cms-data"]
    return next((Path(c) for c in candidates if c and (Path(c) / "SOURCES.md").is_file()), None)
