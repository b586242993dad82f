"""Where the ICD-10-CM source file lives, its sha256, and the release it carries.

The source is the CDC FY2026 tabular XML (April 1, 2026 update) that the ``simple-icd-10-cm``
package ships as data. We only read that file: importing the package would parse it again and
cost over a second, so the file is found through the import system without importing anything.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
from datetime import date
from functools import cache
from pathlib import Path

from autograder.codes.release import Release

PACKAGE = "simple_icd_10_cm"
FILE_NAME = "icd10c-tabular-April-1-2026.xml"
YEAR = 2026  # the fiscal year of the packaged tabular list
SOURCE = "CDC ICD-10-CM FY2026 tabular XML (April 1, 2026 update) from simple-icd-10-cm 1.5.0"


class SourceMissing(RuntimeError):
    """The tabular XML cannot be found; the message says how to get it."""


def tabular_path() -> Path:
    """The tabular XML inside the installed ``simple_icd_10_cm`` package (found without importing it)."""
    spec = importlib.util.find_spec(PACKAGE)
    locations = list(spec.submodule_search_locations or []) if spec else []
    for location in locations:
        path = Path(location) / "data" / FILE_NAME
        if path.is_file():
            return path
    raise SourceMissing(
        f"the ICD-10-CM tabular file {FILE_NAME} was not found; install it with "
        "`pip install 'simple-icd-10-cm>=1.5.0'` (or `make lab`, which installs the project)"
    )


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def file_hash(path: Path, memo_dir: Path) -> str:
    """sha256 of ``path``, remembered in ``memo_dir`` by size and mtime so a start-up does not re-read it."""
    stat = path.stat()
    stamp = {"path": str(path), "size": stat.st_size, "mtime_ns": stat.st_mtime_ns}
    memo = memo_dir / "icd10cm-source.json"
    try:
        saved = json.loads(memo.read_text())
        if {k: saved.get(k) for k in stamp} == stamp and isinstance(saved.get("sha256"), str):
            return saved["sha256"]
    except (OSError, ValueError):
        pass
    sha = sha256_of(path)
    try:
        memo_dir.mkdir(parents=True, exist_ok=True)
        tmp = memo.with_name(f"{memo.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps({**stamp, "sha256": sha}))
        os.replace(tmp, memo)
    except OSError:
        pass  # a read-only cache only costs a re-hash next time
    return sha


@cache
def release() -> Release:
    """ICD-10-CM FY2026: in effect October 1, 2025 to September 30, 2026."""
    from autograder.codes.cache import cache_dir

    path = tabular_path()
    return Release(
        code_set="icd10cm",
        year=YEAR,
        effective_from=date(YEAR - 1, 10, 1),
        effective_to=date(YEAR, 9, 30),
        source=SOURCE,
        files={path.name: file_hash(path, cache_dir())},
    )
