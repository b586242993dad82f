"""Dataset generation: time and peak memory to generate 100,000 clean claims (with their encounters,
flawed copies, 837 files, remittances, EHR extract and release-of-information log).

The generation runs in a fresh process so that its peak memory (max RSS) is its own; the folder it
writes to is removed afterwards.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CLAIMS = 100_000
PATIENTS = 20_000
SCRIPT = (
    "import json, sys\n"
    "from autograder.datasets import generate\n"
    "m = generate(sys.argv[1], seed=42, patients=int(sys.argv[2]), claims=int(sys.argv[3]))\n"
    "print(json.dumps(m['counts']))\n"
)


def _run(out: str) -> tuple[float, float, dict, int]:
    """(seconds, peak RSS in MiB, counts, bytes written) of one generation in a child process."""
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", SCRIPT, out, str(PATIENTS), str(CLAIMS)], stdout=subprocess.PIPE, text=True
    )
    stdout = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    if status != 0:
        raise RuntimeError(f"dataset generation failed with status {status}")
    size = sum(f.stat().st_size for f in Path(out).rglob("*") if f.is_file())
    peak = usage.ru_maxrss / (2**20 if sys.platform == "darwin" else 2**10)  # bytes on macOS, KiB on Linux
    return seconds, peak, json.loads(stdout), size


def run() -> list[dict]:
    out = tempfile.mkdtemp(prefix="himlab-bench-datasets-")
    try:
        seconds, peak_mib, counts, size = _run(out)
    finally:
        shutil.rmtree(out, ignore_errors=True)
    name = "datasets"
    return [
        {
            "bench": name,
            "metric": f"generate {CLAIMS:,} clean claims: time",
            "value": round(seconds, 1),
            "unit": "s",
        },
        {
            "bench": name,
            "metric": "clean claims per second",
            "value": round(counts["clean_claims"] / seconds),
            "unit": "claims/s",
        },
        {"bench": name, "metric": "peak memory (max RSS)", "value": round(peak_mib, 1), "unit": "MiB"},
        {
            "bench": name,
            "metric": "flawed claims planted",
            "value": counts["flawed_claims"],
            "unit": "claims",
        },
        {"bench": name, "metric": "encounters", "value": counts["encounters"], "unit": "encounters"},
        {"bench": name, "metric": "files written", "value": round(size / 2**20, 1), "unit": "MiB"},
    ]
