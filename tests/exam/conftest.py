"""Fixtures for the exam tests: a progress store in a temporary HIMLAB_HOME and a clock the test moves."""

from __future__ import annotations

import pytest


class FakeClock:
    """Seconds since the epoch, moved by hand so timing never depends on the machine."""

    def __init__(self, start: float = 1_780_000_000.0):
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("HIMLAB_HOME", str(tmp_path / "himlab-home"))
    return tmp_path / "himlab-home"


@pytest.fixture
def store(home):
    from autograder.exam.store import ProgressStore

    with ProgressStore() as s:
        yield s


@pytest.fixture
def clock():
    return FakeClock()
