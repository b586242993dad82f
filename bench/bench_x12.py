"""Claim checking speed: ``autograder.claims.validate`` (the full rule catalogue) next to pyx12
validating the same claims as 837 files, in one run; and to_x12 / from_x12 throughput.

10,000 synthetic valid professional and 10,000 institutional claims are checked by our validator,
from the models and from X12 text (from_x12 then validate). pyx12 is much slower, so it validates a
sample of the same claims, written as interchanges of 200 claims; its rate is claims per second
over that sample, including the implementation-guide map pyx12 loads for every file it checks.
The two contenders run in alternating turns so that a busy machine slows both alike.
Target: ours at least 10 times pyx12's claims per second, for each claim type.
"""

from __future__ import annotations

import io
import logging
import time
from datetime import date

CLAIMS = 10_000
PYX12_SAMPLE = 600  # claims of each kind pyx12 validates
PER_INTERCHANGE = 200
TARGET_RATIO = 10
TODAY = date(2026, 11, 27)


def _pyx12(text: str) -> bool:
    import pyx12.params
    import pyx12.x12n_document

    return pyx12.x12n_document.x12n_document(pyx12.params.params(), io.StringIO(text), io.StringIO(), None)


def _compare(kind: str, claims: list) -> list[dict]:
    from autograder.claims.rules import Context
    from autograder.claims.validator import validate
    from autograder.claims.x12 import from_x12, to_x12

    texts = [to_x12(claims[i : i + PER_INTERCHANGE], kind) for i in range(0, PYX12_SAMPLE, PER_INTERCHANGE)]
    context = Context(today=TODAY)
    for claim in claims[:200]:  # warm the code-set indexes before timing
        validate(claim, context=context)
    turn = len(claims) // len(texts)
    ours = ours_text = theirs = 0.0
    accepted = True
    for i, text in enumerate(texts):
        chunk = claims[i * turn : (i + 1) * turn]
        started = time.perf_counter()
        for claim in chunk:
            validate(claim, context=context)
        ours += time.perf_counter() - started
        written = to_x12(chunk, kind)
        started = time.perf_counter()
        for claim in from_x12(written):
            validate(claim, context=context)
        ours_text += time.perf_counter() - started
        started = time.perf_counter()
        accepted &= _pyx12(text)
        theirs += time.perf_counter() - started
    ours_rate, text_rate, pyx12_rate = len(claims) / ours, len(claims) / ours_text, PYX12_SAMPLE / theirs
    name = f"x12 {kind}"
    return [
        {
            "bench": name,
            "metric": "ours: claims validated per second (models)",
            "value": ours_rate,
            "unit": "claims/s",
        },
        {
            "bench": name,
            "metric": "ours: claims validated per second (from X12 text)",
            "value": text_rate,
            "unit": "claims/s",
        },
        {
            "bench": name,
            "metric": "pyx12: claims validated per second (X12 text)",
            "value": pyx12_rate,
            "unit": "claims/s",
        },
        {
            "bench": name,
            "metric": "pyx12 accepted every interchange",
            "value": int(accepted),
            "unit": "bool",
            "target": "1",
            "ok": accepted,
        },
        {
            "bench": name,
            "metric": "ours / pyx12 (models)",
            "value": ours_rate / pyx12_rate,
            "unit": "x",
            "target": f">= {TARGET_RATIO}",
            "ok": ours_rate >= TARGET_RATIO * pyx12_rate,
        },
        {
            "bench": name,
            "metric": "ours / pyx12 (from X12 text)",
            "value": text_rate / pyx12_rate,
            "unit": "x",
        },
    ]


def _throughput(kind: str, claims: list) -> list[dict]:
    from autograder.claims.x12 import from_x12, to_x12

    started = time.perf_counter()
    text = to_x12(claims, kind)
    written = time.perf_counter() - started
    started = time.perf_counter()
    back = from_x12(text)
    read = time.perf_counter() - started
    assert len(back) == len(claims)
    name = f"x12 {kind}"
    return [
        {
            "bench": name,
            "metric": f"to_x12 ({len(claims):,} claims, one interchange)",
            "value": len(claims) / written,
            "unit": "claims/s",
        },
        {
            "bench": name,
            "metric": f"from_x12 ({len(text) / 1e6:.1f} MB)",
            "value": len(claims) / read,
            "unit": "claims/s",
        },
    ]


def run() -> list[dict]:
    from autograder.claims.x12.synthetic import claims as synthetic_claims

    logging.getLogger("pyx12").setLevel(logging.CRITICAL)
    rows: list[dict] = []
    for kind in ("837P", "837I"):
        claims = synthetic_claims(kind, CLAIMS, seed=2026)
        rows += _compare(kind, claims)
        rows += _throughput(kind, claims)
    return rows
