"""Installed official releases in ``HIMLAB_CACHE``: which are there, which covers a date of
service, and the warning a validator gives when none does.

Layout: ``$HIMLAB_CACHE/official/<code set>/<year>.json`` is the manifest of an installed release
(code set, year, effective dates, source, file hashes, counts); it names the folder holding that
release's database (``<year>-<id>/release.sqlite``). Installing writes a new folder, then replaces
the manifest in one step, so a reader sees the old release or the new one, never a mix.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
import threading
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from autograder.codes.official.errors import NotInstalled
from autograder.codes.official.sources import SOURCES, current_year, source
from autograder.codes.release import Release
from autograder.findings import Finding

SCHEMA = 1  # the database layout this version of the lab writes and reads
# the locators the code-set validators use
LOCATORS = {"icd10cm": "ICD-10-CM", "icd10pcs": "ICD-10-PCS", "hcpcs": "HCPCS Level II"}


def cache_dir() -> Path:
    """``$HIMLAB_CACHE``, else the per-user cache folder: ``$XDG_CACHE_HOME/himlab`` or
    ``~/.cache/himlab`` on Linux, ``~/Library/Caches/himlab`` on macOS, ``%LOCALAPPDATA%\\himlab``
    on Windows (the folder the ICD-10-CM index uses too)."""
    if os.environ.get("HIMLAB_CACHE"):
        return Path(os.environ["HIMLAB_CACHE"]).expanduser()
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "himlab"


def official_dir() -> Path:
    return cache_dir() / "official"


@dataclass(frozen=True)
class InstalledRelease:
    """One installed release: its :class:`Release`, its database and what the manifest records."""

    release: Release
    folder: Path
    parts: tuple[str, ...]  # which files it holds: "order", "eindex", "drug", "tables"...
    manifest: dict = field(compare=False, repr=False)

    @property
    def database(self) -> Path:
        return self.folder / "release.sqlite"

    def has(self, part: str) -> bool:
        return part in self.parts

    def connect(self) -> sqlite3.Connection:
        """A read-only connection to the release's database, shared within the process."""
        return _connection(self.database)


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


def releases(code_set: str) -> list[InstalledRelease]:
    """Every usable installed release of a code set, newest year first."""
    source(code_set)
    found = [r for r in map(read_manifest, manifests(code_set)) if r is not None]
    return sorted(found, key=lambda r: r.release.year, reverse=True)


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
    found = releases(code_set)
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
    src = SOURCES[code_set]
    year = src.year_of(on)
    start, end = src.effective(year)
    used = _fallback(known, on)
    instead = (
        f"codes were checked against {src.label(used.year)} instead" if used else "no release is installed"
    )
    return Finding(
        rule="release.not-covered",  # the id the code-set validators give this warning
        locator=LOCATORS[code_set],
        severity="warning",
        message=(
            f"Date of service {on.isoformat()} falls in {src.label(year)} ({start.isoformat()} to "
            f"{end.isoformat()}), which is not installed; {instead}. "
            f"Install it with: {install_command(code_set, year)}"
        ),
    )


def _fallback(known: list[Release], on: date) -> Release | None:
    """The release a lookup falls back to: the newest that started before ``on``, else the oldest."""
    before = [r for r in known if r.effective_from <= on]
    if before:
        return max(before, key=lambda r: r.effective_from)
    return min(known, key=lambda r: r.effective_from) if known else None
