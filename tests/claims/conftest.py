"""Shared pieces for the claim tests: the example claims as dicts and a fixed "today"."""

from __future__ import annotations

import copy
import json
from datetime import date
from importlib import resources

import pytest

TODAY = date(2026, 11, 27)


def example_dict(form: str) -> dict:
    text = resources.files("autograder.claims").joinpath(f"examples/{form}.json").read_text()
    return json.loads(text)


@pytest.fixture(scope="session")
def packaged_cache(tmp_path_factory):
    """A cache folder for this run only: the packaged code sets, no official release installed."""
    return tmp_path_factory.mktemp("himlab-cache")


@pytest.fixture(autouse=True)
def packaged_defaults(packaged_cache, monkeypatch):
    """Claims are checked against the packaged code sets, whatever the user's own cache holds."""
    monkeypatch.setenv("HIMLAB_CACHE", str(packaged_cache))


@pytest.fixture
def prof() -> dict:
    return copy.deepcopy(example_dict("cms1500"))


@pytest.fixture
def inst() -> dict:
    return copy.deepcopy(example_dict("ub04"))
