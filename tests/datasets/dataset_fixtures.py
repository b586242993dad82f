"""Fixtures for the dataset tests: the committed default set in ``datasets/``, a small fresh set, and
the official CDC/CMS files when present. Test modules load it with ``pytest_plugins`` (a module of
its own name, so it never shadows another folder's ``conftest``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from dataset_files import COMMITTED, shared_data


@pytest.fixture(scope="session")
def committed() -> Path:
    if not (COMMITTED / "manifest.json").is_file():
        pytest.fail("datasets/manifest.json is missing: run `himlab datasets generate --out datasets`")
    return COMMITTED


@pytest.fixture(scope="session")
def small_set(tmp_path_factory) -> Path:
    from autograder.datasets import generate

    out = tmp_path_factory.mktemp("small")
    generate(out, seed=7, patients=60, claims=80)
    return out


@pytest.fixture(scope="session")
def official_files() -> Path:
    found = shared_data()
    if found is None:
        pytest.skip("the CDC/CMS file copies are not here; set HIMLAB_SHARED_DATA to their folder")
    return found
