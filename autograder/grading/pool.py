"""Run grading workers in parallel, each a long-lived process, with a deadline per submission.

Workers come from a fork server that loads nbgrader once, while the caller reads the course. A
worker that misses its deadline is killed with everything it started (the notebook kernel too) and
replaced, and the submission is reported as timed out; a worker that dies is reported the same
way. Results come back to the calling thread through :meth:`WorkerPool.results`, so the caller is
the only one that writes the gradebook.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.forkserver
import os
import queue
import shutil
import signal
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from autograder.findings import Finding


class WorkerDied(Exception):
    """The worker process ended or missed its deadline."""


def _descendants(pid: int) -> list[int]:
    """Every process below ``pid`` (Linux /proc; empty elsewhere)."""
    children: dict[int, list[int]] = {}
    try:
        entries = os.listdir("/proc")
    except OSError:
        return []
    for entry in entries:
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry))
    found, stack = [], [pid]
    while stack:
        for child in children.get(stack.pop(), []):
            found.append(child)
            stack.append(child)
    return found


def _context():
    """A fork server that has the worker module (and so nbgrader) loaded, where the platform has one:
    each worker then starts in milliseconds; elsewhere plain spawned processes."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["autograder.grading.worker"])
    return context


def _child(conn, log_path: str) -> None:
    from autograder.grading.worker import serve

    serve(conn, log_path)


class Worker:
    """One grading worker process; its stdout and stderr go to ``log_path``."""

    def __init__(self, context, log_path: Path):
        self.conn, child = context.Pipe()
        self.proc = context.Process(target=_child, args=(child, str(log_path)), daemon=True)
        self.proc.start()
        child.close()
        self.killed = False

    def grade(self, message: dict, seconds: float) -> dict:
        """Send one task and wait at most ``seconds`` for its result."""
        try:
            self.conn.send(message)
        except OSError as exc:
            raise WorkerDied("the worker process is gone") from exc
        if not self.conn.poll(seconds):
            raise WorkerDied("deadline")
        try:
            return self.conn.recv()
        except EOFError as exc:
            raise WorkerDied(f"the worker process ended (exit code {self.proc.exitcode})") from exc

    def kill(self) -> None:
        """Kill the worker and everything below it (its kernel runs in a session of its own)."""
        if self.killed:
            return
        self.killed = True
        for pid in _descendants(self.proc.pid):  # found before the worker dies and they are re-parented
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        if hasattr(os, "killpg"):
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
        self.proc.kill()
        self.proc.join()
        self.conn.close()

    def close(self) -> None:
        """Let the worker finish (it stops when its connection closes); kill it if it does not."""
        if self.killed:
            return
        self.conn.close()
        self.proc.join(timeout=30)
        if self.proc.is_alive():
            self.kill()


def _lost(student: str, assignment: str, reason: str, seconds: float) -> dict:
    """The result for a submission whose worker missed its deadline or died."""
    if reason == "deadline":
        rule, status = "grading.timed-out", "timed out"
        why = "the submission did not finish within the time limit (--timeout)"
    else:
        rule, status, why = "grading.failed", "not graded", reason
    message = f"grading stopped after {seconds:.0f} s: {why}; it was not graded."
    finding = Finding(rule, assignment, "error", message)
    return {
        "student": student,
        "status": status,
        "findings": [finding.to_dict()],
        "seconds": round(seconds, 3),
    }


class WorkerPool:
    """Up to ``jobs`` grading workers, started as they are needed; use as a context manager so none
    outlives the run."""

    def __init__(self, jobs: int):
        self.context = _context()
        if self.context.get_start_method() == "forkserver":
            # the server starts loading nbgrader now, alongside the caller's own imports
            multiprocessing.forkserver.ensure_running()
        self.log_dir = Path(tempfile.mkdtemp(prefix="himlab-workers-"))
        self.workers: list[Worker | None] = [None] * jobs

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self, keep_logs_in: Path | None = None) -> None:
        """Stop every worker; copy their logs to ``keep_logs_in`` when given."""
        for worker in self.workers:
            if worker is not None:
                worker.close()
        self.workers = [None] * len(self.workers)
        if keep_logs_in is not None:
            keep_logs_in.mkdir(parents=True, exist_ok=True)
            for log in self.log_dir.glob("*.log"):
                shutil.copyfile(log, keep_logs_in / log.name)
        shutil.rmtree(self.log_dir, ignore_errors=True)

    def _serve(self, number: int, setup: dict, budget: float, tasks: queue.Queue, out: queue.Queue) -> None:
        while True:
            try:
                task = tasks.get_nowait()
            except queue.Empty:
                return
            started = time.monotonic()
            worker = self.workers[number]
            try:
                if worker is None:
                    worker = self.workers[number] = Worker(
                        self.context, self.log_dir / f"worker-{number}.log"
                    )
                    started = time.monotonic()  # the budget is for grading, not for starting a worker
                out.put(worker.grade({"setup": setup, "task": task}, budget))
            except Exception as exc:  # a dead or late worker costs one submission, never the class
                reason = str(exc) if isinstance(exc, WorkerDied) else f"{type(exc).__name__}: {exc}"
                out.put(_lost(task["student"], setup["assignment"], reason, time.monotonic() - started))
                if worker is not None:
                    worker.kill()
                self.workers[number] = None

    def results(self, setup: dict, tasks: list[dict], budget: float) -> Iterator[dict]:
        """Grade every task (``student``, ``work``) within ``budget`` seconds each; yield each result as
        it arrives, in the order they finish."""
        pending: queue.Queue = queue.Queue()
        for task in tasks:
            pending.put(task)
        out: queue.Queue = queue.Queue()
        threads = [
            threading.Thread(target=self._serve, args=(n, setup, budget, pending, out), daemon=True)
            for n in range(min(len(self.workers), len(tasks)))
        ]
        for thread in threads:
            thread.start()
        for _ in tasks:
            yield out.get()
        for thread in threads:
            thread.join()
