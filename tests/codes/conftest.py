"""Shared fixtures for the code-set tests: the ICD-10-CM index (built once per run) and the CMS files."""

from __future__ import annotations

import gzip
import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def shared_data() -> Path:
    """The official CDC/CMS files: ``$HIMLAB_SHARED_DATA``, else ``../shared/cms-data`` beside the repo."""
    configured = os.environ.get("HIMLAB_SHARED_DATA")
    return Path(configured) if configured else REPO.parent / "shared" / "cms-data"


@pytest.fixture(scope="session")
def packaged_cache(tmp_path_factory) -> Path:
    """A cache folder for this run only: the packaged defaults, no official release installed."""
    return tmp_path_factory.mktemp("himlab-cache")


@pytest.fixture(autouse=True)
def packaged_defaults(packaged_cache, monkeypatch):
    """These tests check the packaged defaults, whatever the user's own cache has installed."""
    monkeypatch.setenv("HIMLAB_CACHE", str(packaged_cache))


@pytest.fixture(scope="session")
def icd10cm_index(packaged_cache):
    """The ICD-10-CM index, built once per run."""
    from autograder.codes import icd10cm

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HIMLAB_CACHE", str(packaged_cache))
        table = icd10cm.index_table()
        icd10cm.release()  # hashes the source once, remembering the hash in the same folder
    return table


@pytest.fixture(scope="session")
def cms_icd10cm_order() -> dict[str, tuple[bool, str]]:
    """The CMS FY2026 ICD-10-CM order file: code -> (billable, long title); skips when it is not present."""
    path = shared_data() / "icd10cm" / "icd10cm_order_2026.txt.gz"
    if not path.is_file():
        pytest.skip(f"official file not present: {path}")
    with gzip.open(path, "rt", encoding="utf-8") as f:
        # fixed width: code in columns 7-13, billable flag in 15, long title from 78
        return {line[6:13].strip(): (line[14] == "1", line[77:].rstrip("\r\n")) for line in f}


@pytest.fixture(scope="session")
def cms_icd10cm_billable() -> set[str]:
    """The CMS FY2026 ICD-10-CM codes file: the official list of billable codes."""
    path = shared_data() / "icd10cm" / "icd10cm_codes_2026.txt.gz"
    if not path.is_file():
        pytest.skip(f"official file not present: {path}")
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return {line[:7].strip() for line in f if line.strip()}
