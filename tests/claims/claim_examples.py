"""The example claims as dicts and a fixed "today", shared by the claim tests."""

from __future__ import annotations

import json
from datetime import date
from importlib import resources

TODAY = date(2026, 11, 27)


def example_dict(form: str) -> dict:
    text = resources.files("autograder.claims").joinpath(f"examples/{form}.json").read_text()
    return json.loads(text)
