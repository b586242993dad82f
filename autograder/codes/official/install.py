"""Install a release from files on disk (a folder, or zips just downloaded) into ``HIMLAB_CACHE``.

Steps: find the members (:mod:`files`), check every zip they come from (each member's CRC),
hash the members (a damaged gzip fails its CRC here), build the database in a ``.partial``
folder, check the counts against the source table, then switch the manifest in one
``os.replace``. Any failure removes the partial folder and leaves the installed release, if
any, exactly as it was.
"""

from __future__ import annotations

import importlib
import json
import os
import shutil
import sqlite3
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from autograder.codes.official import database, files, store
from autograder.codes.official.errors import InstallError
from autograder.codes.official.sources import CodeSetSource, source

Log = Callable[[str], None]
STALE_SECONDS = 3600  # a partial folder older than this is left over from a stopped install


def stderr_log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def check_counts(src: CodeSetSource, year: int, counts: dict[str, int]) -> None:
    """Refuse a release whose counts differ from the known figures (or fall below the floor)."""
    expected, exact = src.expected_counts(year)
    for name, figure in expected.items():
        got = counts.get(name)
        if got is None:
            continue
        if (exact and got != figure) or (not exact and got < figure):
            wanted = f"exactly {figure:,}" if exact else f"at least {figure:,}"
            raise InstallError(
                f"{src.label(year)} has {got:,} {name}, expected {wanted}; the file may be cut short "
                "or from another release"
            )


def install(
    code_set: str,
    year: int,
    places: list[Path],
    *,
    origin: str,
    strict: bool = False,
    log: Log = stderr_log,
) -> store.InstalledRelease:
    """Install ``code_set`` ``year`` from ``places`` (folders and zips); ``origin`` says where the
    files came from (a folder, or download addresses) and is kept as the release's source."""
    src = source(code_set)
    started = time.perf_counter()
    located = files.locate(src, year, places, strict=strict)
    for note in located.notes:
        log(f"{code_set}: {note}")
    for member in located.missing:
        log(f"{code_set}: no {member.description} for {year}; installing without it")
    for archive in sorted({ref.path for ref in located.files.values() if ref.inner is not None}):
        files.check_archive(archive)
    hashes = {}
    for part, ref in located.files.items():
        sha, size = ref.digest()
        hashes[ref.name] = {"sha256": sha, "size": size, "part": part, "read_from": ref.origin}
    root = store.official_dir() / code_set
    root.mkdir(parents=True, exist_ok=True)
    token = f"{year}-{time.time_ns():x}"
    staging, final = root / f"{token}.partial", root / token
    loader = importlib.import_module(f"autograder.codes.official.load_{code_set}")
    try:
        staging.mkdir()
        conn = sqlite3.connect(staging / "release.sqlite")
        try:
            with conn:
                counts, warnings = loader.load(conn, located)
                check_counts(src, year, counts)
                database.set_meta(conn, code_set=code_set, year=year, schema=store.SCHEMA)
        finally:
            conn.close()
        staging.rename(final)
        effective_from, effective_to = src.effective(year)
        manifest = {
            "schema": store.SCHEMA,
            "code_set": code_set,
            "year": year,
            "label": src.label(year),
            "effective_from": effective_from.isoformat(),
            "effective_to": effective_to.isoformat(),
            "source": f"{src.publisher}: {origin}",
            "installed_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "folder": token,
            "parts": sorted(located.files),
            "files": hashes,
            "counts": counts,
            "warnings": [*located.notes, *warnings],
        }
        temporary = root / f".{year}.json.{os.getpid()}"
        temporary.write_text(json.dumps(manifest, indent=2))
        os.replace(temporary, root / f"{year}.json")
        store.forget()  # the code sets pick the new release up on their next call
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        shutil.rmtree(final, ignore_errors=True)
        raise
    for warning in warnings:
        log(f"{code_set}: warning: {warning}")
    _remove_unused(root)
    installed = store.read_manifest(root / f"{year}.json")
    if installed is None:
        raise InstallError(f"{root / f'{year}.json'} could not be read back after installing; install again")
    seconds = time.perf_counter() - started
    log(f"{code_set}: installed {src.label(year)} in {seconds:.1f} s ({_summary(counts)})")
    return installed


def _summary(counts: dict[str, int]) -> str:
    return ", ".join(f"{v:,} {k}" for k, v in counts.items())


def _remove_unused(root: Path) -> None:
    """Delete release folders no manifest names, and partial folders left by a stopped install."""
    used = set()
    for manifest in root.glob("*.json"):
        try:
            used.add(json.loads(manifest.read_text())["folder"])
        except (OSError, ValueError, KeyError):
            continue
    now = time.time()
    for folder in root.iterdir():
        if not folder.is_dir() or folder.name in used:
            continue
        if folder.name.endswith(".partial") and now - folder.stat().st_mtime < STALE_SECONDS:
            continue
        shutil.rmtree(folder, ignore_errors=True)


def install_from_folder(
    code_set: str, directory: Path, year: int | None = None, *, log: Log = stderr_log
) -> store.InstalledRelease:
    """``himlab data install --from DIR``: the given year, else the newest year found in DIR."""
    directory = directory.expanduser()
    if not directory.is_dir():
        raise InstallError(f"{directory} is not a folder; give the folder that holds the official files")
    if year is None:
        years = files.years_available(source(code_set), [directory])
        if not years:
            raise InstallError(f"no {source(code_set).name} files in {directory}")
        year = years[0]
    return install(code_set, year, [directory], origin=f"folder {directory.resolve()}", log=log)
