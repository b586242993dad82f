"""Learner progress in SQLite under ``HIMLAB_HOME`` (default ``~/.himlab``): attempts, every answer,
scores by domain and the review queue.

Each answer is written in its own transaction the moment it is given; the database runs in WAL mode
with full synchronous commits, so closing a browser tab, restarting a kernel or even a power cut after
an answer loses nothing: the attempt is found again and resumed where it stopped.
"""

from __future__ import annotations

import json
import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from autograder.exam import review

SCHEMA = """
CREATE TABLE IF NOT EXISTS attempts (
    id INTEGER PRIMARY KEY,
    exam TEXT NOT NULL,
    mode TEXT NOT NULL,
    domain TEXT,
    item_ids TEXT NOT NULL,
    time_limit_s REAL NOT NULL,
    elapsed_s REAL NOT NULL DEFAULT 0,
    clock_started REAL,
    position INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT 'active',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    submitted_at TEXT,
    score_percent REAL,
    report TEXT
);
CREATE TABLE IF NOT EXISTS responses (
    attempt_id INTEGER NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
    item_id TEXT NOT NULL,
    response TEXT,
    flagged INTEGER NOT NULL DEFAULT 0,
    credit REAL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (attempt_id, item_id)
);
CREATE TABLE IF NOT EXISTS review_queue (
    item_id TEXT PRIMARY KEY,
    exam TEXT NOT NULL,
    box INTEGER NOT NULL,
    due_at REAL NOT NULL,
    lapses INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL
);
"""

STATUSES = ("active", "paused", "submitted")


def himlab_home() -> Path:
    """Where learner data lives: ``$HIMLAB_HOME``, else ``~/.himlab``."""
    return Path(os.environ.get("HIMLAB_HOME") or Path.home() / ".himlab").expanduser()


