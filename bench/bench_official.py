"""Official release files: install time per code set from a local folder of the CDC/CMS files,
and, with them installed, index walk, index search, PCS build and HCPCS lookup latency.

The files are read from ``HIMLAB_SHARED_DATA`` or ``../shared/cms-data`` beside the project;
the releases are installed into a temporary cache, so the user's cache is left alone.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

WALKS = ("Bite, dog", "Fall, from, ladder", "Accident, automobile", "Fall, off, ladder", "Abuse, child")
SEARCHES = ("dog bite", "fall ladder", "struck by falling object", "burn")


def _data_folder() -> Path | None:
    here = Path(__file__).resolve().parents[1]
    for candidate in (os.environ.get("HIMLAB_SHARED_DATA"), here.parent / "shared" / "cms-data"):
        if candidate and (Path(candidate) / "SOURCES.md").is_file():
            return Path(candidate)
    return None


def _per_call_ms(action: Callable[[], object], repeat: int) -> float:
    """Median milliseconds per call over ``repeat`` rounds."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def _row(metric: str, value: float, unit: str) -> dict:
    return {"bench": "official", "metric": metric, "value": round(value, 3), "unit": unit}


def run() -> list[dict]:
    folder = _data_folder()
    if folder is None:
        print("bench_official: no CDC/CMS files (set HIMLAB_SHARED_DATA); skipped", file=sys.stderr)
        return []
    from autograder.codes import icd10cm
    from autograder.codes.official import cm_index, cm_tables, hcpcs_table, install, pcs

    rows = []
    saved = os.environ.get("HIMLAB_CACHE")
    with tempfile.TemporaryDirectory() as cache:
        os.environ["HIMLAB_CACHE"] = cache
        try:
            for code_set in ("icd10cm", "icd10pcs", "hcpcs"):
                started = time.perf_counter()
                install.install_from_folder(code_set, folder, log=lambda message: None)
                seconds = time.perf_counter() - started
                rows.append(_row(f"install {code_set} from a local folder", seconds, "s"))
            cm_index.walk("Bite, dog", index="external")  # open the database once before timing
            rows += [
                _row(
                    "External Cause Index walk, per path (see and nemod cases)",
                    _per_call_ms(lambda: [cm_index.walk(p, index="external") for p in WALKS], 200)
                    / len(WALKS),
                    "ms",
                ),
                _row(
                    "External Cause Index search, per query, limit 20",
                    _per_call_ms(lambda: [cm_index.search(s, index="external") for s in SEARCHES], 200)
                    / len(SEARCHES),
                    "ms",
                ),
                _row(
                    "ICD-10-CM search with the External Cause Index installed, per query",
                    _per_call_ms(lambda: [icd10cm.search(s) for s in SEARCHES], 200) / len(SEARCHES),
                    "ms",
                ),
                _row(
                    "Table of Drugs and Chemicals lookup",
                    _per_call_ms(lambda: cm_tables.drug_table("Acetaminophen", "adverse effect"), 200),
                    "ms",
                ),
                _row("PCS build, 7 characters", _per_call_ms(lambda: pcs.build("0DTJ0ZZ"), 100), "ms"),
                _row("PCS build, next values after 3", _per_call_ms(lambda: pcs.build("0DT"), 100), "ms"),
                _row("HCPCS lookup", _per_call_ms(lambda: hcpcs_table.lookup("J1100"), 1000), "ms"),
            ]
        finally:
            if saved is None:
                os.environ.pop("HIMLAB_CACHE", None)
            else:
                os.environ["HIMLAB_CACHE"] = saved
    return rows
