"""Lookup and validate rates for ICD-10-PCS, HCPCS Level II, CPT, place of service and modifiers.

The issue sets no targets for these code sets: the rows only report. Each rate is measured warm (after
one pass that fills the in-memory tables) over a fixed mix of valid and invalid input.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence

ROUNDS = 3


def _rate(func: Callable[[object], object], items: Sequence[object]) -> float:
    for item in items:
        func(item)
    best = float("inf")
    for _ in range(ROUNDS):
        started = time.perf_counter()
        for item in items:
            func(item)
        best = min(best, time.perf_counter() - started)
    return len(items) / best


def _row(bench: str, metric: str, value: float, unit: str) -> dict:
    return {"bench": bench, "metric": metric, "value": round(value, 3), "unit": unit}


def _pcs_rows() -> list[dict]:
    code = "from autograder.codes import icd10pcs; icd10pcs.lookup('0DTJ4ZZ')"
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    cold = time.perf_counter() - started

    from autograder.codes import icd10pcs
    from autograder.codes.icd10pcs import titles

    started = time.perf_counter()
    valid = list(icd10pcs.all_codes())
    all_codes_s = time.perf_counter() - started
    sample = valid[::4]
    invalid = [c[:6] + ("X" if c[6] != "X" else "Y") for c in sample[::10]]
    malformed = ["", "0DTJ4Z", "0DTJ4ZI", "ADTJ4ZZ", "0ZTJ4ZZ"] * 20
    mix = sample + invalid + malformed + list(titles.titles().keys() - set(valid))

    queries = [
        "resection appendix",
        "bypass coronary artery",
        "excision stomach",
        "drainage pleural cavity",
        "insertion infusion device",
        "replacement knee joint",
        "fusion lumbar vertebral",
        "dilation coronary",
        "transfusion red blood cells",
        "introduction anti-infective",
        "computerized tomography head",
        "magnetic resonance imaging brain",
        "delivery products of conception",
        "extraction cataract",
        "repair hernia inguinal",
        "reposition fracture femur",
        "inspection abdomen",
        "cesarean",
        "tracheostomy",
        "bronchoscopy",
    ]
    times = []
    for query in queries * 3:
        started = time.perf_counter()
        icd10pcs.search(query)
        times.append((time.perf_counter() - started) * 1000)
    p95 = statistics.quantiles(times[len(queries) :], n=20)[18]
    return [
        _row("icd10pcs", "cold start: import + first lookup (fresh process)", cold, "s"),
        _row("icd10pcs", "all_codes first pass (FY2026 validity of every titled code)", all_codes_s, "s"),
        _row("icd10pcs", "lookup", _rate(icd10pcs.lookup, mix), "codes/s"),
        _row("icd10pcs", "validate", _rate(icd10pcs.validate, mix), "codes/s"),
        _row("icd10pcs", "search p95 (20 queries)", p95, "ms"),
    ]


def _simple_rows() -> list[dict]:
    from autograder.codes import cpt, hcpcs, modifiers, pos

    hcpcs_mix = list(hcpcs.all_codes()) + ["E1100", "D0120", "99213", "J110", "F1234", ""] * 20
    cpt_mix = [f"{n:05d}" for n in range(0, 100000, 37)] + ["3074F", "0042T", "0001U", "1234A", ""] * 20
    pos_mix = [f"{n:02d}" for n in range(100)] + ["1A", "", "011"] * 10
    modifier_mix = [m.modifier for m in modifiers.all_modifiers()] + ["HZ", "ABC", "", "-25", " lt "] * 10
    rows = []
    for name, module, mix in (("hcpcs", hcpcs, hcpcs_mix), ("cpt", cpt, cpt_mix), ("pos", pos, pos_mix)):
        rows.append(_row(name, "lookup", _rate(module.lookup, mix), "codes/s"))
        rows.append(_row(name, "validate", _rate(module.validate, mix), "codes/s"))
    rows.append(_row("modifiers", "lookup", _rate(modifiers.lookup, modifier_mix), "modifiers/s"))
    rows.append(_row("modifiers", "validate", _rate(modifiers.validate, modifier_mix), "modifiers/s"))
    return rows


def run() -> list[dict]:
    return _pcs_rows() + _simple_rows()
