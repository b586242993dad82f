"""Fixtures for the official-files tests: the exact CDC/CMS copies in ``../shared/cms-data`` (or
``HIMLAB_SHARED_DATA``), installed once per session into a cache of their own."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from autograder.codes.official import install

HERE = Path(__file__).resolve().parent
SAMPLE_INDEX = HERE / "data" / "icd10cm-index-sample-2026.xml"


def shared_data() -> Path | None:
    candidates = [os.environ.get("HIMLAB_SHARED_DATA"), HERE.parents[2] / "shared" / "cms-data"]
    return next((Path(c) for c in candidates if c and (Path(c) / "SOURCES.md").is_file()), None)


@pytest.fixture(scope="session")
def cms_data() -> Path:
    found = shared_data()
    if found is None:
        pytest.skip("the CDC/CMS file copies are not here; set HIMLAB_SHARED_DATA to their folder")
    return found


def quiet(message: str) -> None:
    """Install log sink for tests."""


@pytest.fixture(scope="session")
def install_log() -> list[str]:
    """What installing the session's releases reported."""
    return []


@pytest.fixture(scope="session")
def installed_cache(cms_data: Path, tmp_path_factory: pytest.TempPathFactory, install_log: list[str]) -> Path:
    """A cache holding ICD-10-CM, ICD-10-PCS and HCPCS as installed from the shared copies."""
    cache = tmp_path_factory.mktemp("himlab-cache")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("HIMLAB_CACHE", str(cache))
        for code_set in ("icd10cm", "icd10pcs", "hcpcs"):
            install.install_from_folder(code_set, cms_data, 2026, log=install_log.append)
    return cache


@pytest.fixture
def cache(installed_cache: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point HIMLAB_CACHE at the session's installed releases for one test."""
    monkeypatch.setenv("HIMLAB_CACHE", str(installed_cache))
    return installed_cache


@pytest.fixture
def empty_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache of this test's own, with nothing installed."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("HIMLAB_CACHE", str(folder))
    monkeypatch.delenv("HIMLAB_DATA_MIRROR", raising=False)
    monkeypatch.delenv("HIMLAB_DATA_BASE_URL", raising=False)
    return folder


@pytest.fixture(scope="session")
def sample_cache(cms_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """FY2026 order file plus the hand-made index, installed as an Alphabetic Index."""
    folder = tmp_path_factory.mktemp("sample-files")
    shutil.copy(cms_data / "icd10cm" / "icd10cm_order_2026.txt.gz", folder)
    shutil.copy(SAMPLE_INDEX, folder)
    cache = tmp_path_factory.mktemp("sample-cache")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("HIMLAB_CACHE", str(cache))
        install.install_from_folder("icd10cm", folder, 2026, log=quiet)
    return cache


@pytest.fixture
def sample(sample_cache: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("HIMLAB_CACHE", str(sample_cache))
    return sample_cache
