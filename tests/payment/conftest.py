"""Shared pieces for the payment tests: where the official CMS/CDC files are."""

from __future__ import annotations

import os
from pathlib import Path

import pytest


def shared_data() -> Path | None:
    """``$HIMLAB_SHARED_DATA`` or ``../shared/cms-data`` beside the repository, when present."""
    env = os.environ.get("HIMLAB_SHARED_DATA")
    folder = Path(env) if env else Path(__file__).resolve().parents[3] / "shared" / "cms-data"
    return folder if folder.is_dir() else None


@pytest.fixture(scope="session")
def cms_data() -> Path:
    folder = shared_data()
    if folder is None:
        pytest.skip(
            "official CMS files not found: set HIMLAB_SHARED_DATA or place them in ../shared/cms-data"
        )
    return folder
