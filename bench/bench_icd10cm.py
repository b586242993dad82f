"""ICD-10-CM: first-time index build, cold start, lookup and validate rates, search latency.

Targets from issue 2: build <= 20 s; cold start (fresh process: import + first lookup, index built)
<= 0.15x of ``import simple_icd_10_cm; get_description("E11.9")`` timed in the same run; lookup
>= 200,000/s and validate >= 100,000/s over every billable code plus invalid ones (steady state, the
best of three passes after one that fills the in-memory tables; the first pass is reported too);
search p95 <= 5 ms over the 200 queries below (each query's median over three passes, so that one
preemption on a busy machine does not count as a slow query; the first pass is reported too).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence

ROUNDS = 3
COLD_RUNS = 5
BUILD = "from autograder.codes.icd10cm import cachefile; cachefile.ensure_index()"
OURS = "from autograder.codes import icd10cm; icd10cm.lookup('E11.9')"
THEIRS = "import simple_icd_10_cm; simple_icd_10_cm.get_description('E11.9')"

QUERIES = (
    # the words a coder or a learner types, with the abbreviations they use
    "type 2 diabetes mellitus without complications",
    "type 2 diabetes ckd",
    "fx femur neck",
    "htn",
    "chf",
    "copd",
    "uti",
    "mi",
    "acute mi",
    "nstemi",
    "stemi anterior wall",
    "afib",
    "atrial flutter",
    "essential hypertension",
    "hypertensive heart disease with heart failure",
    "hypertensive ckd stage 4",
    "ckd stage 3a",
    "esrd",
    "aki",
    "acute kidney failure",
    "dm with neuropathy",
    "t2dm hyperglycemia",
    "t1dm ketoacidosis",
    "diabetic foot ulcer",
    "diab retinopathy macular edema",
    "gestational diabetes",
    "hypoglycemia",
    "hyperlipidemia",
    "hypercholesterolemia",
    "obesity",
    "morbid obesity bmi 40",
    "bmi 30 adult",
    "overweight",
    "vitamin d deficiency",
    "iron deficiency anemia",
    "anemia in ckd",
    "sickle cell crisis",
    "thrombocytopenia",
    "dvt left leg",
    "pe",
    "pulmonary embolism with acute cor pulmonale",
    "pneumonia",
    "pna",
    "aspiration pneumonia",
    "covid-19",
    "sepsis",
    "severe sepsis with septic shock",
    "mrsa sepsis",
    "e coli uti",
    "cellulitis left lower leg",
    "abscess buttock",
    "asthma",
    "moderate persistent asthma with exacerbation",
    "acute bronchitis",
    "uri",
    "sinusitis",
    "strep throat",
    "otitis media",
    "conjunctivitis",
    "cataract",
    "glaucoma",
    "meniere",
    "vertigo",
    "migraine without aura",
    "headache",
    "tension headache",
    "epilepsy",
    "seizure",
    "cva",
    "stroke",
    "tia",
    "hemiplegia following cerebral infarction",
    "dementia",
    "alzheimer",
    "parkinson",
    "ms",
    "als",
    "neuropathy",
    "carpal tunnel syndrome",
    "low back pain",
    "lbp",
    "sciatica",
    "neck pain",
    "osteoarthritis knee",
    "oa hip",
    "ra",
    "gout",
    "osteoporosis",
    "osteoporosis with fracture",
    "pathological fracture",
    "stress fracture",
    "fracture",
    "fx distal radius",
    "colles fracture",
    "fx hip",
    "femur fracture initial closed",
    "ankle sprain",
    "concussion",
    "concussion with loss of consciousness",
    "laceration scalp",
    "open wound forearm",
    "dog bite",
    "burn hand second degree",
    "frostbite",
    "poisoning penicillin",
    "adverse effect of insulin",
    "underdosing of antihypertensive",
    "opioid dependence",
    "alcohol dependence with withdrawal",
    "alcohol abuse",
    "tobacco use",
    "nicotine dependence cigarettes",
    "cannabis use",
    "major depressive disorder single episode",
    "mdd recurrent severe",
    "depression",
    "anxiety",
    "gad",
    "panic disorder",
    "ptsd",
    "adhd",
    "bipolar disorder",
    "schizophrenia",
    "autism",
    "insomnia",
    "osa",
    "chest pain",
    "cp",
    "abdominal pain",
    "abd pain right lower quadrant",
    "nausea with vomiting",
    "diarrhea",
    "constipation",
    "gerd",
    "gastritis",
    "peptic ulcer",
    "gi bleed",
    "appendicitis",
    "cholecystitis",
    "gallstones",
    "pancreatitis",
    "cirrhosis of liver",
    "hepatitis c",
    "hiv",
    "crohn disease",
    "ulcerative colitis",
    "ibs",
    "diverticulitis",
    "inguinal hernia",
    "bph",
    "kidney stone",
    "hematuria",
    "urinary incontinence",
    "prostate cancer",
    "breast cancer",
    "ca lung",
    "malignant neoplasm of colon",
    "melanoma",
    "basal cell carcinoma",
    "lymphoma",
    "leukemia",
    "history of breast cancer",
    "family history of colon cancer",
    "pregnancy",
    "supervision of normal pregnancy",
    "preeclampsia",
    "threatened abortion",
    "ectopic pregnancy",
    "postpartum hemorrhage",
    "single live birth",
    "newborn jaundice",
    "preterm newborn",
    "well child exam",
    "routine adult health exam",
    "screening mammogram",
    "screening colonoscopy",
    "encounter for immunization",
    "long term use of anticoagulants",
    "long term insulin use",
    "status post knee replacement",
    "aftercare following joint replacement",
    "allergy to penicillin",
    "fall from ladder",
    "motor vehicle accident driver",
    "mva",
    "syncope",
    "fever",
    "fatigue",
    "weight loss",
    "dehydration",
    "hyponatremia",
    "hypokalemia",
    "sob",
    "cough",
    "edema",
    "rash",
    "psoriasis",
    "pressure ulcer sacral stage 3",
    "hypothyroidism",
    "hyperthyroidism",
)


def _rate(func: Callable[[object], object], items: Sequence[object]) -> tuple[float, float]:
    """(first pass, best of ROUNDS passes after it), items per second."""
    started = time.perf_counter()
    for item in items:
        func(item)
    first = len(items) / (time.perf_counter() - started)
    best = float("inf")
    for _ in range(ROUNDS):
        started = time.perf_counter()
        for item in items:
            func(item)
        best = min(best, time.perf_counter() - started)
    return first, len(items) / best


def _wall(code: str, env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], env=env, check=True)
    return time.perf_counter() - started


def _row(metric: str, value: float, unit: str, target: str | None = None, ok: bool | None = None) -> dict:
    row = {"bench": "icd10cm", "metric": metric, "value": round(value, 4), "unit": unit}
    if target is not None:
        row.update(target=target, ok=ok)
    return row


def _mix(icd10cm) -> list[str]:
    """Every billable code, plus one invalid code for every ten: headings, codes without their 7th
    character, a wrong 7th character, a missing placeholder, unknown and malformed codes."""
    valid = list(icd10cm.all_codes())
    invalid = []
    for code in valid[::10]:
        if len(code) == 8:  # a 7th-character code: drop it, or change it to one no code uses
            invalid.append(code[:-1] if len(invalid) % 2 else code[:-1] + "I")
        else:
            invalid.append(code[:-1] if len(code) > 3 else code + "9")
    invalid += ["T3601A", "E11.9A", "I10XXXA", "ZZZ", "", "not a code"] * 50
    return valid + invalid


def run() -> list[dict]:
    saved = os.environ.get("HIMLAB_CACHE")
    with tempfile.TemporaryDirectory(prefix="himlab-bench-", ignore_cleanup_errors=True) as cache:
        try:
            return _measure(cache)
        finally:
            if saved is None:
                os.environ.pop("HIMLAB_CACHE", None)
            else:
                os.environ["HIMLAB_CACHE"] = saved


def _measure(cache: str) -> list[dict]:
    env = {**os.environ, "HIMLAB_CACHE": cache}
    build = _wall(BUILD, env)
    rows = [_row("first-time index build", build, "s", "<= 20", build <= 20)]

    ours = statistics.median(_wall(OURS, env) for _ in range(COLD_RUNS))
    theirs = statistics.median(_wall(THEIRS, env) for _ in range(3))
    rows.append(_row("cold start: import + first lookup", ours, "s"))
    rows.append(_row("cold start: simple_icd_10_cm import + get_description", theirs, "s"))
    rows.append(
        _row(
            "cold start ratio (ours / simple_icd_10_cm)", ours / theirs, "x", "<= 0.15", ours <= 0.15 * theirs
        )
    )

    os.environ["HIMLAB_CACHE"] = cache  # the in-process index is the one just built
    from autograder.codes import icd10cm

    icd10cm.lookup("E11.9")
    mix = _mix(icd10cm)
    first, steady = _rate(icd10cm.lookup, mix)
    rows.append(_row(f"lookup, first pass over {len(mix):,} codes", first, "/s"))
    rows.append(_row("lookup, steady state", steady, "/s", ">= 200000", steady >= 200_000))
    first, steady = _rate(icd10cm.validate, mix)
    rows.append(_row(f"validate, first pass over {len(mix):,} codes", first, "/s"))
    rows.append(_row("validate, steady state", steady, "/s", ">= 100000", steady >= 100_000))

    icd10cm.search("warm up")
    passes = [_search_times() for _ in range(ROUNDS)]
    first = passes[0]
    typical = [statistics.median(per_query) for per_query in zip(*passes, strict=True)]
    p95 = _p95(typical)
    rows.append(_row(f"search p95, first pass over {len(QUERIES)} queries", _p95(first), "ms"))
    rows.append(
        _row(
            f"search p50 over {len(QUERIES)} queries (median of {ROUNDS} passes)",
            statistics.median(typical),
            "ms",
        )
    )
    rows.append(
        _row(
            f"search p95 over {len(QUERIES)} queries (median of {ROUNDS} passes)", p95, "ms", "<= 5", p95 <= 5
        )
    )
    rows.append(_row("search slowest query (median of passes)", max(typical), "ms"))
    return rows


def _search_times() -> list[float]:
    """Wall time of each query, in ms."""
    from autograder.codes import icd10cm

    times = []
    for query in QUERIES:
        started = time.perf_counter()
        icd10cm.search(query)
        times.append((time.perf_counter() - started) * 1000)
    return times


def _p95(times: list[float]) -> float:
    return statistics.quantiles(times, n=20)[-1]
