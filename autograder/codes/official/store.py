"""Installed official releases in ``HIMLAB_CACHE``: which are there, which answers for a date of
service (:func:`choose`: an installed release, else the packaged default), and the warning a
validator gives when none covers the date.

Layout: ``$HIMLAB_CACHE/official/<code set>/<year>.json`` is the manifest of an installed release
(code set, year, effective dates, source, file hashes, counts); it names the folder holding that
release's database (``<year>-<id>/release.sqlite``). Installing writes a new folder, then replaces
the manifest in one step, so a reader sees the old release or the new one, never a mix.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from pathlib import Path

from autograder.codes.cache import cache_dir
from autograder.codes.official.errors import NotInstalled
from autograder.codes.official.sources import SOURCES, YEARS, current_year, source
from autograder.codes.release import Release
from autograder.findings import Finding

SCHEMA = 1  # the database layout this version of the lab writes and reads
# the locators the code-set validators use
LOCATORS = {"icd10cm": "ICD-10-CM", "icd10pcs": "ICD-10-PCS", "hcpcs": "HCPCS Level II"}
RECHECK_SECONDS = 1.0  # how often the cache folder is looked at again for releases installed elsewhere


def official_dir() -> Path:
    return cache_dir() / "official"


@dataclass(frozen=True)
class InstalledRelease:
    """One installed release: its :class:`Release`, its database and what the manifest records."""

    release: Release
    folder: Path
    parts: tuple[str, ...]  # which files it holds: "order", "eindex", "drug", "tables"...
    manifest: dict = field(compare=False, repr=False)

    @cached_property
    def database(self) -> Path:
        return self.folder / "release.sqlite"

    def has(self, part: str) -> bool:
        return part in self.parts

    def connect(self) -> sqlite3.Connection:
        """A read-only connection to the release's database, shared within the process."""
        return _connection(self.database)

    def __hash__(self) -> int:  # one folder holds one install
        return hash(self.folder)


_connections: dict[Path, sqlite3.Connection] = {}
_lock = threading.Lock()


def _connection(path: Path) -> sqlite3.Connection:
    with _lock:
        conn = _connections.get(path)
        if conn is None:
            conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
            _connections[path] = conn
        return conn


