"""MS-DRG grouping speed: ``autograder.payment.group`` next to msdrg alone, in one process, same cases.

``group()`` checks the input, runs msdrg's grouper and its Medicare Code Editor, adds the Table 5
figures and builds the explanation. msdrg alone does the same native work (grouper and MCE) on
ready-made claims; its grouper-only rate is shown too. Target: ours at least half of msdrg's.
"""

from __future__ import annotations

import time

# Synthetic FY2026 cases over the families the course teaches (all codes valid for FY2026).
CASES = [
    {"pdx": "J18.9", "sdx": ["J96.01:Y", "E11.9:Y"], "procedures": ["0BH17EZ"]},
    {"pdx": "J18.9", "sdx": ["E87.1:Y", "I10:Y"]},
    {"pdx": "I50.9", "sdx": ["N17.9:Y", "E11.9:Y", "I10:Y"]},
    {"pdx": "I50.21", "sdx": ["I50.22:Y"]},
    {"pdx": "A41.9", "sdx": ["R65.20:Y", "N17.9:Y", "J96.01:Y"]},
    {"pdx": "M17.11", "sdx": ["I10:Y"], "procedures": ["0SRC0J9"]},
    {"pdx": "J44.1", "sdx": ["J96.01:Y", "E87.1:Y"]},
    {"pdx": "K92.2", "sdx": ["D62:Y"]},
    {"pdx": "I63.9", "sdx": ["G93.6:Y", "I10:Y"]},
    {"pdx": "J18.9", "sdx": ["L89.154:N", "E11.9:Y"]},
    {"pdx": "F20.9", "sdx": ["N17.9:Y"]},
    {"pdx": "K35.80", "procedures": ["0DTJ4ZZ"]},
]
TARGET_RATIO = 0.5
ROUNDS = 12
SLICE = 0.25  # seconds per contender per round: interleaving keeps a busy machine fair to both


def _cases() -> list[dict]:
    return [
        {"age": 70, "sex": "F", "discharge_status": "01", "discharge_date": "2026-05-15", **c} for c in CASES
    ]


def _rates(contenders: dict) -> dict[str, float]:
    """Items per second for each (work, items) contender, timed in alternating slices."""
    done = dict.fromkeys(contenders, 0)
    spent = dict.fromkeys(contenders, 0.0)
    for _ in range(ROUNDS):
        for name, (work, items) in contenders.items():
            started = time.perf_counter()
            while time.perf_counter() - started < SLICE:
                for item in items:
                    work(item)
                done[name] += len(items)
            spent[name] += time.perf_counter() - started
    return {name: done[name] / spent[name] for name in contenders}


def run() -> list[dict]:
    from autograder.payment import engine
    from autograder.payment.case import as_case
    from autograder.payment.grouping import claim_for, group

    cases = _cases()
    claims = [claim_for(as_case(c), 431) for c in cases]
    grouper, editor = engine.grouper(), engine.editor()
    for c in cases:  # warm the code-set indexes and caches before timing
        group(c)

    def msdrg_alone(i: int) -> None:
        grouper.group(claims[i])
        editor.edit(claims[i])

    def ours(c: dict) -> None:
        group(c).explanation.lines()

    indexes = list(range(len(claims)))
    rates = _rates(
        {
            "grouper": (grouper.group, claims),
            "alone": (msdrg_alone, indexes),
            "ours": (ours, cases),
        }
    )
    grouper_only, alone, explained = rates["grouper"], rates["alone"], rates["ours"]
    ratio = explained / alone
    return [
        {"bench": "payment", "metric": "msdrg grouper only", "value": grouper_only, "unit": "cases/s"},
        {"bench": "payment", "metric": "msdrg alone (grouper + MCE)", "value": alone, "unit": "cases/s"},
        {
            "bench": "payment",
            "metric": "group() with checks and explanation",
            "value": explained,
            "unit": "cases/s",
        },
        {
            "bench": "payment",
            "metric": "ours / msdrg grouper only",
            "value": explained / grouper_only,
            "unit": "ratio",
        },
        {
            "bench": "payment",
            "metric": "ours / msdrg alone",
            "value": ratio,
            "unit": "ratio",
            "target": f">= {TARGET_RATIO}",
            "ok": ratio >= TARGET_RATIO,
        },
    ]
