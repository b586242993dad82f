"""Exam engine speed: reading the item bank, drawing a blueprint exam, saving answers and scoring."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path


def run() -> list[dict]:
    from autograder.exam.bank import BANK_DIR, read_bank_file
    from autograder.exam.engine import ExamSession, plan_exam
    from autograder.exam.store import ProgressStore

    rows = []
    started = time.perf_counter()
    count = sum(len(read_bank_file(path)) for path in sorted(BANK_DIR.glob("*.json")))
    ms = (time.perf_counter() - started) * 1000
    rows.append({"bench": "exam", "metric": f"read the bank ({count} items)", "value": ms, "unit": "ms"})

    draws = 200
    started = time.perf_counter()
    for seed in range(draws):
        plan_exam("cpc", 85, seed)
    ms = (time.perf_counter() - started) * 1000 / draws
    rows.append(
        {"bench": "exam", "metric": "draw an 85-item CPC exam by blueprint", "value": ms, "unit": "ms"}
    )

    with tempfile.TemporaryDirectory() as folder, ProgressStore(Path(folder) / "bench.sqlite3") as store:
        session = ExamSession.start(store, plan_exam("rhit", 60, seed=1))
        answers = session.items * 5
        started = time.perf_counter()
        for n, item in enumerate(answers):
            session.answer("A" if n % 2 else "B", item_id=item.id)
        rate = len(answers) / (time.perf_counter() - started)
        rows.append(
            {"bench": "exam", "metric": "answers saved, one transaction each", "value": rate, "unit": "per s"}
        )
        started = time.perf_counter()
        report = session.submit()
        ms = (time.perf_counter() - started) * 1000
        rows.append(
            {
                "bench": "exam",
                "metric": f"submit and score {report.possible} items",
                "value": ms,
                "unit": "ms",
            }
        )
    return rows