def read_manifest(path: Path) -> InstalledRelease | None:
    """The release a manifest describes, or ``None`` when it is damaged, from another database
    layout, or its database is gone."""
    try:
        data = json.loads(path.read_text())
        if data.get("schema") != SCHEMA:
            return None
        release = Release(
            code_set=data["code_set"],
            year=int(data["year"]),
            effective_from=date.fromisoformat(data["effective_from"]),
            effective_to=date.fromisoformat(data["effective_to"]),
            source=data["source"],
            files={name: info["sha256"] for name, info in data["files"].items()},
        )
        folder = path.parent / data["folder"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if not (folder / "release.sqlite").is_file():
        return None
    return InstalledRelease(release, folder, tuple(data.get("parts", ())), data)


def manifests(code_set: str) -> list[Path]:
    folder = official_dir() / code_set
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


@dataclass
class _Known:
    quick: tuple  # HIMLAB_CACHE and the install count when last read
    stamp: tuple  # the code set's folder (wherever the cache folder rule puts it) and its modification time
    checked: float
    found: tuple[InstalledRelease, ...]


_known: dict[str, _Known] = {}
_installs = 0  # installs done in this process


def forget() -> None:
    """Read the installed releases afresh on next use (called after an install in this process)."""
    global _installs
    _installs += 1


def _stamp(folder: Path) -> tuple:
    try:
        return str(folder), folder.stat().st_mtime_ns
    except OSError:
        return str(folder), None


def releases(code_set: str) -> list[InstalledRelease]:
    """Every usable installed release of a code set, newest year first.

    The manifests are read once; they are read again when ``HIMLAB_CACHE`` changes, after an
    install in this process, and when the code set's folder has changed (a release installed or
    removed by another process, or the per-user cache folder moved), which is looked at no more
    than once a second.
    """
    return list(_found(code_set))


def _found(code_set: str) -> tuple[InstalledRelease, ...]:
    quick = (os.environ.get("HIMLAB_CACHE"), _installs)
    known = _known.get(code_set)
    now = time.monotonic()
    if known is not None and known.quick == quick and now - known.checked < RECHECK_SECONDS:
        return known.found
    source(code_set)
    folder = official_dir() / code_set
    stamp = _stamp(folder)
    if known is None or known.quick != quick or known.stamp != stamp:
        try:
            found = [r for r in map(read_manifest, manifests(code_set)) if r is not None]
        except OSError:  # a cache folder that cannot be read holds no release to use
            found = []
        found.sort(key=lambda r: r.release.year, reverse=True)
        known = _known[code_set] = _Known(quick, stamp, now, tuple(found))
    known.checked = now
    return known.found


def installed_year(code_set: str, year: int) -> InstalledRelease | None:
    """The installed release of one year, if there is one."""
    for installed in _found(code_set):
        if installed.release.year == year:
            return installed
    return None


def unusable(code_set: str) -> list[Path]:
    """Manifests that cannot be used (damaged, or written by another version of the lab)."""
    return [p for p in manifests(code_set) if read_manifest(p) is None]


def _day(on: date | None) -> date | None:
    """A datetime counts as its date."""
    return on.date() if isinstance(on, datetime) else on


def installed_release(code_set: str, on: date | None = None) -> InstalledRelease | None:
    """The installed release to use.

    With a date of service: the release that covers it, or ``None``. Without one: the release
    covering today, else the newest installed, else ``None`` (the packaged default applies).
    """
    on = _day(on)
    found = _found(code_set)
    if on is not None:
        return next((r for r in found if r.release.covers(on)), None)
    today = date.today()
    return next((r for r in found if r.release.covers(today)), found[0] if found else None)


def require(code_set: str, part: str, on: date | None = None) -> InstalledRelease:
    """The release to read ``part`` from (see :func:`installed_release`); raises
    :class:`NotInstalled` naming the command that installs it."""
    on = _day(on)
    installed = installed_release(code_set, on)
    src = SOURCES[code_set]
    member = next(m for m in src.members if m.part == part)
    if installed is None:
        year = src.year_of(on) if on else current_year(code_set)
        when = f" for {on.isoformat()}" if on else ""
        raise NotInstalled(
            f"no {src.name} release{when} is installed, so the {member.description} is not available; "
            f"install it with: {install_command(code_set, year)}"
        )
    if not installed.has(part):
        raise NotInstalled(
            f"the installed {src.label(installed.release.year)} has no {member.description}; install the "
            f"release with that file: {install_command(code_set, installed.release.year)} --force"
        )
    return installed


def install_command(code_set: str, year: int) -> str:
    return f"himlab data fetch --set {code_set} --year {year}"


@dataclass(frozen=True)
class Choice:
    """The release that answers for a date of service, and the warning when none covers it."""

    installed: InstalledRelease | None  # None: the packaged default answers
    warning: Finding | None = None


def choose(
    code_set: str, on: date, packaged: Release, packaged_covers: Callable[[date], bool] | None = None
) -> Choice:
    """Which release answers for the date of service ``on``: an installed release that covers
    it, else the packaged default ``packaged`` when it covers it (``packaged_covers`` decides,
    when given), else the nearest of them with the ``release.not-covered`` warning (see
    :func:`release_finding`)."""
    on = _day(on)
    found = _found(code_set)
    covering = next((r for r in found if r.release.covers(on)), None)
    if covering is not None:
        return Choice(covering)
    if (packaged_covers or packaged.covers)(on):
        return Choice(None)
    used = _fallback([*(r.release for r in found), packaged], on)
    return Choice(next((r for r in found if r.release is used), None), _not_covered(code_set, on, used))


def release_finding(code_set: str, on: date | None, available: tuple[Release, ...] = ()) -> Finding | None:
    """A warning when no installed release (nor any of ``available``, such as the packaged
    default the caller uses) covers the date of service ``on``; ``None`` when one does.

    The warning names the release the date needs, the one used instead and the command that
    installs the missing one, so a claim is never checked silently against the wrong year.
    """
    on = _day(on)
    if on is None:
        return None
    known = [r.release for r in releases(code_set)] + list(available)
    if any(r.covers(on) for r in known):
        return None
    return _not_covered(code_set, on, _fallback(known, on))


def _not_covered(code_set: str, on: date, used: Release | None) -> Finding:
    src = SOURCES[code_set]
    year = src.year_of(on)
    try:
        start, end = src.effective(year)
        span = f" ({start.isoformat()} to {end.isoformat()})"
    except ValueError:  # a year at the very edge of the calendar
        span = ""
    instead = (
        f"codes were checked against {src.label(used.year)} instead" if used else "no release is installed"
    )
    action = (
        f"Install it with: {install_command(code_set, year)}"
        if year in YEARS
        else "No release for that year can be installed: check the date of service."
    )
    return Finding(
        rule="release.not-covered",  # the id the code-set validators give this warning
        locator=LOCATORS[code_set],
        severity="warning",
        message=(
            f"Date of service {on.isoformat()} falls in {src.label(year)}{span}, which is not installed; "
            f"{instead}. {action}"
        ),
    )


def _fallback(known: list[Release], on: date) -> Release | None:
    """The release a lookup falls back to: the newest that started before ``on``, else the oldest."""
    before = [r for r in known if r.effective_from <= on]
    if before:
        return max(before, key=lambda r: r.effective_from)
    return min(known, key=lambda r: r.effective_from) if known else None