def _stamp() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class ProgressStore:
    """The progress database; one file, ``progress.sqlite3``, in ``HIMLAB_HOME`` unless a path is given."""

    def __init__(self, path: str | Path | None = None):
        self.path = Path(path) if path else himlab_home() / "progress.sqlite3"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(self.path, timeout=10, isolation_level=None, check_same_thread=False)
        self.db.row_factory = sqlite3.Row
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=FULL")
        self.db.execute("PRAGMA foreign_keys=ON")
        self.db.executescript(SCHEMA)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> ProgressStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _write(self, sql: str, params: tuple | dict = ()) -> sqlite3.Cursor:
        """One statement in its own committed transaction."""
        with self.db:
            self.db.execute("BEGIN IMMEDIATE")
            return self.db.execute(sql, params)

    # attempts ---------------------------------------------------------------------------------------

    def create_attempt(
        self, exam: str, mode: str, item_ids: list[str], time_limit_s: float, domain: str | None = None
    ) -> int:
        now = _stamp()
        cur = self._write(
            "INSERT INTO attempts (exam, mode, domain, item_ids, time_limit_s, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (exam, mode, domain, json.dumps(item_ids), time_limit_s, now, now),
        )
        return int(cur.lastrowid)

    def attempt(self, attempt_id: int) -> dict | None:
        row = self.db.execute("SELECT * FROM attempts WHERE id = ?", (attempt_id,)).fetchone()
        if row is None:
            return None
        data = dict(row)
        data["item_ids"] = json.loads(data["item_ids"])
        data["report"] = json.loads(data["report"]) if data["report"] else None
        return data

    def update_attempt(self, attempt_id: int, **fields) -> None:
        allowed = {"elapsed_s", "clock_started", "position", "status"}
        unknown = set(fields) - allowed
        if unknown:
            raise ValueError(f"cannot update attempt fields {sorted(unknown)}")
        sets = ", ".join(f"{k} = :{k}" for k in fields)
        self._write(
            f"UPDATE attempts SET {sets}, updated_at = :now WHERE id = :id",
            {**fields, "now": _stamp(), "id": attempt_id},
        )

    def open_attempts(self, exam: str | None = None) -> list[dict]:
        """Attempts not yet submitted, newest first."""
        sql = "SELECT id FROM attempts WHERE status != 'submitted'"
        params: tuple = ()
        if exam:
            sql += " AND exam = ?"
            params = (exam,)
        rows = self.db.execute(sql + " ORDER BY id DESC", params).fetchall()
        return [self.attempt(r["id"]) for r in rows]

    def save_response(
        self,
        attempt_id: int,
        item_id: str,
        response: object,
        *,
        elapsed_s: float,
        clock_started: float | None,
        position: int,
    ) -> None:
        """Store one answer and the attempt's clock and position together, in one transaction."""
        now = _stamp()
        with self.db:
            self.db.execute("BEGIN IMMEDIATE")
            self.db.execute(
                "INSERT INTO responses (attempt_id, item_id, response, updated_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (attempt_id, item_id) DO UPDATE SET response = excluded.response,"
                " updated_at = excluded.updated_at",
                (attempt_id, item_id, json.dumps(response), now),
            )
            self.db.execute(
                "UPDATE attempts SET elapsed_s = ?, clock_started = ?, position = ?, updated_at = ?"
                " WHERE id = ?",
                (elapsed_s, clock_started, position, now, attempt_id),
            )

    def set_flag(self, attempt_id: int, item_id: str, flagged: bool) -> None:
        self._write(
            "INSERT INTO responses (attempt_id, item_id, flagged, updated_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (attempt_id, item_id) DO UPDATE SET flagged = excluded.flagged,"
            " updated_at = excluded.updated_at",
            (attempt_id, item_id, int(flagged), _stamp()),
        )

    def responses(self, attempt_id: int) -> dict[str, object]:
        rows = self.db.execute(
            "SELECT item_id, response FROM responses WHERE attempt_id = ? AND response IS NOT NULL",
            (attempt_id,),
        ).fetchall()
        return {r["item_id"]: json.loads(r["response"]) for r in rows}

    def flags(self, attempt_id: int) -> set[str]:
        rows = self.db.execute(
            "SELECT item_id FROM responses WHERE attempt_id = ? AND flagged = 1", (attempt_id,)
        )
        return {r["item_id"] for r in rows}

    def finish_attempt(
        self, attempt_id: int, credits: dict[str, float], report: dict, elapsed_s: float
    ) -> None:
        """Record the result: per-item credit, the score report, status 'submitted'; one transaction."""
        now = _stamp()
        with self.db:
            self.db.execute("BEGIN IMMEDIATE")
            for item_id, value in credits.items():
                self.db.execute(
                    "INSERT INTO responses (attempt_id, item_id, credit, updated_at) VALUES (?, ?, ?, ?)"
                    " ON CONFLICT (attempt_id, item_id) DO UPDATE SET credit = excluded.credit",
                    (attempt_id, item_id, value, now),
                )
            self.db.execute(
                "UPDATE attempts SET status = 'submitted', submitted_at = ?, updated_at = ?, elapsed_s = ?,"
                " clock_started = NULL, score_percent = ?, report = ? WHERE id = ?",
                (now, now, elapsed_s, report["percent"], json.dumps(report), attempt_id),
            )

    def history(self, exam: str | None = None) -> list[dict]:
        """Submitted attempts, oldest first: when, exam, mode, percent and the domain breakdown."""
        sql = "SELECT id FROM attempts WHERE status = 'submitted'"
        params: tuple = ()
        if exam:
            sql += " AND exam = ?"
            params = (exam,)
        out = []
        for row in self.db.execute(sql + " ORDER BY submitted_at, id", params).fetchall():
            a = self.attempt(row["id"])
            out.append(
                {
                    "id": a["id"],
                    "exam": a["exam"],
                    "mode": a["mode"],
                    "domain": a["domain"],
                    "submitted_at": a["submitted_at"],
                    "percent": a["score_percent"],
                    "report": a["report"],
                }
            )
        return out

    # review queue -----------------------------------------------------------------------------------

    def record_reviews(self, results: list[tuple[str, str, bool]], now: float) -> None:
        """Move items between Leitner boxes after they were answered, in one transaction.

        ``results`` holds (item id, exam, answered right); see :mod:`autograder.exam.review`.
        """
        stamp = _stamp()
        with self.db:
            self.db.execute("BEGIN IMMEDIATE")
            for item_id, exam, correct in results:
                row = self.db.execute(
                    "SELECT box, lapses FROM review_queue WHERE item_id = ?", (item_id,)
                ).fetchone()
                new_box = review.next_box(row["box"] if row else None, correct)
                if new_box is None:  # learned, or answered right without ever being missed
                    self.db.execute("DELETE FROM review_queue WHERE item_id = ?", (item_id,))
                    continue
                lapses = (row["lapses"] if row else 0) + (0 if correct else 1)
                self.db.execute(
                    "INSERT INTO review_queue (item_id, exam, box, due_at, lapses, updated_at)"
                    " VALUES (?, ?, ?, ?, ?, ?)"
                    " ON CONFLICT (item_id) DO UPDATE SET box = excluded.box, due_at = excluded.due_at,"
                    " lapses = excluded.lapses, updated_at = excluded.updated_at",
                    (item_id, exam, new_box, review.due_at(new_box, now), lapses, stamp),
                )

    def review_queue(self, exam: str | None = None) -> list[dict]:
        sql = "SELECT * FROM review_queue"
        params: tuple = ()
        if exam:
            sql += " WHERE exam = ?"
            params = (exam,)
        return [dict(r) for r in self.db.execute(sql + " ORDER BY due_at, item_id", params).fetchall()]

    def due_items(self, now: float, exam: str | None = None, limit: int | None = None) -> list[str]:
        """Item ids whose review is due at ``now`` (seconds since the epoch), most overdue first."""
        rows = [r for r in self.review_queue(exam) if r["due_at"] <= now]
        return [r["item_id"] for r in rows][:limit]
