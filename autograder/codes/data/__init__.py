"""Package data for the code sets: small CSV/JSON tables, each stating its source and effective date.

CSV tables open with ``# key: value`` comment lines (about, source, effective...) before the header row.
"""

from __future__ import annotations

import csv
import json
from importlib import resources


def _text(name: str) -> str:
    return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")


def read_csv(name: str) -> tuple[dict[str, str], list[dict[str, str]]]:
    """``(metadata, rows)`` of a packaged CSV table; metadata comes from its ``# key: value`` lines."""
    meta: dict[str, str] = {}
    body = []
    for line in _text(name).splitlines():
        if line.startswith("#"):
            key, _, value = line[1:].partition(":")
            meta[key.strip()] = value.strip()
        elif line:
            body.append(line)
    return meta, list(csv.DictReader(body))


def read_json(name: str) -> dict:
    return json.loads(_text(name))
