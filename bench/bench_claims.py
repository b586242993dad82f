"""Claim validation speed and memory: the full rule catalogue over synthetic claims.

Rows: claims validated per second on 10,000 professional (CMS-1500) and 10,000 institutional
(UB-04) claims, and the peak memory (max RSS of a fresh process) to load and validate 100,000.
Claims are the two example claims varied with real FY2026 codes drawn from the code sets, so the
per-batch memo is exercised as on real work, not on one repeated claim.
"""

from __future__ import annotations

import copy
import json
import random
import subprocess
import sys
import time
from datetime import date, timedelta

CPT_POOL = ["99213", "99214", "99203", "83036", "80053", "85025", "93000", "71046", "36415", "81105"]
FIRST_DAY = date(2026, 1, 1)  # in both FY2026 (ICD-10) and CY2026 (HCPCS)


def _pools(seed: int) -> dict:
    from autograder.codes import hcpcs, icd10cm, icd10pcs

    rng = random.Random(seed)
    dx = [c for c in icd10cm.all_codes() if c[0] not in "VWXYZ" and not c.startswith(("O", "P"))]
    return {
        "dx": rng.sample(dx, 400),
        "hcpcs": rng.sample(list(hcpcs.all_codes()), 60),
        "pcs": rng.sample(list(icd10pcs.all_codes()), 200),
    }


def synthetic_claims(n: int, form: str, seed: int = 2026) -> list[dict]:
    """``n`` claims of ``form`` (``cms1500``, ``ub04``) as dicts: the example claim with varied dates,
    codes, units and charges (mostly clean; some draw findings from the catalogue)."""
    from autograder.claims.load import example_json

    rng = random.Random(seed)
    pools = _pools(seed)
    base = json.loads(example_json(form))
    claims = []
    for i in range(n):
        d = copy.deepcopy(base)
        d["claim_id"] = f"{form}-{i}"
        day = FIRST_DAY + timedelta(days=rng.randrange(250))
        if form == "cms1500":
            d["diagnoses"] = rng.sample(pools["dx"], rng.randint(1, 4))
            for line in d["service_lines"]:
                line["service_from"] = line["service_to"] = day.isoformat()
                line["procedure_code"] = rng.choice(CPT_POOL + pools["hcpcs"])
                line["units"] = rng.randint(1, 3)
                line["charges"] = round(rng.uniform(20, 400), 2)
                line["diagnosis_pointers"] = ["A"]
            d["total_charge"] = round(sum(line["charges"] for line in d["service_lines"]), 2)
        else:
            stay = rng.randint(1, 6)
            d["statement_from"] = d["admission_date"] = day.isoformat()
            d["statement_through"] = (day + timedelta(days=stay)).isoformat()
            d["principal_diagnosis"] = {"code": rng.choice(pools["dx"]), "poa": "Y"}
            d["admitting_diagnosis"] = rng.choice(pools["dx"])
            others = rng.sample(pools["dx"], 3)
            d["other_diagnoses"] = [{"code": c, "poa": rng.choice("YNUW")} for c in others]
            d["principal_procedure"] = {"code": rng.choice(pools["pcs"]), "date": day.isoformat()}
            d["revenue_lines"][0]["units"] = stay
            for line in d["revenue_lines"]:
                line["total_charges"] = round(rng.uniform(50, 3000), 2)
            d["total_charges"] = round(sum(line["total_charges"] for line in d["revenue_lines"]), 2)
        claims.append(d)
    return claims


def _rate(form: str, n: int) -> dict:
    from autograder.claims import load_claims, validate_many

    claims = load_claims(synthetic_claims(n, form))
    started = time.perf_counter()
    table = validate_many(claims, today=date(2026, 11, 27))
    seconds = time.perf_counter() - started
    return {
        "bench": "claims",
        "metric": f"{form} claims validated per second ({n:,}, full rule set; {len(table):,} findings)",
        "value": n / seconds,
        "unit": "claims/s",
    }


_MEMORY_SCRIPT = """
import resource, sys, time
from datetime import date
sys.path.insert(0, {root!r})
from bench.bench_claims import synthetic_claims
from autograder.claims import validate_many
claims = synthetic_claims({half}, "cms1500") + synthetic_claims({half}, "ub04", seed=2027)
started = time.perf_counter()
table = validate_many(claims, today=date(2026, 11, 27))
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, time.perf_counter() - started, len(table))
"""


def _memory(n: int) -> list[dict]:
    from pathlib import Path

    root = str(Path(__file__).resolve().parent.parent)
    script = _MEMORY_SCRIPT.format(root=root, half=n // 2)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    out = done.stdout.split()
    peak_kb, seconds, findings = int(out[0]), float(out[1]), int(out[2])
    return [
        {
            "bench": "claims",
            "metric": f"peak memory to load and validate {n:,} claims (max RSS)",
            "value": peak_kb / 1024,
            "unit": "MB",
        },
        {
            "bench": "claims",
            "metric": f"claims validated per second ({n:,} mixed, {findings:,} findings)",
            "value": n / seconds,
            "unit": "claims/s",
        },
    ]


def run() -> list[dict]:
    return [_rate("cms1500", 10_000), _rate("ub04", 10_000), *_memory(100_000)]
