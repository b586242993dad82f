"""Fixtures for the claim tests: the packaged code sets and fresh copies of the example claims."""

from __future__ import annotations

import copy

import pytest
from claim_examples import example_dict


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
