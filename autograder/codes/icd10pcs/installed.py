"""An installed official ICD-10-PCS release (``himlab data fetch --set icd10pcs``) behind the PCS
face: validity and titles from its order file, axis labels and definitions from its tables, and
the first character the tables refuse when a code is not valid.

Every function takes the installed release (an ``official.store.InstalledRelease``); its tables
are read through :mod:`autograder.codes.official.pcs`, which picks a release by a date it covers.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path

from autograder.codes.icd10pcs import axes, rules
from autograder.codes.icd10pcs.axes import Axis, LabelSource
from autograder.findings import Finding

_valid: dict[Path, frozenset[str]] = {}


def valid_codes(installed) -> frozenset[str]:
    """The codes valid for a claim in the release (the order file's billable codes), read once."""
    found = _valid.get(installed.database)
    if found is None:
        rows = installed.connect().execute("SELECT code FROM codes WHERE billable = 1")
        found = _valid[installed.database] = frozenset(code for (code,) in rows)
    return found


def title(installed, key: str) -> str | None:
    row = installed.connect().execute("SELECT long FROM codes WHERE code = ?", (key,)).fetchone()
    return row[0] if row else None


def codes_in_order(installed, billable: bool) -> list[str]:
    """The order file's codes in its order; with ``billable=False`` its table headers too."""
    where = "" if not billable else " WHERE billable = 1"
    return [code for (code,) in installed.connect().execute(f"SELECT code FROM codes{where} ORDER BY ord")]


def _start(installed) -> date:
    return installed.release.effective_from


def labels(installed) -> LabelSource:
    """A label source for :func:`axes.use_labels`: each character as the release's tables label
    and define it; characters after one the tables refuse keep the packaged labels, marked."""
    database, start, label = installed.database, _start(installed), installed.release.label
    return lambda code: list(_decoded(database, start, label, code))


@lru_cache(maxsize=65536)
def _decoded(database: Path, start: date, label: str, code: str) -> tuple[Axis, ...]:
    """``database`` keys the cache; the tables are read from the release covering ``start``."""
    from autograder.codes.official import pcs

    step = pcs.decode(code, on=start)
    found = [Axis(c.pos, c.axis, c.value, c.label, c.definition or None) for c in step.chosen]
    rest = axes.packaged_labels(code)[len(found) :]
    if step.problem and rest:
        note = f"not a value the {label} tables allow here"
        rest[0] = Axis(rest[0].position, step.axis or rest[0].name, rest[0].value, None, None, note)
    return tuple(found + rest)


def findings(installed, key: str, when: str) -> list[Finding]:
    """Why ``key`` (7 characters of the PCS alphabet, not valid ``when``) is refused: the first
    character the release's tables do not allow after the ones before it, else (every character
    allowed, the code dropped by an update) that it is not in effect."""
    from autograder.codes.official import pcs

    step = pcs.decode(key, on=_start(installed))
    if not step.problem:
        return rules.not_in_effect(key, title(installed, key) or "", when)
    allowed = [(c.value, c.label) for c in step.choices]
    return [rules.not_in_table(key, len(step.code) + 1, step.axis, allowed, when)]


def search(installed, text: str, limit: int) -> list[tuple[str, str]]:
    from autograder.codes.official import pcs

    return pcs.search(text, limit=limit, on=_start(installed))
